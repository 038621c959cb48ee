/**
 * A deterministic, virtual-time model of a MonoVertex, its workload and Numaflow's daemon rater,
 * with injectable faults, a scenario library and a scorecard comparing policies.
 */
package dev.ballast.sim;

/**
 * The scaling policy: Numaflow's MonoVertex rules reproduced exactly, Ballast's safety rules on
 * top, and the decisions with their reasons and explanations.
 */
package dev.ballast.core.policy;

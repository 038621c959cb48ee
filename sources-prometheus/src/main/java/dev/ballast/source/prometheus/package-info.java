/** The {@code prometheus} metric source: MonoVertex signals from a Prometheus server. */
package dev.ballast.source.prometheus;

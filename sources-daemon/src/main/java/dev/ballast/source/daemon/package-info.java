/** The {@code daemon} metric source: signals from each MonoVertex's Numaflow daemon over REST. */
package dev.ballast.source.daemon;

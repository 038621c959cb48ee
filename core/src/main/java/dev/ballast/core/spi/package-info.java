/**
 * The service provider interfaces: {@link dev.ballast.core.spi.MetricSource}, {@link
 * dev.ballast.core.spi.Actuator} and {@link dev.ballast.core.spi.TargetDiscovery}, each with a
 * provider found by {@link java.util.ServiceLoader}. They use JDK and Ballast types only.
 */
package dev.ballast.core.spi;

/**
 * What Ballast's OkHttp-based metric sources share: the TLS trust they are configured with ({@link
 * dev.ballast.source.http.HttpTrust}) and how a failed request becomes a typed {@link
 * dev.ballast.core.spi.MetricSourceException} ({@link dev.ballast.source.http.HttpFailures}).
 */
package dev.ballast.source.http;

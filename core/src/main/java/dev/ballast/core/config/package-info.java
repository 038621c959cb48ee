/**
 * Typed configuration options and the library-free view of the configuration that providers
 * receive.
 */
package dev.ballast.core.config;

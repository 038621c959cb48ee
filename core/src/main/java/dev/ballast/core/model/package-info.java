/**
 * Ballast's model: targets, their scale specs and status, and readings that are either known or
 * unknown with a cause. Every type here is immutable.
 */
package dev.ballast.core.model;

/** The control loop: evaluates every target once per interval and reports each decision. */
package dev.ballast.core.loop;

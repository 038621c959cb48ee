/**
 * Cron expressions as Numaflow reads {@code spec.scale.cron.schedules[].start} and {@code end}: six
 * fields with seconds first, parsed and evaluated exactly like Go's {@code
 * github.com/robfig/cron/v3} with {@code cron.NewParser(cron.Second | cron.Minute | cron.Hour |
 * cron.Dom | cron.Month | cron.Dow)}, so that Ballast opens and closes cron windows at the same
 * instants Numaflow does, daylight-saving transitions included; see {@link
 * dev.ballast.core.cron.CronExpression}. JDK only.
 */
package dev.ballast.core.cron;

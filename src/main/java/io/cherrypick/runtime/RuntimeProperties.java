package io.cherrypick.runtime;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The runtime's own settings ({@code cherrypick.*} outside the systems, flows and watching); defaults in
 * application.yml. {@code cherrypick.instance-id} (this instance's name in claims and logs, default host name plus a
 * random number) is read where it is used.
 *
 * @param demo         this runtime is a demo or a rehearsal: the built-in simulators may run, and {noop} passwords are
 *                     accepted. True in the embedded default, false in the postgres profile (production); docker's
 *                     compose sets it (CHERRYPICK_DEMO=true) because it runs the simulators in instance 1
 * @param routesDir    where the YAML routes are (the flows)
 * @param routesReload reload a route file when it is saved (development only)
 * @param dataDir      where the embedded H2 database lives
 * @param quartz       the scheduler's shutdown
 * @param metrics      the business gauges
 * @param handoff      the durable hand-off between the steps of every flow
 */
@Validated
@ConfigurationProperties("cherrypick")
public record RuntimeProperties(boolean demo, @NotBlank String routesDir, boolean routesReload, @NotBlank String dataDir,
                                @NotNull @Valid Quartz quartz, @NotNull @Valid Metrics metrics,
                                @NotNull @Valid Handoff handoff) {

    /**
     * @param shutdownTimeout at shutdown, how long to wait for running Quartz jobs (a database that went away never
     *                        lets them finish)
     */
    public record Quartz(@NotNull Duration shutdownTimeout) {
    }

    /**
     * @param refresh how often the business gauges (orders by state, backlog, open exceptions) are read from the
     *                database, in milliseconds
     */
    public record Metrics(@NotNull @DurationMin(millis = 1) Duration refresh) {
    }

    /**
     * @param maxRecoveries a record whose claim was taken over from a stopped instance this many times (its instance
     *                      died while working on it, each time) is held as an exception with its payload instead of
     *                      being tried again: its processing may be what stops the instance. Replaying it starts the
     *                      count again
     * @param retryFor      a record that keeps failing with a fault trying again can cure is retried for this long
     *                      after its first failed attempt (backoff capped at 5 min), then it is an exception; time its
     *                      system was down does not count (0: retried without end)
     */
    public record Handoff(@Min(1) int maxRecoveries, @NotNull Duration retryFor) {
    }
}

package io.cherrypick.ops;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.store.LifecycleState;

/**
 * Settings of the watching side ({@code cherrypick.ops}); defaults in application.yml.
 *
 * @param stuckAfter how long an order may stay in a lifecycle state before it counts as stuck, per state (e.g.
 *                   cherrypick.ops.stuck-after.DESPATCHED=4h); 0 switches a state off. The defaults suit a same-day
 *                   warehouse and the default schedules. Final states (confirmed, cancelled, skipped) are never stuck
 * @param reportZone the time zone whose days the reconciliation reports count in
 * @param history    the history the console's charts read from the database (calls per minute, backlog per minute)
 */
@Validated
@ConfigurationProperties("cherrypick.ops")
public record OpsProperties(Map<LifecycleState, Duration> stuckAfter, @NotNull ZoneId reportZone,
                            @NotNull @Valid History history) {
    /**
     * The console's chart history: per-minute rows of calls to Peoplevox and Blue Cherry (each instance adds its own)
     * and of each flow's backlog (sampled by one instance), purged by age.
     *
     * @param keep       how long the per-minute rows are kept (the charts show up to 7 days)
     * @param flush      how often each instance adds the calls it made to the database (a stop flushes too)
     * @param sampleCron when one instance samples each flow's backlog (Quartz cron, clustered: the ops-backlog-sample route)
     * @param purgeCron  when rows older than {@code keep} are deleted (Quartz cron, clustered: the ops-history-purge route)
     */
    public record History(@NotNull @DurationMin(hours = 1) Duration keep, @NotNull @DurationMin(seconds = 1) Duration flush,
                          @NotBlank String sampleCron, @NotBlank String purgeCron) {
    }

    public OpsProperties {
        Map<LifecycleState, Duration> limits = new EnumMap<>(LifecycleState.class);
        if (stuckAfter != null) {
            limits.putAll(stuckAfter);
        }
        limits.remove(LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        limits.remove(LifecycleState.CANCELLED);
        limits.remove(LifecycleState.SKIPPED);
        limits.values().removeIf(d -> d == null || d.isZero() || d.isNegative());
        stuckAfter = Collections.unmodifiableMap(limits); // in lifecycle order
    }
}

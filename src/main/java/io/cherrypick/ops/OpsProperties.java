package io.cherrypick.ops;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * @param retention  how long settled records are kept before the ops-retention route deletes them
 */
@Validated
@ConfigurationProperties("cherrypick.ops")
public record OpsProperties(Map<LifecycleState, Duration> stuckAfter, @NotNull ZoneId reportZone,
                            @NotNull @Valid History history, @NotNull @Valid Retention retention) {
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

    /**
     * Retention (routes/ops-retention.camel.yaml): what is settled and old is deleted in small batches. Of the queues
     * that send records, an older settled row of a record goes after {@code keep}; the newest row of each record and
     * its newest row that went through (what a later change or despatch is compared with, and what stops the same
     * revision from going twice) go after {@code keepLatest}, as do the idempotency keys. What waits for a person, and
     * a row an open exception points at, is never deleted.
     *
     * @param cron       when one instance purges (Quartz cron, clustered: the ops-retention route)
     * @param keep       how long settled events and channel pushes, older settled rows of the sending queues, closed
     *                   exceptions, delivered alerts, what alerts announced (a stall still there after it is
     *                   announced again) and finished stock reconciliations are kept; at least a day, as the alerts
     *                   look a day back for new exceptions
     * @param keepLatest how long the newest settled rows of each record in a sending queue, and the idempotency keys,
     *                   are kept (at least {@code keep})
     * @param keepAudit  how long the audit log (who did what in the console and API) is kept
     * @param batch      rows deleted per statement (short locks; the statement repeats while it deletes a full batch)
     */
    public record Retention(@NotBlank String cron, @NotNull @DurationMin(days = 1) Duration keep,
                            @NotNull @DurationMin(days = 1) Duration keepLatest,
                            @NotNull @DurationMin(days = 1) Duration keepAudit, @Min(1) int batch) {
        public Retention {
            if (keep != null && keepLatest != null && keepLatest.compareTo(keep) < 0) {
                throw new IllegalArgumentException("cherrypick.ops.retention.keep-latest (" + keepLatest
                        + ") must be at least cherrypick.ops.retention.keep (" + keep + "): the newest row of a record"
                        + " is kept at least as long as its older ones");
            }
        }
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

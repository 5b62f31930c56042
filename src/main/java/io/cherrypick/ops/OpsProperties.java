package io.cherrypick.ops;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

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
 */
@Validated
@ConfigurationProperties("cherrypick.ops")
public record OpsProperties(Map<LifecycleState, Duration> stuckAfter, @NotNull ZoneId reportZone) {
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

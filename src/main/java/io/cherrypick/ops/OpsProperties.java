package io.cherrypick.ops;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.cherrypick.store.LifecycleState;

/**
 * Settings of the watching side ({@code cherrypick.ops}).
 * <ul>
 * <li>{@code stuckAfter}: how long an order may stay in a lifecycle state before it counts as stuck
 * ({@code cherrypick.ops.stuck-after.<STATE>}, e.g. {@code cherrypick.ops.stuck-after.DESPATCHED=4h}); a state set to
 * {@code 0} is never stuck. The defaults suit a same-day warehouse and the default schedules: the despatch batch runs
 * every 5 minutes, so a despatch not confirmed in Blue Cherry within 2 hours is a stall, not a wait. Final states
 * (confirmed, cancelled) are never stuck.</li>
 * <li>{@code reportZone}: the time zone whose days the reconciliation reports count in (default UTC).</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.ops")
public record OpsProperties(Map<LifecycleState, Duration> stuckAfter, ZoneId reportZone) {
    static final Map<LifecycleState, Duration> DEFAULTS = Map.of(
            LifecycleState.QUEUED_IN_CHERRYPICK, Duration.ofMinutes(30),
            LifecycleState.HELD_IN_BLUE_CHERRY, Duration.ofHours(4),
            LifecycleState.RELEASED_TO_PEOPLEVOX, Duration.ofMinutes(30),
            LifecycleState.ACKNOWLEDGED, Duration.ofHours(24),
            LifecycleState.ALLOCATED, Duration.ofHours(24),
            LifecycleState.PICKING, Duration.ofHours(8),
            LifecycleState.DESPATCHED, Duration.ofHours(2));

    public OpsProperties {
        reportZone = reportZone == null ? ZoneId.of("UTC") : reportZone;
        Map<LifecycleState, Duration> merged = new EnumMap<>(DEFAULTS);
        if (stuckAfter != null) {
            merged.putAll(stuckAfter);
        }
        merged.remove(LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        merged.remove(LifecycleState.CANCELLED);
        merged.remove(LifecycleState.SKIPPED);
        merged.values().removeIf(d -> d == null || d.isZero() || d.isNegative());
        stuckAfter = java.util.Collections.unmodifiableMap(merged); // in lifecycle order
    }
}

package io.cherrypick.store;

import java.time.Instant;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;

/** A dead letter or business exception as stored: what failed, why, for whom, and what was done about it. */
public record ExceptionRecord(long id, String flow, String routeId, String businessKey, Category category, Owner owner,
                              String message, String payload, String headers, Long handoffId, int attempts,
                              Instant firstSeen, Instant lastSeen, String status, String actionedBy, String actionReason,
                              Instant actionedAt) {
    public static final String OPEN = "OPEN";
    public static final String REPLAYED = "REPLAYED";
    public static final String RESOLVED = "RESOLVED";
    public static final String DISCARDED = "DISCARDED";
}

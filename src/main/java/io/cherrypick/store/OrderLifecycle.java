package io.cherrypick.store;

import java.time.Instant;

/** One pick ticket's journey, as customer service looks it up. */
public record OrderLifecycle(String pickNum, String ordNum, String poNum, String customer, String bcLocation, String pvxSite,
                             String revisionReceived, String revisionSent, LifecycleState state, boolean exceptionOpen,
                             String note, Instant receivedAt, Instant heldAt, Instant releasedAt, Instant acknowledgedAt,
                             Instant allocatedAt, Instant pickingAt, Instant despatchedAt, Instant confirmedAt,
                             Instant cancelledAt, Instant updatedAt) {

    /** When the pick entered its current state (its step's time), or its last update for a state without one. */
    public Instant inStateSince() {
        Instant step = switch (state) {
            case QUEUED_IN_CHERRYPICK, SKIPPED -> null;
            case HELD_IN_BLUE_CHERRY -> heldAt;
            case RELEASED_TO_PEOPLEVOX -> releasedAt;
            case ACKNOWLEDGED -> acknowledgedAt;
            case ALLOCATED -> allocatedAt;
            case PICKING -> pickingAt;
            case DESPATCHED -> despatchedAt;
            case CONFIRMED_IN_BLUE_CHERRY -> confirmedAt;
            case CANCELLED -> cancelledAt;
        };
        return step == null ? updatedAt : step;
    }
}

package io.cherrypick.store;

import java.time.Instant;

/** One pick ticket's journey, as customer service looks it up. */
public record OrderLifecycle(String pickNum, String ordNum, String poNum, String customer, String bcLocation, String pvxSite,
                             String revisionReceived, String revisionSent, LifecycleState state, boolean exceptionOpen,
                             String note, Instant receivedAt, Instant heldAt, Instant releasedAt, Instant acknowledgedAt,
                             Instant allocatedAt, Instant pickingAt, Instant despatchedAt, Instant confirmedAt,
                             Instant cancelledAt, Instant updatedAt) {
}

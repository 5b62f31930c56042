package io.cherrypick.store;

import java.time.Instant;

/**
 * A Peoplevox stock level of a SKU at a site as observed at a time. {@code seq} orders observations with the same time
 * (the inbox id of an event: later received wins; 0 for a report read). {@code onHand}/{@code allocated} may be null
 * when the source did not carry them.
 */
public record StockObservation(String itemCode, String site, int available, Integer onHand, Integer allocated,
                               Instant observedAt, long seq, String source) {
    public static final String EVENT = "EVENT";
    public static final String REFRESH = "REFRESH";
    public static final String RECONCILIATION = "RECONCILIATION";

    /** True when this observation is newer than one made at {@code otherAt} with {@code otherSeq}. */
    public boolean newerThan(Instant otherAt, long otherSeq) {
        int byTime = observedAt.compareTo(otherAt);
        return byTime > 0 || (byTime == 0 && seq > otherSeq);
    }

    /** True when this observation gives the same level (what it does not carry is taken as the same). */
    public boolean sameLevel(int otherAvailable, Integer otherOnHand, Integer otherAllocated) {
        return available == otherAvailable && (onHand == null || otherOnHand == null || onHand.equals(otherOnHand))
                && (allocated == null || otherAllocated == null || allocated.equals(otherAllocated));
    }

    /**
     * Whether this and an observation of the same instant disagree: Peoplevox stamps its events to the second, and the
     * order they arrive in is not the order they happened in (a delivery retried after a failure comes late), so which
     * of the two is the level now cannot be told.
     */
    public boolean undecidedAgainst(Instant otherAt, int otherAvailable, Integer otherOnHand, Integer otherAllocated) {
        return observedAt.equals(otherAt) && !sameLevel(otherAvailable, otherOnHand, otherAllocated);
    }

    /** The time an observation must be from to settle a tie of this one's second: the next whole second. */
    public Instant nextSecond() {
        return observedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }
}

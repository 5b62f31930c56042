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
}

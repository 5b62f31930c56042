package io.cherrypick.store;

import java.time.Instant;

/** One returned item booked in by Peoplevox ({@code return_receipt}), keyed by return code, item code and the
 * running total of units it reaches ({@code unitsTo}; {@code quantity} is the units it adds). */
public record Receipt(long id, String returnCode, String itemCode, int quantity, String salesOrderNumber, String rmaNumber,
                      String reason, String condition, String site, String source, String disposition, ReceiptState state,
                      String note, Long bcPkey, Instant receivedAt, Instant confirmedAt, int unitsTo) {

    /** Its business key, as {@link io.cherrypick.peoplevox.model.PvxReturn#key()} (the hand-off and exceptions use it). */
    public String key() {
        return io.cherrypick.peoplevox.model.PvxReturn.key(returnCode, itemCode, unitsTo);
    }
}

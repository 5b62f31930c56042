package io.cherrypick.store;

import java.time.Instant;

/** One returned item booked in by Peoplevox ({@code return_receipt}), keyed by return code + item code. */
public record Receipt(long id, String returnCode, String itemCode, int quantity, String salesOrderNumber, String rmaNumber,
                      String reason, String condition, String site, String source, String disposition, ReceiptState state,
                      String note, Long bcPkey, Instant receivedAt, Instant confirmedAt) {
}

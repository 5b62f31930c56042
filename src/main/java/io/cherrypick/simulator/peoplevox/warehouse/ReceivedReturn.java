package io.cherrypick.simulator.peoplevox.warehouse;

import java.time.LocalDateTime;

/** A return booked in at the warehouse (Return summary report, Returns event). */
public record ReceivedReturn(String returnCode, String rmaNumber, String salesOrderNumber, String itemCode,
        int quantity, String reason, String condition, String comments, boolean reusable, String siteReference,
        LocalDateTime returnDate) {
}

package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.cherrypick.flow.inbound.InboundProperties;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.PurchaseOrderStore.Expecting;
import io.cherrypick.store.PurchaseOrderStore.State;

/**
 * Purchase orders whose delivery is late: still open (queued, sent to Peoplevox or partly received), units still
 * expected, and their expected date (Blue Cherry's due_date, in {@code cherrypick.ops.report-zone}) more than
 * {@code cherrypick.flows.inbound.stuck-grace} ago. Purchasing chases the supplier; the warehouse checks nothing was
 * booked in against the wrong purchase order. A purchase order leaves the list by itself once it is received, closed or
 * cancelled.
 */
@Service
public class StuckPurchaseOrders {
    /** Open purchase orders read at most per look (the earliest expected first). */
    static final int CANDIDATES = 10_000;

    private final PurchaseOrderStore store;
    private final InboundProperties inbound;
    private final OpsProperties ops;

    public StuckPurchaseOrders(PurchaseOrderStore store, InboundProperties inbound, OpsProperties ops) {
        this.store = store;
        this.inbound = inbound;
        this.ops = ops;
    }

    /** One late purchase order: what it still expects and how late it is. */
    public record StuckPurchaseOrder(String prodNum, String supplier, String site, String expectedDate, State state,
                                     int unitsOrdered, int unitsExpected, long hoursLate, long graceHours,
                                     boolean exceptionOpen) {
    }

    /** Late purchase orders, the longest overdue first. */
    public List<StuckPurchaseOrder> list(int limit) {
        Instant now = Instant.now();
        List<StuckPurchaseOrder> late = new ArrayList<>();
        for (Expecting po : store.expecting(CANDIDATES)) {
            Optional<Instant> due = expected(po.expectedDate());
            if (due.isEmpty() || !due.get().plus(inbound.stuckGrace()).isBefore(now)) {
                continue;
            }
            late.add(new StuckPurchaseOrder(po.prodNum(), po.supplier(), po.site(), po.expectedDate(), po.state(),
                    po.ordered(), po.unitsExpected(), Duration.between(due.get(), now).toHours(),
                    inbound.stuckGrace().toHours(), po.exceptionOpen()));
            if (late.size() == limit) {
                break;
            }
        }
        return late;
    }

    /** The expected date as an instant: Blue Cherry's local date and time, read in the report zone. */
    private Optional<Instant> expected(String text) {
        // PeoplevoxDates reads yyyy-MM-dd HH:mm:ss and ISO dates too, the forms Blue Cherry writes a due_date in
        return PeoplevoxDates.parse(text).map((LocalDateTime t) -> t.atZone(ops.reportZone()).toInstant());
    }
}

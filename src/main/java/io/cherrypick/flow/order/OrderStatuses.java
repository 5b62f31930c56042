package io.cherrypick.flow.order;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;

/**
 * What a pick's Blue Cherry {@code ord_status} means to Cherrypick (bean {@code orderStatuses} in
 * routes/sales-order-to-wms.camel.yaml and sales-order-amend.camel.yaml): cancelled (cancel it in Peoplevox, or never
 * send it) or closed (Blue Cherry is done with it: nothing to send, nothing to cancel), by
 * {@code cherrypick.flows.sales-order.cancelled-statuses} and {@code closed-statuses}. Codes compare trimmed and
 * ignoring case; any other code is an open pick.
 */
@Component("orderStatuses")
public class OrderStatuses {
    /** Header set by {@link #arrival}: what a pulled revision of a pick means, one of {@link Arrival}. */
    public static final String ARRIVAL = "CherrypickPickArrival";

    /** What a pulled revision of a pick means, in the order the pull route asks. */
    public enum Arrival {
        /** Blue Cherry closed or completed it: nothing to send or cancel. */
        CLOSED,
        /** A revision of it went to Peoplevox already: a change (or cancellation) for the amendment flow. */
        IN_PEOPLEVOX,
        /** Voided or cancelled before any revision was sent: it never goes. */
        CANCELLED,
        /**
         * Open, and the first revision of it Cherrypick sees (the pull's {@code orderLifecycle.received} step created
         * its lifecycle, queued, just now): queue it; no earlier revision can wait to be superseded.
         */
        FIRST,
        /** Open, seen before and not in Peoplevox: queue it in place of any older revision still waiting. */
        NEW
    }

    private final SalesOrderProperties props;
    private final HandoffStore handoff;

    public OrderStatuses(SalesOrderProperties props, HandoffStore handoff) {
        this.props = props;
        this.handoff = handoff;
    }

    /**
     * Sets header {@value #ARRIVAL} for the pulled pick (body) named by header CherrypickRecordKey: closed, else already
     * sent through {@code sentQueue} (in Peoplevox), else cancelled, else first seen or new. One step with a header the
     * route's {@code choice} reads: a predicate calling a bean copies the whole exchange on every call.
     */
    public void arrival(Exchange exchange, String sentQueue) throws InvalidPayloadException {
        Message in = exchange.getIn();
        Pick pick = in.getMandatoryBody(Pick.class);
        Arrival arrival;
        // every revision stored for a pick came through this pull, which records the pick first: a pick whose
        // lifecycle the pull just created has no revision in any queue, so nothing is looked up for it
        boolean firstSeen = OrderLifecycleSteps.createdQueued(exchange);
        if (closed(pick)) {
            arrival = Arrival.CLOSED;
        } else if (!firstSeen && handoff.hasDone(sentQueue, in.getHeader(Handoff.RECORD_KEY, String.class))) {
            arrival = Arrival.IN_PEOPLEVOX;
        } else if (cancelled(pick)) {
            arrival = Arrival.CANCELLED;
        } else {
            arrival = firstSeen ? Arrival.FIRST : Arrival.NEW;
        }
        in.setHeader(ARRIVAL, arrival.name());
    }

    /** The pick was voided or cancelled in Blue Cherry. */
    public boolean cancelled(Pick pick) {
        return isIn(pick.getOrdStatus(), props.cancelledStatuses());
    }

    /** Blue Cherry closed or completed the pick: nothing goes to Peoplevox for it. */
    public boolean closed(Pick pick) {
        return isIn(pick.getOrdStatus(), props.closedStatuses());
    }

    private static boolean isIn(String status, List<String> codes) {
        return status != null && !status.isBlank() && codes.stream().anyMatch(c -> c.trim().equalsIgnoreCase(status.trim()));
    }
}

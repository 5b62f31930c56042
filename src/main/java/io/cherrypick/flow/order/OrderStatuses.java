package io.cherrypick.flow.order;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;

/**
 * What a pick's Blue Cherry {@code ord_status} means to Cherrypick (bean {@code orderStatuses} in
 * routes/sales-order-to-wms.camel.yaml and sales-order-amend.camel.yaml): cancelled (cancel it in Peoplevox, or never
 * send it) or closed (Blue Cherry is done with it: nothing to send, nothing to cancel), by
 * {@code cherrypick.flows.sales-order.cancelled-statuses} and {@code closed-statuses}. Codes compare trimmed and
 * ignoring case; any other code is an open pick.
 */
@Component("orderStatuses")
public class OrderStatuses {
    private final SalesOrderProperties props;

    public OrderStatuses(SalesOrderProperties props) {
        this.props = props;
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

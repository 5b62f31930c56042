package io.cherrypick.flow.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;

/**
 * Records why a pick (or a change to one) did not go to Peoplevox: the exception with the original payload, the outbox
 * row's state and the lifecycle's note, in one transaction. Used by the order and amendment senders.
 */
@Component
public class PickOutcomes {
    private static final Logger log = LoggerFactory.getLogger(PickOutcomes.class);

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final OrderLifecycleStore lifecycle;
    private final TransactionTemplate tx;

    public PickOutcomes(OutboxStore outbox, ExceptionStore exceptions, OrderLifecycleStore lifecycle, TransactionTemplate tx) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.lifecycle = lifecycle;
        this.tx = tx;
    }

    /** Invalid in Blue Cherry: held until a person fixes the cause and replays it. */
    public void hold(OutboxBatch batch, OutboxRow row, Category category, String message) {
        record(batch, row, category, message, true);
        log.warn("held in Blue Cherry: {}", message);
    }

    /** Refused by Peoplevox, or stopped by a rule (cut-off): failed until a person acts. */
    public void fail(OutboxBatch batch, OutboxRow row, Category category, String message) {
        record(batch, row, category, message, false);
        log.warn("{}", message);
    }

    private void record(OutboxBatch batch, OutboxRow row, Category category, String message, boolean held) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(row.flow(), routeOf(row.flow()), row.businessKey(), category, message,
                    row.payload(), row.id()));
            if (held) {
                outbox.markHeld(row.id(), message);
            } else {
                outbox.markFailed(row.id(), message);
            }
            if (SalesOrderFlow.FLOW.equals(row.flow())) {
                lifecycle.held(row.businessKey(), message);
            } else {
                lifecycle.flagException(row.businessKey(), true);
                lifecycle.note(row.businessKey(), message);
            }
        });
        batch.settle(row.id());
    }

    /** A Peoplevox refusal's category, from the field it names. */
    public static Category categoryOf(String peoplevoxMessage) {
        return peoplevoxMessage.contains("ItemCode") ? Category.SKU_MISMATCH
                : peoplevoxMessage.contains("Site") ? Category.MISSING_WAREHOUSE : Category.REJECTED;
    }

    private static String routeOf(String flow) {
        return SalesOrderFlow.FLOW.equals(flow) ? SalesOrderFlow.SEND_ROUTE : SalesOrderFlow.AMEND_ROUTE;
    }
}

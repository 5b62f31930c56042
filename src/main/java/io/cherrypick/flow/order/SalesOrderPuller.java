package io.cherrypick.flow.order;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.IncrementalPull;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxStore;

/**
 * Pulls released pick tickets from Blue Cherry ({@code GET /api/pick?_include=all}) after the persisted {@code last_mod}
 * watermark ({@link IncrementalPull}: key-set paging, equal {@code last_mod} values never lost at a page or run
 * boundary), and stores each pick revision in the outbox in the same transaction that advances the watermark.
 */
@Component("salesOrderPuller")
public class SalesOrderPuller {
    private static final Logger log = LoggerFactory.getLogger(SalesOrderPuller.class);

    private final IncrementalPull pull;
    private final OutboxStore outbox;
    private final OrderLifecycleStore lifecycle;
    private final ExceptionStore exceptions;
    private final SalesOrderProperties props;

    public SalesOrderPuller(IncrementalPull pull, OutboxStore outbox, OrderLifecycleStore lifecycle,
                            ExceptionStore exceptions, SalesOrderProperties props) {
        this.pull = pull;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.exceptions = exceptions;
        this.props = props;
    }

    /** One pull run; returns how many new pick revisions were stored. */
    public int pull() {
        IncrementalPull.Result result = pull.pull("pick", SalesOrderFlow.PULL_ROUTE, "pick_num", this::take);
        exceptions.resolveOpen(SalesOrderFlow.PULL_ROUTE, SalesOrderFlow.PULL_ROUTE, "the pull succeeded again");
        if (result.taken() > 0) {
            log.info("pulled {} new pick revision(s) from Blue Cherry; watermark now {}", result.taken(), result.watermark());
        }
        return result.taken();
    }

    /** Stores one pick revision where it belongs: a new pick is queued, a change to a sent pick goes to the change flow. */
    private boolean take(JsonNode pick, String key, String revision) {
        String pickNum = pick.path("pick_num").asText("").trim();
        String businessKey = pickNum.isEmpty() ? "pkey-" + key : pickNum;
        lifecycle.received(businessKey, text(pick, "ord_num"), text(pick, "po_num"), text(pick, "customer"),
                text(pick, "location"), revision);
        boolean cancelled = props.cancelledStatuses().contains(text(pick, "ord_status"));
        if (outbox.hasSentRevision(SalesOrderFlow.FLOW, businessKey)) {
            // already in Peoplevox: the amendment flow decides (only the newest unapplied change matters)
            outbox.supersedeUnsent(SalesOrderFlow.CHANGE_FLOW, businessKey, revision);
            return outbox.insertIfAbsent(SalesOrderFlow.CHANGE_FLOW, businessKey, revision, pick.toString());
        }
        List<Long> superseded = outbox.supersedeUnsent(SalesOrderFlow.FLOW, businessKey, revision);
        if (!superseded.isEmpty()) {
            log.info("pick {}: unsent revision(s) {} superseded by revision {}", businessKey, superseded, revision);
            exceptions.resolveOpen(SalesOrderFlow.FLOW, businessKey, "superseded by Blue Cherry revision " + revision);
        }
        if (cancelled) {
            lifecycle.moveTo(businessKey, LifecycleState.CANCELLED, "cancelled in Blue Cherry before it was sent to Peoplevox");
            return false;
        }
        boolean isNew = outbox.insertIfAbsent(SalesOrderFlow.FLOW, businessKey, revision, pick.toString());
        if (isNew) {
            lifecycle.moveTo(businessKey, LifecycleState.QUEUED_IN_CHERRYPICK, null);
            lifecycle.flagException(businessKey, false);
        }
        return isNew;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}

package io.cherrypick.flow.order;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;

/**
 * The order lifecycle as the order routes move it (bean {@code orderLifecycle}): what customer service reads at
 * {@code /api/orders/{pick}}. Each method is one step a route calls; the pick is named by header CherrypickRecordKey.
 */
@Component("orderLifecycle")
public class OrderLifecycleSteps {
    /** Header: the change applied to an order, field by field (set by the amendment flow). */
    static final String AMENDMENT = "CherrypickChange";
    /** Exchange property: {@link #received} created the pick's lifecycle, in the queued state. */
    private static final String CREATED_QUEUED = "CherrypickLifecycleCreatedQueued";

    private final OrderLifecycleStore lifecycle;

    public OrderLifecycleSteps(OrderLifecycleStore lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** A revision of the pick arrived from Blue Cherry. */
    public void received(Exchange exchange, @Body Pick pick, @Header(Handoff.RECORD_KEY) String pickNum,
                         @Header(Handoff.REVISION) String revision) {
        boolean created = lifecycle.received(pickNum, blankToNull(pick.getOrdNum()), blankToNull(pick.getPoNum()),
                blankToNull(pick.getCustomer()), blankToNull(pick.getLocation()), revision);
        exchange.setProperty(CREATED_QUEUED, created);
    }

    /** Whether {@link #received} created the pick's lifecycle (queued) in this exchange: a pick never seen before. */
    static boolean createdQueued(Exchange exchange) {
        return exchange.getProperty(CREATED_QUEUED, false, Boolean.class);
    }

    /** The revision waits in Cherrypick to be sent. */
    public void queued(Exchange exchange, @Header(Handoff.RECORD_KEY) String pickNum) {
        // a pick first seen in this exchange was created queued: a second statement would change nothing
        if (!createdQueued(exchange)) {
            lifecycle.queued(pickNum);
        }
    }

    /** Voided or cancelled in Blue Cherry before any revision was sent: it never goes. */
    public void cancelledBeforeSent(@Header(Handoff.RECORD_KEY) String pickNum) {
        lifecycle.moveTo(pickNum, LifecycleState.CANCELLED, "cancelled in Blue Cherry before it was sent to Peoplevox");
    }

    /** Held (or given up): a person must act; the reason names the record and the field. */
    public void held(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.REASON) String reason) {
        lifecycle.held(pickNum, reason);
    }

    /** A change could not be applied (or was stopped by the cut-off): flagged, with the reason as the note. */
    public void flagged(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.REASON) String reason) {
        lifecycle.flagException(pickNum, true);
        lifecycle.note(pickNum, reason);
    }

    /** A change of the pick was applied in Peoplevox. */
    public void amended(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.REVISION) String revision,
                        @Header(AMENDMENT) String change) {
        lifecycle.amended(pickNum, revision, change == null || change.isBlank() ? null : "amended in Peoplevox: " + change);
    }

    /** The pick was cancelled in Peoplevox (or already was). */
    public void cancelled(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.NOTE) String note) {
        lifecycle.moveTo(pickNum, LifecycleState.CANCELLED, note == null ? "cancelled in Peoplevox" : note);
        lifecycle.flagException(pickNum, false);
    }

    /** A route step chose not to send the pick; the reason is what customer service reads. */
    public void skipped(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.SKIP_REASON) String reason) {
        lifecycle.moveTo(pickNum, LifecycleState.SKIPPED, reason);
        lifecycle.flagException(pickNum, false);
    }

    /**
     * A change of the pick was not sent on purpose (a person closed its exception): the pick keeps its state, its
     * flag is cleared and the note says why.
     */
    public void changeSkipped(@Header(Handoff.RECORD_KEY) String pickNum, @Header(Handoff.SKIP_REASON) String reason) {
        lifecycle.flagException(pickNum, false);
        lifecycle.note(pickNum, "change not sent: " + reason);
    }

    /** Peoplevox took these picks (a batch: a list of messages, each a mapped pick); one statement for all. */
    public void acknowledged(@Body List<Message> picks) {
        Set<String> pickNums = new LinkedHashSet<>();
        Map<String, String> sites = new HashMap<>();
        Map<String, String> revisions = new HashMap<>();
        for (Message m : picks) {
            String pickNum = m.getHeader(Handoff.RECORD_KEY, String.class);
            pickNums.add(pickNum);
            revisions.put(pickNum, m.getHeader(Handoff.REVISION, String.class));
            if (m.getBody() instanceof MappedRecord mapped) {
                sites.put(pickNum, mapped.row("header").get("Site"));
            }
        }
        lifecycle.acknowledged(pickNums, sites, revisions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

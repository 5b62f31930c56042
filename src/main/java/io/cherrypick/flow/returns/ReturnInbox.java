package io.cherrypick.flow.returns;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.SchedulerRun;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxEvent;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxStore;

/**
 * Takes received returns from the inbox (the {@code Returns} webhook and the {@code Return summary} poll put them
 * there): each return code + item is stored once in {@code return_receipt} and queued for Blue Cherry in the same
 * transaction; the RA it names (or an RA of its sales order holding the item) moves to RECEIVED. Matching and the
 * checks (authorisation, sales order, quantity) happen when the receipt is sent, so a replay after a fix re-checks.
 */
@Component("returnInbox")
public class ReturnInbox {
    private static final Logger log = LoggerFactory.getLogger(ReturnInbox.class);
    private static final int CLAIM = 100;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final ReturnStore store;
    private final ExceptionStore exceptions;
    private final ReturnsProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public ReturnInbox(InboxStore inbox, OutboxStore outbox, ReturnStore store, ExceptionStore exceptions,
                       ReturnsProperties props, TransactionTemplate tx, ObjectMapper json,
                       @Value("${cherrypick.instance-id}") String instanceId) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.store = store;
        this.exceptions = exceptions;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** One run: claims up to 100 due events and settles each. Returns how many were claimed. */
    public int process(Exchange exchange) {
        List<InboxEvent> events = inbox.claim(ReturnsFlow.RECEIPT_FLOW, instanceId, CLAIM, props.staleClaimAfter());
        if (events.isEmpty()) {
            return SchedulerRun.nothingPolled(exchange);
        }
        for (InboxEvent event : events) {
            PvxReturn received;
            try {
                String source = ReturnsFlow.REPORT_ROW.equals(event.eventType()) ? "report" : "event";
                received = PvxReturn.fromEvent(fields(event), source,
                        event.receivedAt() == null ? "" : event.receivedAt().toString());
            } catch (IllegalArgumentException unreadable) {
                malformed(event, "Peoplevox " + event.eventType() + " (inbox " + event.id() + ") cannot be read: "
                        + unreadable.getMessage());
                continue;
            }
            tx.executeWithoutResult(status -> {
                take(received, event);
                inbox.markDone(List.of(event.id()));
            });
        }
        return events.size();
    }

    private void take(PvxReturn r, InboxEvent event) {
        Optional<Long> id = store.insertReceiptIfAbsent(r, event.receivedAt() == null ? java.time.Instant.now() : event.receivedAt());
        if (id.isEmpty()) {
            log.debug("return {} item {} is already stored; {} (inbox {}) ignored", r.returnCode(), r.itemCode(),
                    event.eventType(), event.id());
            return;
        }
        try {
            outbox.insertIfAbsent(ReturnsFlow.RECEIPT_FLOW, r.key(), "1", json.writeValueAsString(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record of strings is always JSON", e);
        }
        String note = "Peoplevox booked in return " + r.returnCode() + ": " + r.quantity() + " x " + r.itemCode()
                + (r.condition().isEmpty() ? "" : " (" + r.condition() + ")") + "; queued for Blue Cherry";
        authorisationOf(r).ifPresent(ra -> {
            if (!store.moveForward(ra.raNum(), ReturnState.RECEIVED, note)) {
                store.note(ra.raNum(), note);
            }
        });
        log.info("{} (sales order {}, RMA {}, from the {})", note, r.salesOrderNumber(),
                r.rmaNumber().isEmpty() ? "none" : r.rmaNumber(), r.source());
    }

    /** The RA the return names, or else the first RA of its sales order holding the item (for the state shown). */
    private Optional<Authorisation> authorisationOf(PvxReturn r) {
        Optional<Authorisation> named = store.authorisation(r.rmaNumber());
        if (named.isPresent()) {
            return named;
        }
        List<Authorisation> ofOrder = store.authorisationsOfPick(r.salesOrderNumber());
        List<String> withItem = store.lines(ofOrder.stream().map(Authorisation::raNum).toList()).stream()
                .filter(l -> l.itemCode().equals(r.itemCode())).map(AuthorisedLine::raNum).toList();
        return ofOrder.stream().filter(a -> withItem.contains(a.raNum())).findFirst();
    }

    private void malformed(InboxEvent event, String message) {
        tx.executeWithoutResult(status -> {
            inbox.markFailed(event.id(), event.attempts() + 1, message);
            exceptions.record(NewException.of(ReturnsFlow.RECEIPT_FLOW, ReturnsFlow.INBOX_ROUTE, event.eventKey(),
                    Category.MALFORMED_EVENT, message, event.payload(), null));
        });
        log.warn("{}", message);
    }

    private Map<String, String> fields(InboxEvent event) {
        try {
            return json.readValue(event.payload(), FIELDS);
        } catch (Exception unreadable) {
            throw new IllegalArgumentException("payload is not a JSON object of fields");
        }
    }
}

package io.cherrypick.flow.despatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.flow.SchedulerRun;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxEvent;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxStore;

/**
 * Works through the despatch flow's inbox (webhook events and despatches found by the report poll):
 * <ul>
 * <li>{@code SalesOrderStatusChanges} move the pick's lifecycle forward (never back, never with an older status);</li>
 * <li>despatch events name a despatch: those not taken yet are read from Peoplevox together (two calls per 100) and
 * each is stored in the outbox under its despatch number, in the transaction that records the despatch and moves the
 * pick to DESPATCHED. Many events about one despatch (tracking, each package, the report) give one outbox row.</li>
 * </ul>
 * A despatch Peoplevox does not show yet, or a failed call, is tried again later with backoff; after
 * {@code eventMaxAttempts} the event fails with an exception naming the despatch.
 */
@Component("despatchInbox")
public class DespatchInbox {
    private static final Logger log = LoggerFactory.getLogger(DespatchInbox.class);
    private static final int CLAIM = 100;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final DespatchRegister register;
    private final PeoplevoxDespatches despatches;
    private final OrderLifecycleStore lifecycle;
    private final ExceptionStore exceptions;
    private final DespatchProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public DespatchInbox(InboxStore inbox, OutboxStore outbox, DespatchRegister register, PeoplevoxDespatches despatches,
                         OrderLifecycleStore lifecycle, ExceptionStore exceptions, DespatchProperties props,
                         TransactionTemplate tx, ObjectMapper json, @Value("${cherrypick.instance-id}") String instanceId) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.register = register;
        this.despatches = despatches;
        this.lifecycle = lifecycle;
        this.exceptions = exceptions;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** One run: claims up to 100 due events and settles each. Returns how many were claimed. */
    public int process(Exchange exchange) {
        List<InboxEvent> events = inbox.claim(DespatchFlow.FLOW, instanceId, CLAIM, props.staleClaimAfter());
        if (events.isEmpty()) {
            return SchedulerRun.nothingPolled(exchange);
        }
        Map<String, List<InboxEvent>> byDespatch = new LinkedHashMap<>();
        List<Long> done = new ArrayList<>();
        for (InboxEvent event : events) {
            Map<String, String> fields = fields(event);
            if (DespatchFlow.STATUS_CHANGES.equals(event.eventType())) {
                applyStatus(fields);
                done.add(event.id());
                continue;
            }
            String number = fields.getOrDefault("DespatchNumber", "").trim();
            if (number.isEmpty()) {
                fail(event, Category.MALFORMED_EVENT, "Peoplevox event " + event.eventType() + " (inbox " + event.id()
                        + ") names no DespatchNumber");
                continue;
            }
            byDespatch.computeIfAbsent(number, k -> new ArrayList<>()).add(event);
        }
        inbox.markDone(done);
        if (!byDespatch.isEmpty()) {
            take(byDespatch);
        }
        return events.size();
    }

    private void applyStatus(Map<String, String> fields) {
        String pick = fields.getOrDefault("SalesOrderNumber", "").trim();
        String status = fields.getOrDefault("SalesOrderStatus.Name", "").trim();
        LifecycleState state = WarehouseStatuses.stateFor(props.statuses(), status).orElse(null);
        if (state == null || lifecycle.findPick(pick).isEmpty()) {
            return; // a status the lifecycle does not follow (e.g. New), or an order Cherrypick did not send
        }
        Instant at = PeoplevoxDates.parseInstant(fields.get("LastModificationTime")).orElse(null);
        boolean moved = lifecycle.moveIfIn(pick, state, "Peoplevox status " + status
                        + (at == null ? "" : " at " + fields.get("LastModificationTime")),
                WarehouseStatuses.movableTo(state), at);
        if (!moved) {
            log.debug("pick {}: Peoplevox status {} ({}) ignored: the lifecycle already shows a later one", pick, status,
                    fields.get("LastModificationTime"));
        }
    }

    /** Reads the despatches not taken yet and stores each in the outbox; settles every event. */
    private void take(Map<String, List<InboxEvent>> byDespatch) {
        Set<String> known = register.known(byDespatch.keySet());
        List<Long> done = new ArrayList<>();
        known.forEach(n -> byDespatch.remove(n).forEach(e -> done.add(e.id())));
        inbox.markDone(done);
        if (byDespatch.isEmpty()) {
            return;
        }
        Map<String, PvxDespatch> found;
        try {
            found = despatches.read(byDespatch.keySet());
        } catch (ApiException e) {
            byDespatch.values().forEach(events -> events.forEach(ev -> retryOrFail(ev, e.category(),
                    "reading despatch " + despatchOf(ev) + " from Peoplevox failed: " + e.getMessage())));
            return;
        }
        byDespatch.forEach((number, events) -> {
            PvxDespatch despatch = found.get(number);
            if (despatch == null) {
                events.forEach(ev -> retryOrFail(ev, Category.VALIDATION, "Despatch " + number
                        + " is announced by Peoplevox but not (yet) in its Despatches / Despatch packages templates"));
                return;
            }
            tx.executeWithoutResult(status -> {
                store(despatch);
                inbox.markDone(events.stream().map(InboxEvent::id).toList());
            });
        });
    }

    private void store(PvxDespatch d) {
        String pick = d.salesOrderNumber();
        if (!register.register(d.despatchNumber(), pick, d.units())) {
            return;
        }
        outbox.insertIfAbsent(DespatchFlow.FLOW, d.despatchNumber(), "1", DespatchPayloads.write(d));
        String note = "Despatch " + d.despatchNumber() + ": " + d.units() + " unit(s) in " + d.packages().size()
                + " package(s), " + d.carrier() + " " + d.serviceType() + "; queued for Blue Cherry";
        if (!lifecycle.moveIfIn(pick, LifecycleState.DESPATCHED, note, WarehouseStatuses.movableTo(LifecycleState.DESPATCHED),
                null)) {
            lifecycle.note(pick, note);
        }
        log.info("{} (pick {})", note, pick);
    }

    private void retryOrFail(InboxEvent event, Category category, String reason) {
        int attempts = event.attempts() + 1;
        RetryPolicy policy = new RetryPolicy(props.eventMaxAttempts(), props.eventRetryBackoff());
        if (!policy.exhausted(attempts)) {
            inbox.retryLater(event.id(), attempts, policy.nextAttempt(attempts, Instant.now()), reason);
            log.info("{}; trying again later (attempt {}/{})", reason, attempts, props.eventMaxAttempts());
            return;
        }
        fail(event, category, reason + "; gave up after " + attempts + " attempts (event " + event.eventType()
                + ", received " + event.receivedAt() + ")");
    }

    private void fail(InboxEvent event, Category category, String message) {
        tx.executeWithoutResult(status -> {
            inbox.markFailed(event.id(), event.attempts() + 1, message);
            String key = despatchOf(event);
            exceptions.record(NewException.of(DespatchFlow.FLOW, DespatchFlow.INBOX_ROUTE,
                    key.isEmpty() ? event.eventKey() : key, category, message, event.payload(), null));
        });
        log.warn("{}", message);
    }

    private String despatchOf(InboxEvent event) {
        return fields(event).getOrDefault("DespatchNumber", "").trim();
    }

    private Map<String, String> fields(InboxEvent event) {
        try {
            return json.readValue(event.payload(), FIELDS);
        } catch (Exception unreadable) {
            return Map.of();
        }
    }
}

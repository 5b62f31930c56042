package io.cherrypick.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * {@code to: handoff:<queue>}: stores the message as a record ({@code action=write}), or settles the record(s) the
 * message stands for ({@code action=done|skip}). The body of a settle is one record's message, or a list of them (a
 * batch settles in one transaction). A write with {@code coalesce} takes one message or a list of them, each a change
 * to a key ({@link HandoffStore#coalesce}).
 */
public class HandoffProducer extends DefaultProducer {
    private static final Logger log = LoggerFactory.getLogger(HandoffProducer.class);
    private final HandoffEndpoint endpoint;
    private final HandoffStore store;

    public HandoffProducer(HandoffEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.store = endpoint.getComponent().store();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        switch (endpoint.getAction()) {
            case write -> write(exchange);
            case done -> settle(exchange, HandoffStore.DONE);
            case skip -> settle(exchange, HandoffStore.SKIPPED);
            case supersede -> supersede(exchange.getIn(), key(exchange.getIn()), exchange.getIn().getHeader(Handoff.REVISION, "",
                    String.class));
            default -> throw new IllegalStateException("handoff action " + endpoint.getAction());
        }
    }

    private void write(Exchange exchange) throws JsonProcessingException {
        if (endpoint.isCoalesce()) {
            coalesce(exchange);
            return;
        }
        Message in = exchange.getIn();
        String key = key(in);
        String revision = in.getHeader(Handoff.REVISION, "", String.class);
        String payload = payload(in.getBody());
        if (endpoint.isSupersede()) {
            supersede(in, key, revision);
        }
        Optional<Long> id = store.insertIfAbsent(endpoint.getQueue(), key, revision,
                in.getHeader(Handoff.RECORD_TYPE, String.class), payload, in.getHeader(Handoff.DUE_AT, Instant.class));
        in.setHeader(Handoff.STORED, id.isPresent());
        id.ifPresent(value -> in.setHeader(Handoff.RECORD_ID, value));
    }

    /** Writes each message (the body, or each of a list of messages) as a change that coalesces with a waiting one. */
    private void coalesce(Exchange exchange) throws JsonProcessingException {
        List<HandoffStore.Change> changes = new ArrayList<>();
        for (Message m : messages(exchange)) {
            changes.add(new HandoffStore.Change(key(m), m.getHeader(Handoff.RECORD_TYPE, String.class), payload(m.getBody()),
                    m.getHeader(Handoff.DUE_AT, Instant.class)));
        }
        List<String> written = store.coalesce(endpoint.getQueue(), changes);
        exchange.getIn().setHeader(Handoff.STORED, !written.isEmpty());
    }

    private String key(Message in) {
        String key = in.getHeader(Handoff.RECORD_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("handoff:" + endpoint.getQueue() + " needs the record's key in header "
                    + Handoff.RECORD_KEY);
        }
        return key;
    }

    /** Older revisions of the key that were never sent are superseded, and their open exceptions resolved. */
    private void supersede(Message in, String key, String revision) {
        List<Long> superseded = store.supersedeUnsent(endpoint.getQueue(), key, revision);
        if (!superseded.isEmpty()) {
            endpoint.getComponent().exceptions().resolveOpenOfRecords(superseded, endpoint.getFlow() + " " + key
                    + " changed again in the source (revision " + revision + "); the older revision is not sent");
        }
    }

    private String payload(Object body) throws JsonProcessingException {
        if (body == null) {
            throw new IllegalArgumentException("handoff:" + endpoint.getQueue() + " cannot store an empty body");
        }
        return body instanceof String text ? text : endpoint.getComponent().json().writeValueAsString(body);
    }

    /** Settles the records the message (or the list of messages) stands for, in one transaction. */
    private void settle(Exchange exchange, String status) {
        List<Message> messages = messages(exchange);
        Map<String, List<Message>> byClaim = new LinkedHashMap<>();
        for (Message m : messages) {
            String claim = m.getHeader(Handoff.CLAIM, String.class);
            if (claim == null || m.getHeader(Handoff.RECORD_ID) == null) {
                throw new IllegalArgumentException("handoff:" + endpoint.getQueue() + "?action=" + endpoint.getAction()
                        + " needs a record taken from a handoff: consumer (headers " + Handoff.RECORD_ID + " and "
                        + Handoff.CLAIM + ")");
            }
            byClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(m);
        }
        boolean done = HandoffStore.DONE.equals(status);
        endpoint.getComponent().tx().executeWithoutResult(tx -> byClaim.forEach((claim, claimed) -> {
            List<Long> ids = claimed.stream().map(m -> m.getHeader(Handoff.RECORD_ID, Long.class)).toList();
            String note = HandoffStore.SKIPPED.equals(status) ? skipReason(claimed.get(0))
                    : claimed.get(0).getHeader(Handoff.NOTE, String.class);
            List<Long> settled = store.settleHeld(ids, claim, status, note);
            List<Message> records = claimed;
            if (settled.size() < ids.size()) {
                // another instance took these over (this claim went stale): its outcome stands, this one does not count
                log.warn("{}: {} record(s) were taken over by another claim before this {} could be recorded; not"
                        + " recorded here", endpoint.getQueue(), ids.size() - settled.size(), status);
                records = claimed.stream().filter(m -> settled.contains(m.getHeader(Handoff.RECORD_ID, Long.class))).toList();
            }
            if (done) {
                idempotencyKeys(records).forEach(store::rememberProcessed);
            }
            if (done && !records.isEmpty()) {
                endpoint.getComponent().exceptions().resolveOpen(endpoint.getFlow(),
                        records.stream().map(m -> m.getHeader(Handoff.RECORD_KEY, String.class)).distinct().toList(),
                        "went through");
            }
        }));
    }

    /**
     * The keys the records that went through are remembered by, per queue: the one their idempotent consumer set (under
     * the queue it took them from, where it looks them up), or, where this endpoint is itself {@code idempotent}, its
     * own under its queue. A record of a consumer that is not idempotent is not remembered.
     */
    private Map<String, List<String>> idempotencyKeys(List<Message> records) {
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        for (Message m : records) {
            String key = m.getHeader(Handoff.IDEMPOTENCY_KEY, String.class);
            String queue = m.getHeader(Handoff.QUEUE, endpoint.getQueue(), String.class);
            if (key == null && endpoint.isIdempotent()) {
                key = endpoint.idempotencyKey(m.getHeader(Handoff.RECORD_KEY, String.class), m.getHeader(Handoff.REVISION, "", String.class));
                queue = endpoint.getQueue();
            }
            if (key != null) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(key);
            }
        }
        return byQueue;
    }

    private static String skipReason(Message m) {
        String reason = m.getHeader(Handoff.SKIP_REASON, String.class);
        return reason == null || reason.isBlank() ? "skipped by a route step" : reason;
    }

    @SuppressWarnings("unchecked")
    private static List<Message> messages(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof List<?> list && list.stream().allMatch(Message.class::isInstance)) {
            return (List<Message>) list;
        }
        return List.of(exchange.getIn());
    }
}

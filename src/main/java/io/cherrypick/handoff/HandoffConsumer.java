package io.cherrypick.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.outage.SystemOutages;

/**
 * Claims a batch of due records and routes it as one exchange whose body is a list of messages, one per record (its
 * stored payload as the body, its identity in the {@link Handoff} headers), so a route can {@code split} it record by
 * record and gather the survivors again. When the route is done, every record it did not settle itself is settled
 * here: a record that failed (the whole run, or its own step) is retried with backoff while the fault is transient and
 * attempts remain, else sent to the dead letters; a record a step stopped is skipped with the step's reason.
 */
public class HandoffConsumer extends ScheduledPollConsumer {
    private static final Logger log = LoggerFactory.getLogger(HandoffConsumer.class);
    /** A writer stamps a record before it commits it: records of the last moments may not be visible yet. */
    static final Duration IN_FLIGHT = Duration.ofMillis(250);

    private final HandoffEndpoint endpoint;
    private final HandoffStore store;
    private final SystemOutages outages;
    private ProducerTemplate template;
    private ScheduledExecutorService keepAlive;

    public HandoffConsumer(HandoffEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.store = endpoint.getComponent().store();
        this.outages = endpoint.getComponent().outages();
    }

    @Override
    protected void doStart() throws Exception {
        template = endpoint.getCamelContext().createProducerTemplate();
        endpoint.getComponent().consuming(endpoint.getQueue(), this);
        keepAlive = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "handoff-claims-" + endpoint.getQueue());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().notConsuming(endpoint.getQueue(), this);
        super.doStop();
        if (template != null) {
            template.stop();
        }
        if (keepAlive != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(keepAlive);
        }
    }

    @Override
    protected int poll() throws Exception {
        int limit = endpoint.getBatchSize();
        Duration linger = endpoint.getLinger();
        String system = endpoint.getSystem();
        if (system != null) {
            SystemOutages.Gate gate = outages.gate(system);
            if (gate == SystemOutages.Gate.WAIT) {
                return 0; // the system is down: the queue waits, nothing is claimed
            }
            if (gate == SystemOutages.Gate.PROBE) {
                limit = 1; // one record tries whether it is back
                linger = Duration.ZERO;
                log.info("{}: {} is down; trying it with one record", endpoint.getQueue(), system);
            }
        }
        String token = endpoint.getComponent().instanceId() + "/" + UUID.randomUUID();
        List<HandoffRecord> claimed = store.claim(endpoint.getQueue(), token, limit,
                endpoint.getStaleClaimAfter(), linger, dueBy(Instant.now()), endpoint.keyQueueList());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<HandoffRecord> records = withoutQuarantined(withoutAlreadyDone(claimed, token), token);
        if (records.isEmpty()) {
            return claimed.size();
        }
        HandoffBatch batch = new HandoffBatch(token, records);
        ScheduledFuture<?> keepAlive = keepClaimed(batch);
        try {
            route(batch);
        } finally {
            keepAlive.cancel(false);
        }
        return claimed.size();
    }

    /** Routes the batch as one exchange, then settles what the route left claimed. */
    private void route(HandoffBatch batch) {
        Exchange exchange = createExchange(false);
        try {
            List<Message> messages = new ArrayList<>(batch.ids().size());
            batch.ids().forEach(id -> messages.add(message(batch.record(id), batch.token())));
            exchange.getIn().setBody(messages);
            exchange.getIn().setHeader(Handoff.FLOW, endpoint.getFlow());
            exchange.getIn().setHeader(Handoff.QUEUE, endpoint.getQueue());
            exchange.getIn().setHeader(Handoff.CLAIM, batch.token());
            exchange.setProperty(Exchange.BATCH_SIZE, messages.size());
            exchange.setProperty(HandoffBatch.PROPERTY, batch);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            settleTheRest(exchange, batch);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * Records due by this time may be claimed: now, or with an upstream queue, not after the oldest upstream record still
     * waiting (its work may still change what these records do) nor within {@link #IN_FLIGHT} of now; a stuck upstream
     * holds them back by at most upstreamMaxLag.
     */
    Instant dueBy(Instant now) {
        String upstream = endpoint.getUpstream();
        if (upstream == null || upstream.isBlank()) {
            return now;
        }
        Instant cutoff = now.minus(IN_FLIGHT);
        Instant oldestWaiting = store.oldestWaiting(upstream).orElse(cutoff);
        if (oldestWaiting.isBefore(cutoff)) {
            cutoff = oldestWaiting;
        }
        Instant floor = now.minus(endpoint.getUpstreamMaxLag());
        return cutoff.isBefore(floor) ? floor : cutoff;
    }

    /**
     * Extends the batch's claim while the route works on it (every third of the stale window), so a send that outlives
     * the window (a slow target, a rate limiter's wait) is not taken over and sent again by another instance. A claim
     * another instance took over anyway is not taken back: the extension names the token.
     */
    private ScheduledFuture<?> keepClaimed(HandoffBatch batch) {
        long every = Math.max(100, endpoint.getStaleClaimAfter().toMillis() / 3);
        return keepAlive.scheduleWithFixedDelay(() -> {
            try {
                store.extend(batch.ids(), batch.token());
            } catch (RuntimeException e) {
                log.warn("{}: could not extend claim {}: {}", endpoint.getQueue(), batch.token(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A record taken over from stopped instances {@code cherrypick.handoff.max-recoveries} times is held as an exception
     * with its payload instead of being routed again: its processing may be what stops the instance (memory, a crash
     * in a library), and it would do so for ever.
     */
    private List<HandoffRecord> withoutQuarantined(List<HandoffRecord> claimed, String token) {
        int limit = endpoint.getComponent().maxRecoveries();
        List<HandoffRecord> toRoute = new ArrayList<>(claimed.size());
        for (HandoffRecord r : claimed) {
            if (r.recoveries() < limit) {
                toRoute.add(r);
                continue;
            }
            deadLetter(r, token, Category.INTERNAL, HandoffStore.HELD, endpoint.getFlow() + " " + label(r)
                    + " was taken over from a stopped instance " + r.recoveries() + " times (its instance stopped while"
                    + " working on it each time; limit cherrypick.handoff.max-recoveries = " + limit + "): held so it"
                    + " does not stop the next one. Check the record's payload, and the instance's log and memory at those"
                    + " times, then replay it");
        }
        return toRoute;
    }

    /** Records the hand-off remembers as gone through (option idempotent) are settled DONE without being routed again. */
    private List<HandoffRecord> withoutAlreadyDone(List<HandoffRecord> claimed, String token) {
        if (!endpoint.isIdempotent()) {
            return claimed;
        }
        Set<String> processed = store.processed(endpoint.getQueue(),
                claimed.stream().map(r -> endpoint.idempotencyKey(r.key(), r.revision())).toList());
        List<HandoffRecord> toRoute = new ArrayList<>(claimed.size());
        List<Long> done = new ArrayList<>();
        for (HandoffRecord r : claimed) {
            if (processed.contains(endpoint.idempotencyKey(r.key(), r.revision()))) {
                done.add(r.id());
            } else {
                toRoute.add(r);
            }
        }
        if (!done.isEmpty()) {
            store.settle(done, token, HandoffStore.DONE, "already went through (idempotent); not sent again");
            log.info("{}: {} record(s) already went through; not sent again", endpoint.getQueue(), done.size());
        }
        return toRoute;
    }

    private Message message(HandoffRecord r, String token) {
        Message m = new DefaultMessage(endpoint.getCamelContext());
        m.setHeader(Handoff.FLOW, endpoint.getFlow());
        m.setHeader(Handoff.ROUTE, routeId());
        m.setHeader(Handoff.QUEUE, r.queue());
        m.setHeader(Handoff.RECORD_ID, r.id());
        m.setHeader(Handoff.RECORD_KEY, r.key());
        m.setHeader(Handoff.REVISION, r.revision());
        m.setHeader(Handoff.RECORD_TYPE, r.type());
        m.setHeader(Handoff.ATTEMPTS, r.attempts());
        m.setHeader(Handoff.TRIED_BEFORE, r.triedBefore());
        m.setHeader(Handoff.CLAIM, token);
        m.setHeader(Handoff.CREATED_AT, r.createdAt());
        if (endpoint.isIdempotent()) {
            m.setHeader(Handoff.IDEMPOTENCY_KEY, endpoint.idempotencyKey(r.key(), r.revision()));
        }
        m.setBody(r.payload());
        return m;
    }

    /**
     * Settles every record of the run the route left claimed. First the systems' breakers hear how the run went: each
     * system a fault of an outage names failed (once per run), and the queue's own system, if none such named it and the
     * run did not break off on something else, answered.
     */
    private void settleTheRest(Exchange exchange, HandoffBatch batch) {
        Throwable runFailure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        List<Long> unsettled = store.stillClaimed(batch.ids(), batch.token());
        if (runFailure != null && DatabaseFaults.refusedData(runFailure) != null) {
            List<Long> together = unsettled.stream()
                    .filter(id -> batch.failureOf(id) == null && batch.skipReasonOf(id) == null).toList();
            if (together.size() > 1) {
                isolate(batch, together, runFailure);
                Set<Long> isolated = Set.copyOf(together);
                unsettled = unsettled.stream().filter(id -> !isolated.contains(id)).toList();
                runFailure = null; // each of the others failed (or was stopped) in its own step
            }
        }
        Map<String, Optional<Instant>> downUntil = tellTheBreakers(runFailure, batch, unsettled);
        if (unsettled.isEmpty()) {
            return; // the usual batch: the route settled every record, so no clock read for the retry budget
        }
        Instant now = store.databaseNow();
        for (long id : unsettled) {
            HandoffRecord record = batch.record(id);
            Throwable failure = batch.failureOf(id) != null ? batch.failureOf(id) : runFailure;
            if (failure != null) {
                retryOrDeadLetter(record, batch.token(), failure, downUntil, now);
            } else {
                String reason = batch.skipReasonOf(id);
                skip(record, batch.token(), reason == null || reason.isBlank()
                        ? "a step of route " + routeId() + " stopped it without a reason (header " + Handoff.SKIP_REASON + ")"
                        : reason);
            }
        }
    }

    /**
     * The database refused a step that worked on several records at once (a value longer than its column, a constraint):
     * one of them is likely the cause, and the transaction took them all back. The records are routed again in halves,
     * each half on its own, until the one the database refuses stands alone: it fails alone (its attempt counted) and
     * its neighbours settle as usual. A batch of n records with one bad one costs about 2 log2(n) runs more.
     */
    private void isolate(HandoffBatch batch, List<Long> together, Throwable runFailure) {
        log.warn("{}: the database refused a step for {} record(s) together ({}); routing them again in halves to find"
                + " the one it refuses", endpoint.getQueue(), together.size(), DatabaseFaults.refusedData(runFailure));
        int half = together.size() / 2;
        for (List<Long> part : List.of(together.subList(0, half), together.subList(half, together.size()))) {
            route(new HandoffBatch(batch.token(), part.stream().map(batch::record).toList()));
        }
    }

    /**
     * Tells the breakers of the systems concerned how the run went; returns, per system a transient fault of the run
     * named, when it is tried next if it is down (empty: it is up).
     */
    private Map<String, Optional<Instant>> tellTheBreakers(Throwable runFailure, HandoffBatch batch, List<Long> unsettled) {
        Map<String, String> outageFaults = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        List<Throwable> failures = new ArrayList<>();
        failures.add(runFailure);
        unsettled.forEach(id -> failures.add(batch.failureOf(id)));
        for (Throwable f : failures) {
            if (f instanceof ApiException api && api.isTransient() && api.system() != null) {
                named.add(api.system());
                if (SystemOutages.isOutage(f)) {
                    outageFaults.putIfAbsent(api.system(), describe(f));
                }
            }
        }
        outageFaults.forEach(outages::failed);
        String system = endpoint.getSystem();
        boolean brokeOffElsewhere = runFailure != null && !(runFailure instanceof ApiException);
        if (system != null && !outageFaults.containsKey(system) && !brokeOffElsewhere) {
            outages.answered(system);
        }
        Map<String, Optional<Instant>> downUntil = new LinkedHashMap<>();
        named.forEach(s -> downUntil.put(s, outages.downUntilProbe(s)));
        return downUntil;
    }

    private void retryOrDeadLetter(HandoffRecord r, String token, Throwable cause,
                                   Map<String, Optional<Instant>> downUntil, Instant now) {
        RetryPolicy policy = endpoint.retryPolicy();
        // a wait for another flow counts no attempt: only the time budget can end it
        int attempts = cause instanceof NotYet wait && !wait.attemptCounted() ? r.attempts() : r.attempts() + 1;
        String what = describe(cause);
        if (cause instanceof ApiException api && api.isTransient()) {
            Optional<Instant> down = api.system() == null ? Optional.empty()
                    : downUntil.getOrDefault(api.system(), Optional.empty());
            if (down.isPresent()) {
                // the system is down: not the record's fault, so no attempt counts and no exception is made
                Instant next = down.get().isAfter(now) ? down.get() : now;
                store.waitForSystem(r.id(), token, next, what + " (" + api.system() + " is down: waiting for it, no"
                        + " attempt counted)");
                log.info("{} {} waits for {}, which is down: {}", endpoint.getFlow(), label(r), api.system(), what);
                return;
            }
            if (!policy.exhausted(attempts, r.firstAttemptAt(), now)) {
                Instant next = policy.nextAttempt(Math.max(1, attempts), Instant.now());
                store.reschedule(r.id(), token, attempts, next, what);
                if (cause instanceof NotYet) {
                    // an expected wait (a second read must agree, another flow must record first): not a failure
                    log.info("{} {} waits (attempt {}, retried {}), read again at {}: {}", endpoint.getFlow(), label(r),
                            attempts, policy.limit(), next, what);
                } else {
                    log.warn("{} {} attempt {} failed (retried {}), trying again at {}: {}", endpoint.getFlow(), label(r),
                            attempts, policy.limit(), next, what);
                }
                return;
            }
        }
        if (DatabaseFaults.isTransient(cause) && !policy.exhausted(attempts, r.firstAttemptAt(), now)) {
            // a lock timeout, a deadlock, a dropped connection: the record itself is fine, it goes again later
            Instant next = policy.nextAttempt(attempts, Instant.now());
            store.reschedule(r.id(), token, attempts, next, what);
            log.warn("{} {} attempt {} failed on the database (retried {}), trying again at {}: {}", endpoint.getFlow(),
                    label(r), attempts, policy.limit(), next, what);
            return;
        }
        String refused = DatabaseFaults.refusedData(cause);
        Category category = cause instanceof ApiException api && api.category() != null ? api.category()
                : refused != null ? Category.VALIDATION : Category.INTERNAL;
        String tried = r.firstAttemptAt() == null || !(cause instanceof ApiException api2 && api2.isTransient()) ? ""
                : " over " + SystemOutages.duration(r.firstAttemptAt(), now) + " (retried " + policy.limit() + ")";
        String sentence = refused != null
                ? endpoint.getFlow() + " " + label(r) + (r.type() == null ? "" : " (" + r.type() + ", record " + r.id() + ")")
                        + " could not be stored after " + attempts + " attempt(s): the database refused one of its values: "
                        + refused
                : endpoint.getFlow() + " " + label(r) + " could not be sent after " + attempts + " attempt(s)" + tried
                        + ": " + what;
        deadLetter(r, token, category, HandoffStore.FAILED, sentence);
    }

    /** Hands a given-up record to the flow's failure route; if that route does not settle it, it is settled FAILED here. */
    private void deadLetter(HandoffRecord r, String token, Category category, String outcome, String sentence) {
        try {
            template.send(endpoint.getDeadLetterUri(), e -> {
                copyIdentity(r, token, e.getIn());
                e.getIn().setHeader(Handoff.CATEGORY, category.name());
                e.getIn().setHeader(Handoff.REASON, sentence);
                e.getIn().setHeader(Handoff.OUTCOME, outcome);
                e.getIn().setBody(r.payload());
            });
        } catch (RuntimeException e) {
            log.error("dead-letter route {} failed for {} {}: {}", endpoint.getDeadLetterUri(), endpoint.getFlow(), label(r),
                    e.getMessage());
        }
        if (!store.stillClaimed(List.of(r.id()), token).isEmpty()) {
            store.settle(List.of(r.id()), token, outcome, sentence);
            log.error("{} (the dead-letter route {} did not record it; settled FAILED here)", sentence,
                    endpoint.getDeadLetterUri());
        }
    }

    /** Settles a record a step stopped on purpose, and runs the flow's skipped hook, in one transaction. */
    private void skip(HandoffRecord r, String token, String reason) {
        endpoint.getComponent().tx().executeWithoutResult(status -> {
            store.settle(List.of(r.id()), token, HandoffStore.SKIPPED, reason);
            runSkippedHook(r, token, reason);
        });
        log.info("{} {} skipped: {}", endpoint.getFlow(), label(r), reason);
    }

    /**
     * Sends a record settled SKIPPED (by a route step, or by the person who closed its exception) to the queue's
     * skipped hook, if it has one, in the caller's transaction: the flow shows why it was not sent (the order's
     * lifecycle, for example). A hook that fails leaves the record skipped and says so.
     */
    void runSkippedHook(HandoffRecord r, String token, String reason) {
        String hook = endpoint.getSkippedUri();
        if (hook == null || hook.isBlank()) {
            return;
        }
        Exchange done = template.send(hook, e -> {
            copyIdentity(r, token, e.getIn());
            e.getIn().setHeader(Handoff.SKIP_REASON, reason);
            e.getIn().setBody(r.payload());
        });
        if (done.getException() != null) {
            log.warn("route {} failed for skipped {} {}: {}", hook, endpoint.getFlow(), label(r),
                    done.getException().getMessage());
        }
    }

    private void copyIdentity(HandoffRecord r, String token, Message m) {
        m.setHeader(Handoff.FLOW, endpoint.getFlow());
        m.setHeader(Handoff.ROUTE, routeId());
        m.setHeader(Handoff.QUEUE, r.queue());
        m.setHeader(Handoff.RECORD_ID, r.id());
        m.setHeader(Handoff.RECORD_KEY, r.key());
        m.setHeader(Handoff.REVISION, r.revision());
        m.setHeader(Handoff.RECORD_TYPE, r.type());
        m.setHeader(Handoff.ATTEMPTS, r.attempts());
        m.setHeader(Handoff.CLAIM, token);
    }

    private String routeId() {
        return getRouteId() == null ? "(unknown)" : getRouteId();
    }

    private static String label(HandoffRecord r) {
        return r.key() + (r.revision() == null || r.revision().isEmpty() ? "" : " (revision " + r.revision() + ")");
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        return cause instanceof ApiException ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}

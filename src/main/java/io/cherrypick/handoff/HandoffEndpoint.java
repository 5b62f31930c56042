package io.cherrypick.handoff;

import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * The durable hand-off between the steps of a flow: write records to a queue in the producer's transaction, take them
 * in batches (SKIP LOCKED, fenced claims) and settle every record when the route is done: sent, skipped with a reason,
 * retried with backoff, or dead-lettered.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "handoff", title = "Hand-off", syntax = "handoff:queue",
             category = {Category.DATABASE}, headersClass = Handoff.class)
public class HandoffEndpoint extends ScheduledPollEndpoint {
    /** What the producer does with the message. */
    public enum Action {
        /** Store the message as a record of the queue (key and revision from headers); once per revision. */
        write,
        /** The record(s) went through: settle them DONE (and remember the idempotency key, resolve open exceptions). */
        done,
        /** Settle the record(s) SKIPPED with the reason in header CherrypickSkipReason. */
        skip,
        /** Write nothing; older revisions of the key that were never sent are superseded (e.g. a pick cancelled before it went). */
        supersede
    }

    /** What makes a record's idempotency key. */
    public enum IdempotentKey {
        /** key and revision: each revision of a record goes once (a pick revision). */
        keyAndRevision,
        /** the key alone: a record goes once whatever its revision (a despatch). */
        key
    }

    @UriPath(description = "The queue: the flow's name for records to send (e.g. sales-order), the flow's name and -events for"
            + " events it received (e.g. despatch-events)")
    @Metadata(required = true)
    private final String queue;

    @UriParam(description = "The flow the records belong to, for exceptions, metrics and the lifecycle (default: the queue)")
    private String flow;

    @UriParam(label = "producer", defaultValue = "write", description = "What the producer does: write a record,"
            + " settle records done, or skip them")
    private Action action = Action.write;

    @UriParam(label = "producer", defaultValue = "false", description = "On write: older revisions of the key that were"
            + " never sent are superseded (not sent) and their open exceptions resolved")
    private boolean supersede;

    @UriParam(label = "producer", defaultValue = "false", description = "On write: the queue holds things to do rather than"
            + " records to send (e.g. push a SKU's level): a key with a record still waiting takes the change in and nothing"
            + " is written; otherwise a new record is written, due at header CherrypickDueAt. The body may be one message or"
            + " a list of messages (one change each, written in one statement)")
    private boolean coalesce;

    @UriParam(label = "consumer", defaultValue = "100", description = "How many records one run claims and routes together")
    private int batchSize = 100;

    @UriParam(label = "consumer", defaultValue = "0s", description = "A partial batch waits up to this long for more"
            + " records (a full batch costs the target one call, a partial one the same)")
    private Duration linger = Duration.ZERO;

    @UriParam(label = "consumer", defaultValue = "2m", description = "A claim older than this belongs to an instance that"
            + " stopped; its records are taken over, flagged so the flow looks in the target before sending again")
    private Duration staleClaimAfter = Duration.ofMinutes(2);

    @UriParam(label = "consumer", description = "A queue this one waits for: a record is claimed only once every record"
            + " of the upstream queue stored before it came due has been processed (e.g. a channel push waits until the"
            + " events of its window are stored), and not within 250 ms of coming due (a writer stamps a record before it"
            + " commits it)")
    private String upstream;

    @UriParam(label = "consumer", description = "Queues holding earlier revisions of the same keys (comma-separated, e.g."
            + " the orders a change amends): a record is not claimed while an older record of its key waits or is in"
            + " flight there, so the revisions of a key reach the target in the order they were stored")
    private String keyQueues;

    @UriParam(label = "consumer", defaultValue = "5s", description = "With upstream: the longest a stuck upstream holds"
            + " records back")
    private Duration upstreamMaxLag = Duration.ofSeconds(5);

    @UriParam(label = "consumer", defaultValue = "0", description = "Attempts before a record that keeps failing with a"
            + " transient fault (timeout, 5xx, rate limit) is dead-lettered; 0 (default): not counted, the time budget"
            + " retryFor decides")
    private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

    @UriParam(label = "consumer", description = "How long a record that keeps failing with a transient fault is retried"
            + " after its first failed attempt before it is dead-lettered (time its system was down does not count);"
            + " 0s: without end. Default: cherrypick.handoff.retry-for (6h)")
    private Duration retryFor;

    @UriParam(label = "consumer", defaultValue = "5s", description = "Wait after the first failed attempt; doubles with each")
    private Duration retryBackoff = RetryPolicy.DEFAULT.base();

    @UriParam(label = "consumer", defaultValue = "5m", description = "The longest wait between attempts")
    private Duration retryMax = RetryPolicy.DEFAULT.max();

    @UriParam(label = "consumer", description = "The system the queue sends to, as its failures name it (Peoplevox,"
            + " Blue Cherry, Channel <name>): while it is down (cherrypick.outages) the queue claims nothing but one"
            + " record now and then to try it, and a batch that went through says it is back")
    private String system;

    @UriParam(label = "consumer", defaultValue = "direct:dead-letter", description = "Where a record goes when it is given"
            + " up: the flow's failure route, which ends in the one dead-letter route (the exception store)")
    private String deadLetterUri = "direct:dead-letter";

    @UriParam(label = "consumer", description = "Where a record a route step skipped goes after it was settled, e.g. to"
            + " show the reason in the order's lifecycle (optional)")
    private String skippedUri;

    @UriParam(defaultValue = "false", description = "Remember the records that went through (table"
            + " CAMEL_MESSAGEPROCESSED in the layout of Camel's JDBC idempotent repository, processor name = the queue) in"
            + " the transaction that settles them, and settle a claimed record found there without routing it")
    private boolean idempotent;

    @UriParam(defaultValue = "keyAndRevision", description = "What makes the idempotency key")
    private IdempotentKey idempotentKey = IdempotentKey.keyAndRevision;

    public HandoffEndpoint(String uri, HandoffComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    @Override
    public HandoffComponent getComponent() {
        return (HandoffComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new HandoffProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        try {
            retryPolicy();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("handoff:" + queue + ": " + e.getMessage(), e);
        }
        HandoffConsumer consumer = new HandoffConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The idempotency key of a record, as this queue makes it. */
    String idempotencyKey(String key, String revision) {
        return idempotentKey == IdempotentKey.key || revision == null || revision.isEmpty() ? key : key + ":" + revision;
    }

    /** The queue's policy; a first wait longer than the cap raises the cap to it (a flow that asks for it, asks for it). */
    RetryPolicy retryPolicy() {
        Duration cap = retryMax != null && retryBackoff != null && retryMax.compareTo(retryBackoff) < 0 ? retryBackoff : retryMax;
        return new RetryPolicy(maxAttempts, retryBackoff, cap,
                retryFor != null ? retryFor : getComponent().retryFor());
    }

    public Duration getRetryFor() {
        return retryFor;
    }

    public void setRetryFor(Duration retryFor) {
        this.retryFor = retryFor;
    }

    /** The system the queue sends to (null: none declared; its failures still name theirs). */
    public String getSystem() {
        return system == null || system.isBlank() ? null : system.trim();
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public String getQueue() {
        return queue;
    }

    public String getFlow() {
        return flow == null || flow.isBlank() ? queue : flow;
    }

    public void setFlow(String flow) {
        this.flow = flow;
    }

    public Action getAction() {
        return action;
    }

    public void setAction(Action action) {
        this.action = action;
    }

    public boolean isSupersede() {
        return supersede;
    }

    public void setSupersede(boolean supersede) {
        this.supersede = supersede;
    }

    public boolean isCoalesce() {
        return coalesce;
    }

    public void setCoalesce(boolean coalesce) {
        this.coalesce = coalesce;
    }

    public String getUpstream() {
        return upstream;
    }

    public void setUpstream(String upstream) {
        this.upstream = upstream;
    }

    public String getKeyQueues() {
        return keyQueues;
    }

    public void setKeyQueues(String keyQueues) {
        this.keyQueues = keyQueues;
    }

    /** {@link #getKeyQueues()} as a list (empty when none). */
    java.util.List<String> keyQueueList() {
        return keyQueues == null || keyQueues.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(keyQueues.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList();
    }

    public Duration getUpstreamMaxLag() {
        return upstreamMaxLag;
    }

    public void setUpstreamMaxLag(Duration upstreamMaxLag) {
        this.upstreamMaxLag = upstreamMaxLag;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("handoff:" + queue + " batchSize must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public Duration getStaleClaimAfter() {
        return staleClaimAfter;
    }

    public void setStaleClaimAfter(Duration staleClaimAfter) {
        this.staleClaimAfter = staleClaimAfter;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public String getSkippedUri() {
        return skippedUri;
    }

    public void setSkippedUri(String skippedUri) {
        this.skippedUri = skippedUri;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public IdempotentKey getIdempotentKey() {
        return idempotentKey;
    }

    public void setIdempotentKey(IdempotentKey idempotentKey) {
        this.idempotentKey = idempotentKey;
    }
}

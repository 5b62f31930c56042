package io.cherrypick.handoff;

import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.outage.SystemOutages;
import io.cherrypick.runtime.RuntimeProperties;
import io.cherrypick.store.ExceptionStore;

/**
 * The {@code handoff:} component: the durable hand-off between the steps of a flow as a Camel endpoint.
 * <ul>
 * <li>{@code to: handoff:<queue>} stores the message as a record of the queue (key and revision from headers), in the
 * transaction of whatever produced it;</li>
 * <li>{@code from: handoff:<queue>} claims due records in batches and routes each batch as a list of messages, one per
 * record; when the route is done every record is settled: sent, skipped with a reason, retried with backoff, or
 * dead-lettered. No route step can leave one claimed;</li>
 * <li>{@code to: handoff:<queue>?action=done} (or {@code skip}) settles records explicitly.</li>
 * </ul>
 * Registered as the Spring bean {@code handoff}, so Camel finds it by its scheme.
 */
@Component("handoff")
@org.springframework.stereotype.Component("handoff")
public class HandoffComponent extends DefaultComponent {
    private final HandoffStore store;
    private final ExceptionStore exceptions;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;
    private final int maxRecoveries;
    private final java.time.Duration retryFor;
    private final SystemOutages outages;
    /** The consumer of each queue this instance runs, for what follows when a person closes a waiting record. */
    private final Map<String, HandoffConsumer> consumers = new java.util.concurrent.ConcurrentHashMap<>();

    public HandoffComponent(HandoffStore store, ExceptionStore exceptions, DataSource dataSource, TransactionTemplate tx,
                            ObjectMapper json, @Value("${cherrypick.instance-id}") String instanceId,
                            RuntimeProperties runtime, SystemOutages outages) {
        this.store = store;
        this.exceptions = exceptions;
        this.dataSource = dataSource;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
        this.maxRecoveries = runtime.handoff().maxRecoveries();
        this.retryFor = runtime.handoff().retryFor();
        this.outages = outages;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("handoff: needs a queue name, e.g. handoff:sales-order (uri " + uri + ")");
        }
        HandoffEndpoint endpoint = new HandoffEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * A record that waited for a person (HELD, FAILED) whose exception the person resolved or discarded: settled
     * SKIPPED with the note, in the caller's transaction, and, like a record a route step skipped, sent to its queue's
     * skipped hook (the order's lifecycle shows who closed it and why instead of "held"). Returns whether it still
     * waited; the hook runs only where the queue's route runs (a switched-off flow has none).
     */
    public boolean closeWaiting(long id, String note) {
        java.util.Optional<HandoffRecord> record = store.find(id);
        if (record.isEmpty() || !store.closeWaiting(id, note)) {
            return false;
        }
        HandoffConsumer consumer = consumers.get(record.get().queue());
        if (consumer != null) {
            consumer.runSkippedHook(record.get(), null, note);
        }
        return true;
    }

    void consuming(String queue, HandoffConsumer consumer) {
        consumers.put(queue, consumer);
    }

    void notConsuming(String queue, HandoffConsumer consumer) {
        consumers.remove(queue, consumer);
    }

    HandoffStore store() {
        return store;
    }

    ExceptionStore exceptions() {
        return exceptions;
    }

    DataSource dataSource() {
        return dataSource;
    }

    TransactionTemplate tx() {
        return tx;
    }

    ObjectMapper json() {
        return json;
    }

    String instanceId() {
        return instanceId;
    }

    /** A record taken over from stopped instances this many times is held instead of being tried again. */
    int maxRecoveries() {
        return maxRecoveries;
    }

    /** How long a failing record is retried after its first failed attempt, unless its queue says otherwise. */
    java.time.Duration retryFor() {
        return retryFor;
    }

    /** The circuit breakers of the systems the queues send to. */
    SystemOutages outages() {
        return outages;
    }
}

package io.cherrypick.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;

import io.cherrypick.store.OutboxRow;

/**
 * The rows one sender run claimed. Each row is settled once its outcome is recorded (sent, held, failed); if the run
 * breaks off, {@link OutboxFailureHandler} gives the unsettled rows back to the queue, so none is left claimed.
 */
public final class OutboxBatch {
    /** Exchange property under which a sender route keeps its batch. */
    public static final String PROPERTY = "cherrypick.outboxBatch";

    private final String flow;
    private final List<OutboxRow> rows;
    private final Set<Long> settled = new HashSet<>();

    public OutboxBatch(String flow, List<OutboxRow> rows) {
        this.flow = flow;
        this.rows = List.copyOf(rows);
    }

    /**
     * The batch a sender run claimed, kept on the exchange for the failure handler; an empty claim tells the scheduler
     * there was nothing to do.
     */
    public static OutboxBatch attach(Exchange exchange, String flow, List<OutboxRow> claimed) {
        OutboxBatch batch = new OutboxBatch(flow, claimed);
        exchange.setProperty(PROPERTY, batch);
        if (batch.isEmpty()) {
            SchedulerRun.nothingPolled(exchange);
        }
        return batch;
    }

    public String flow() {
        return flow;
    }

    public List<OutboxRow> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public synchronized void settle(long rowId) {
        settled.add(rowId);
    }

    public synchronized List<OutboxRow> unsettled() {
        return rows.stream().filter(r -> !settled.contains(r.id())).toList();
    }
}

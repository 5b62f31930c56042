package io.cherrypick.ops.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.handoff.HandoffEndpoint;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.Timestamps;

/**
 * What the retention route (routes/ops-retention.camel.yaml) keeps: rows settled or closed since {@link #keepFrom},
 * the newest rows of each record sent and the idempotency keys since {@link #keepLatestFrom}, audit rows since
 * {@link #keepAuditFrom}; it deletes at most {@link #batch} rows per statement.
 */
@Component("retentionCutoffs")
public class RetentionCutoffs {
    /** Stands for "no queue" in an IN list, which SQL does not allow empty; no queue has an empty name. */
    private static final String NO_QUEUE = "";

    private final OpsProperties props;
    private final List<EventSpec> events;
    private final StockProperties stock;
    private final CamelContext camel;

    public RetentionCutoffs(OpsProperties props, List<EventSpec> events, StockProperties stock, CamelContext camel) {
        this.props = props;
        this.events = events;
        this.stock = stock;
        this.camel = camel;
    }

    /**
     * The queues whose settled rows go after {@code keep}: every flow's event queue ({@code <flow>-events}: what
     * Peoplevox posted or a report poll stored) and each channel's push queue ({@code stock-channel:<name>}).
     */
    public List<String> settledQueues() {
        Set<String> queues = new TreeSet<>();
        events.forEach(e -> queues.add(e.flow() + "-events"));
        stock.channels().keySet().forEach(name -> queues.add("stock-channel:" + name));
        return List.copyOf(queues);
    }

    /**
     * The queues that send records (sales-order, sales-order-change, item, despatch, ...): every queue a route takes
     * records from ({@code from: handoff:<queue>}) that is not one of {@link #settledQueues}. Their settled rows are
     * what a later step reads (the revision Peoplevox holds, whether a pick went through) and what stops a revision
     * from being stored twice, so the newest of each record stays until {@code keep-latest}.
     */
    public List<String> sendingQueues() {
        Set<String> queues = new TreeSet<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof HandoffEndpoint handoff) {
                queues.add(handoff.getQueue());
            }
        }
        queues.removeAll(settledQueues());
        return queues.isEmpty() ? List.of(NO_QUEUE) : List.copyOf(queues);
    }

    /**
     * Settled events and pushes, older settled rows of the sending queues, closed exceptions, delivered alerts and
     * finished reconciliations older are purged.
     */
    public OffsetDateTime keepFrom() {
        return Timestamps.utc(Instant.now().minus(props.retention().keep()));
    }

    /**
     * Where a run starts looking for older rows of the sending queues: one {@code keep} before {@link #keepFrom} (by
     * when the rows were last due, the order of the index the claims use). A run reads that stretch of each queue, not
     * the whole queue with every newest row it keeps; an older row it no longer sees there goes at keep-latest.
     */
    public OffsetDateTime sweepFrom() {
        return Timestamps.utc(Instant.now().minus(props.retention().keep().multipliedBy(2)));
    }

    /** The newest settled rows of each record in a sending queue older are purged. */
    public OffsetDateTime keepLatestFrom() {
        return Timestamps.utc(Instant.now().minus(props.retention().keepLatest()));
    }

    /**
     * Idempotency keys older are purged: the same age as {@link #keepLatestFrom}, as a plain timestamp in this JVM's
     * zone, which is how they are written (table CAMEL_MESSAGEPROCESSED, in the layout of Camel's JDBC repository).
     */
    public Timestamp keepKeysFrom() {
        return Timestamp.from(Instant.now().minus(props.retention().keepLatest()));
    }

    /** Audit rows older are purged. */
    public OffsetDateTime keepAuditFrom() {
        return Timestamps.utc(Instant.now().minus(props.retention().keepAudit()));
    }

    /** Rows per delete statement (a number: PostgreSQL takes no text for LIMIT). */
    public int batch() {
        return props.retention().batch();
    }
}

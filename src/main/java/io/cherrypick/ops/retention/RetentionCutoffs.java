package io.cherrypick.ops.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.Timestamps;

/**
 * What the retention route (routes/ops-retention.camel.yaml) keeps: rows settled or closed since {@link #keepFrom},
 * audit rows since {@link #keepAuditFrom}; it deletes at most {@link #batch} rows per statement.
 */
@Component("retentionCutoffs")
public class RetentionCutoffs {
    private final OpsProperties props;
    private final List<EventSpec> events;
    private final StockProperties stock;

    public RetentionCutoffs(OpsProperties props, List<EventSpec> events, StockProperties stock) {
        this.props = props;
        this.events = events;
        this.stock = stock;
    }

    /**
     * The queues whose settled rows go: every flow's event queue ({@code <flow>-events}: what Peoplevox posted or a
     * report poll stored) and each channel's push queue ({@code stock-channel:<name>}). The queues that send records
     * are not among them: their settled rows are what keeps a record from going twice.
     */
    public List<String> settledQueues() {
        Set<String> queues = new TreeSet<>();
        events.forEach(e -> queues.add(e.flow() + "-events"));
        stock.channels().keySet().forEach(name -> queues.add("stock-channel:" + name));
        return List.copyOf(queues);
    }

    /** Settled events and pushes, closed exceptions, delivered alerts and finished reconciliations older are purged. */
    public OffsetDateTime keepFrom() {
        return Timestamps.utc(Instant.now().minus(props.retention().keep()));
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

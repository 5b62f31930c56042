package io.cherrypick.peoplevox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.runtime.CursorPollConsumer;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * {@code from: peoplevox:report}: reads a Peoplevox report from a date cursor and routes each row, inside the
 * transaction that moves the cursor: what the route stores (the flow's hand-off) and how far the poll got are committed
 * together, or not at all.
 * <p>
 * A run reads {@code [dateColumn] >= DateTime(since)} ordered by that column, where {@code since} is {@code overlap}
 * before the cursor (report dates may carry minutes only, and a row may show up late), or {@code firstWindow} before
 * now on the first run. The cursor then moves to the latest date read; a run that read nothing keeps the first window's
 * start. Each row is routed once per run (the first row of a key); its body is the row (column name to value), header
 * {@code CherrypickRecordKey} its key columns joined by {@code |}, {@code CherrypickFlow} the flow.
 * <p>
 * A run that fails (Peoplevox, or a row's route) changes nothing and becomes a dead letter keyed by the cursor, so the
 * stall shows; the next scheduled run reads from the same cursor and resolves it when it succeeds.
 */
public class PeoplevoxReportConsumer extends CursorPollConsumer {
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxReportConsumer.class);

    private final PeoplevoxEndpoint endpoint;

    public PeoplevoxReportConsumer(PeoplevoxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected String flow() {
        return endpoint.getFlow();
    }

    @Override
    protected String cursor() {
        return endpoint.getCursor();
    }

    @Override
    protected String deadLetterUri() {
        return endpoint.getDeadLetterUri();
    }

    @Override
    protected int poll() {
        try {
            int routed = readOnce();
            endpoint.getComponent().exceptions().resolveOpen(endpoint.getFlow(), endpoint.getCursor(),
                    "the report poll succeeded again");
            return routed;
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        }
    }

    /** One run: the rows since the cursor, each routed, and the cursor moved, in one transaction. */
    int readOnce() {
        PeoplevoxComponent component = endpoint.getComponent();
        Cursor cursor = component.cursors().load(endpoint.getCursor());
        LocalDateTime watermark = cursor.watermark() == null ? null : LocalDateTime.parse(cursor.watermark());
        LocalDateTime since = watermark == null
                ? LocalDateTime.now(ZoneOffset.UTC).minus(endpoint.getFirstWindow()).withSecond(0).withNano(0)
                : watermark.minus(endpoint.getOverlap());
        String column = "[" + endpoint.getDateColumn() + "]";
        String orderBy = endpoint.getOrderBy() == null || endpoint.getOrderBy().isBlank() ? column + " asc"
                : endpoint.getOrderBy();
        CsvTable report = component.client().getReportRowByRow(endpoint.getReport(),
                column + " >= " + PeoplevoxDates.searchLiteral(since), orderBy, endpoint.getColumns());
        // a row whose cells do not match the header is refused on its own (kept as it came); its neighbours go on
        for (CsvTable.BadRow bad : report.badRows()) {
            String cells = String.join(",", bad.cells());
            refused(endpoint.getReport() + ":unreadable:" + Hashing.sha256Hex(cells).substring(0, 12), Category.VALIDATION,
                    "Peoplevox GetReportData " + endpoint.getReport() + " since " + since + ": " + bad.reason()
                            + "; the row is kept here, unread (never padded or cut), and the other rows went on", cells);
        }
        List<Map<String, String>> rows = report.rows();

        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        LocalDateTime latest = watermark;
        for (Map<String, String> row : rows) {
            String key = keyOf(row);
            if (key == null) {
                continue;
            }
            LocalDateTime date = PeoplevoxDates.parse(row.get(endpoint.getDateColumn())).orElse(null);
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
            byKey.putIfAbsent(key, row);
        }
        // nothing seen yet: keep the first window's start (the next run starts overlap before the saved value)
        LocalDateTime next = latest == null ? since.plus(endpoint.getOverlap()) : latest;
        int stored = component.tx().execute(status -> {
            int n = 0;
            for (Map.Entry<String, Map<String, String>> e : byKey.entrySet()) {
                n += route(e.getKey(), e.getValue()) ? 1 : 0;
            }
            component.cursors().save(endpoint.getCursor(), new Cursor(next.toString(), Set.of()));
            return n;
        });
        if (stored > 0) {
            log.info("{} since {}: {} row(s) stored by route {} (cursor {} now {})", endpoint.getReport(), since, stored,
                    getRouteId(), endpoint.getCursor(), next);
        }
        return stored;
    }

    /** The row's key columns joined by |; null when one is empty. */
    private String keyOf(Map<String, String> row) {
        StringBuilder key = new StringBuilder();
        for (String column : endpoint.keyColumnList()) {
            String value = row.get(column);
            if (value == null || value.isBlank()) {
                return null;
            }
            key.append(key.isEmpty() ? "" : "|").append(value.trim());
        }
        return key.toString();
    }

    /** Routes one row inside the run's transaction; a failure rolls the run back. True when the route stored it anew. */
    private boolean route(String key, Map<String, String> row) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(new LinkedHashMap<>(row));
        exchange.getIn().setHeader(Handoff.FLOW, endpoint.getFlow());
        exchange.getIn().setHeader(Handoff.RECORD_KEY, key);
        return route(exchange, endpoint.getReport() + " row " + key, false);
    }

    /** The run changed nothing: a dead letter keyed by the cursor makes the stall visible. */
    private void failed(RuntimeException e) {
        stalled(e, "Report poll " + endpoint.getCursor() + " (Peoplevox " + endpoint.getReport() + ") failed; the next"
                + " run reads again from the saved cursor");
    }
}

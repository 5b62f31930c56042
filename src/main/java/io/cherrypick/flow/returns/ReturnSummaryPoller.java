package io.cherrypick.flow.returns;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * The safety net under the {@code Returns} event: reads Peoplevox's {@code Return summary} report from a date cursor
 * ({@code [Return date] >= DateTime(...)}, starting {@code pollOverlap} before the latest return date seen) and puts
 * every return no event brought into the inbox, under the same key the webhook uses ({@code Returns:<code>|<item>}),
 * so an event arriving later is a duplicate, and a return already stored is skipped.
 */
@Component("returnSummaryPoller")
public class ReturnSummaryPoller {
    static final String REPORT = "Return summary";
    private static final Logger log = LoggerFactory.getLogger(ReturnSummaryPoller.class);

    private final PeoplevoxClient peoplevox;
    private final SyncCursorStore cursors;
    private final InboxStore inbox;
    private final ReturnStore store;
    private final ExceptionStore exceptions;
    private final EventSpec returnsEvents;
    private final ReturnsProperties props;
    private final ObjectMapper json;

    public ReturnSummaryPoller(PeoplevoxClient peoplevox, SyncCursorStore cursors, InboxStore inbox, ReturnStore store,
                               ExceptionStore exceptions,
                               @Qualifier("returnsEvents") EventSpec returnsEvents, ReturnsProperties props, ObjectMapper json) {
        this.peoplevox = peoplevox;
        this.cursors = cursors;
        this.inbox = inbox;
        this.store = store;
        this.exceptions = exceptions;
        this.returnsEvents = returnsEvents;
        this.props = props;
        this.json = json;
    }

    /** One poll; returns how many returns it found that no event had brought. */
    public int poll() throws Exception {
        Cursor cursor = cursors.load(ReturnsFlow.POLL_ROUTE);
        LocalDateTime watermark = cursor.watermark() == null ? null : LocalDateTime.parse(cursor.watermark());
        LocalDateTime since = watermark == null
                ? LocalDateTime.now(ZoneOffset.UTC).minus(props.pollLookback()).withSecond(0).withNano(0)
                : watermark.minus(props.pollOverlap());
        CsvTable report = peoplevox.getReport(REPORT, "[Return date] >= " + PeoplevoxDates.searchLiteral(since),
                "[Return date] asc", null);

        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        LocalDateTime latest = watermark;
        for (Map<String, String> row : report.rows()) {
            String code = row.getOrDefault("Return code", "").trim();
            String item = row.getOrDefault("Item code", "").trim();
            if (code.isEmpty() || item.isEmpty()) {
                continue;
            }
            LocalDateTime date = PeoplevoxDates.parse(row.get("Return date")).orElse(null);
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
            Map<String, String> fields = PvxReturn.eventFields(code, value(row, "Sales order number"), item,
                    value(row, "Quantity"), value(row, "Return reason"), value(row, "Return condition"),
                    value(row, "Site reference"), value(row, "RMA number"));
            fields.put("ReturnDate", value(row, "Return date"));
            byKey.putIfAbsent(PvxReturn.key(code, item), fields);
        }
        Set<String> known = store.knownReceipts(byKey.keySet());
        int missed = 0;
        for (Map.Entry<String, Map<String, String>> e : byKey.entrySet()) {
            if (!known.contains(e.getKey()) && inbox.storeIfAbsent(ReturnsFlow.RECEIPT_FLOW,
                    returnsEvents.eventKey(e.getValue()), ReturnsFlow.REPORT_ROW, json.writeValueAsString(e.getValue()))) {
                missed++;
            }
        }
        // nothing seen yet: keep the first window's start (the next poll starts overlap before the saved value)
        LocalDateTime next = latest == null ? since.plus(props.pollOverlap()) : latest;
        cursors.save(ReturnsFlow.POLL_ROUTE, new Cursor(next.toString(), Set.of()));
        exceptions.resolveOpen(ReturnsFlow.POLL_ROUTE, ReturnsFlow.POLL_ROUTE, "the report poll succeeded again");
        if (missed > 0) {
            log.info("Return summary since {}: {} return(s) no event had brought", since, missed);
        }
        return missed;
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.trim();
    }
}

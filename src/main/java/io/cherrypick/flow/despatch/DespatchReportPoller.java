package io.cherrypick.flow.despatch;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * Catches the despatches whose events never arrived (delivery failed, no subscription, Cherrypick down): reads
 * Peoplevox's {@code Despatch summary} report from a date cursor ({@code [Despatch date] >= DateTime(...)}, starting
 * {@code pollOverlap} before the latest despatch date seen) and puts every despatch not taken yet into the inbox, where
 * it is processed like an event. The events are stored before the cursor moves, and despatches already taken are
 * skipped, so re-reading the overlap costs report rows, never a duplicate.
 */
@Component("despatchReportPoller")
public class DespatchReportPoller {
    static final String REPORT = "Despatch summary";
    private static final Logger log = LoggerFactory.getLogger(DespatchReportPoller.class);

    private final PeoplevoxClient peoplevox;
    private final SyncCursorStore cursors;
    private final InboxStore inbox;
    private final DespatchRegister register;
    private final ExceptionStore exceptions;
    private final DespatchProperties props;
    private final ObjectMapper json;

    public DespatchReportPoller(PeoplevoxClient peoplevox, SyncCursorStore cursors, InboxStore inbox,
                                DespatchRegister register, ExceptionStore exceptions, DespatchProperties props,
                                ObjectMapper json) {
        this.peoplevox = peoplevox;
        this.cursors = cursors;
        this.inbox = inbox;
        this.register = register;
        this.exceptions = exceptions;
        this.props = props;
        this.json = json;
    }

    /** One poll; returns how many despatches it found that no event had brought. */
    public int poll() throws Exception {
        Cursor cursor = cursors.load(DespatchFlow.POLL_ROUTE);
        LocalDateTime watermark = cursor.watermark() == null ? null : LocalDateTime.parse(cursor.watermark());
        LocalDateTime since = watermark == null
                ? LocalDateTime.now(ZoneOffset.UTC).minus(props.pollLookback()).withSecond(0).withNano(0)
                : watermark.minus(props.pollOverlap());
        CsvTable report = peoplevox.getReport(REPORT, "[Despatch date] >= " + PeoplevoxDates.searchLiteral(since),
                "[Despatch date] asc", null);

        Map<String, Map<String, String>> byDespatch = new LinkedHashMap<>();
        LocalDateTime latest = watermark;
        for (Map<String, String> row : report.rows()) {
            String number = row.getOrDefault("Despatch number", "").trim();
            if (number.isEmpty()) {
                continue;
            }
            LocalDateTime date = PeoplevoxDates.parse(row.get("Despatch date")).orElse(null);
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
            byDespatch.putIfAbsent(number, row);
        }
        Set<String> known = register.known(byDespatch.keySet());
        int missed = 0;
        for (Map.Entry<String, Map<String, String>> e : byDespatch.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("DespatchNumber", e.getKey());
            fields.put("SalesOrderNumber", e.getValue().getOrDefault("Salesorder number", ""));
            fields.put("DespatchDate", e.getValue().getOrDefault("Despatch date", ""));
            if (inbox.storeIfAbsent(DespatchFlow.FLOW, DespatchFlow.REPORT_ROW + ":" + e.getKey(), DespatchFlow.REPORT_ROW,
                    json.writeValueAsString(fields))) {
                missed++;
            }
        }
        // nothing seen yet: keep the first window's start (the next poll starts overlap before the saved value)
        LocalDateTime next = latest == null ? since.plus(props.pollOverlap()) : latest;
        cursors.save(DespatchFlow.POLL_ROUTE, new Cursor(next.toString(), Set.of()));
        exceptions.resolveOpen(DespatchFlow.POLL_ROUTE, DespatchFlow.POLL_ROUTE, "the report poll succeeded again");
        if (missed > 0) {
            log.info("Despatch summary since {}: {} despatch(es) no event had brought: {}", since, missed,
                    byDespatch.keySet().stream().filter(n -> !known.contains(n)).toList());
        }
        return missed;
    }
}

package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.cherrypick.failure.Category;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Timestamps;

/**
 * A day of a brand's traffic, written straight into the tables the console reads, for the browser tests and the
 * manual's screenshots: orders in every state over the last hours, exceptions of several problems over ten days (some
 * resolved), Peoplevox calls per minute with a few refusals, backlog samples, stock pushes, a despatch, a return, audit
 * entries and an alert.
 */
final class ConsoleScene {
    static final String HELD_PICK = "100041";
    static final String DESPATCHED_PICK = "100003";
    static final String RETURN = "RA-2001";

    private final JdbcTemplate jdbc;
    private final OrderLifecycleStore lifecycle;
    private final ExceptionStore exceptions;
    private final AuditLog audit;
    private final Instant now = Instant.now();

    ConsoleScene(JdbcTemplate jdbc, OrderLifecycleStore lifecycle, ExceptionStore exceptions, AuditLog audit) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.exceptions = exceptions;
        this.audit = audit;
    }

    static final List<String> TABLES = List.of("integration_exception", "order_lifecycle", "despatch", "handoff",
            "api_call_minute", "flow_backlog_minute", "audit_log", "alert", "return_receipt_line", "return_receipt",
            "return_authorisation_line", "return_authorisation", "stock_variance", "stock_reconciliation", "system_outage");

    void empty() {
        TABLES.forEach(t -> jdbc.update("delete from " + t));
    }

    /** Writes the whole scene; returns the id of the held pick's open exception. */
    long write() {
        empty();
        String[] customers = {"WEB01", "BTQ14", "MKT01", "WEB02"};
        LifecycleState[] states = {LifecycleState.ACKNOWLEDGED, LifecycleState.ALLOCATED, LifecycleState.PICKING,
                LifecycleState.DESPATCHED, LifecycleState.CONFIRMED_IN_BLUE_CHERRY};
        for (int n = 0; n < 60; n++) {
            String pick = String.valueOf(100100 + n);
            Instant received = now.minus(Duration.ofMinutes(20 + 29L * n));
            LifecycleState state = states[n % states.length];
            lifecycle.received(pick, String.valueOf(40100 + n), "PO-" + (960000 + n), customers[n % 4], n % 3 == 0 ? "LDN" : "NJ",
                    "r1");
            lifecycle.moveTo(pick, state, null);
            steps(pick, received, state, 40 + n % 7 * 13);
            jdbc.update("update order_lifecycle set pvx_site = ? where pick_num = ?", n % 3 == 0 ? "LondonSite"
                    : "PrimarySite", pick);
        }
        // the order customer service asks about: despatched, its confirmation on its way
        lifecycle.received(DESPATCHED_PICK, "40003", "PO-697540", "WEB02", "LDN", "2026-12-06 17:42:36");
        lifecycle.moveTo(DESPATCHED_PICK, LifecycleState.DESPATCHED, "Despatch DES000002: 6 unit(s) in 1 package(s), Royal"
                + " Mail Tracked 48; queued for Blue Cherry");
        steps(DESPATCHED_PICK, now.minus(Duration.ofMinutes(95)), LifecycleState.DESPATCHED, 300);
        jdbc.update("update order_lifecycle set pvx_site = 'LondonSite', revision_sent = revision_received where pick_num = ?",
                DESPATCHED_PICK);
        jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values ('DES000002', ?, 6, ?)",
                DESPATCHED_PICK, Timestamps.utc(now.minus(Duration.ofMinutes(12))));

        // held picks and their exceptions over ten days, some resolved
        lifecycle.received(HELD_PICK, "40041", "PO-926240", "WEB01", "MIA", "2026-12-06 17:43:41");
        lifecycle.held(HELD_PICK, "Pick " + HELD_PICK + ": location 'MIA' has no Peoplevox site mapping");
        record("sales-order", "100044", LifecycleState.HELD_IN_BLUE_CHERRY);
        long heldException = exceptions.record(NewException.of("sales-order", "sales-order-to-wms", HELD_PICK,
                Category.MISSING_WAREHOUSE, "Pick " + HELD_PICK + ": location 'MIA' has no Peoplevox site mapping (add it"
                        + " under mappings 'site')", "{\"pick_num\":\"" + HELD_PICK + "\",\"ord_num\":\"40041\",\"location\":"
                        + "\"MIA\",\"shipper\":\"FEDX\"}", handoff("sales-order", HELD_PICK, "HELD")));
        exceptions.record(NewException.of("sales-order", "sales-order-to-wms", "100044", Category.SKU_MISMATCH,
                "Pick 100044 line 2: item 099999999993 (style 01234 BLK M) does not exist in Peoplevox",
                "{\"pick_num\":\"100044\"}", handoff("sales-order", "100044", "HELD")));
        Category[] history = {Category.SKU_MISMATCH, Category.API_TIMEOUT, Category.MISSING_WAREHOUSE, Category.VALIDATION,
                Category.RETURN_MISMATCH, Category.AFTER_CUTOFF};
        for (int n = 0; n < 24; n++) {
            Category c = history[n % history.length];
            long id = exceptions.record(NewException.of(c == Category.RETURN_MISMATCH ? "return-receipt" : "sales-order",
                    "route", "H" + n, c, "Record H" + n + ": " + c.name().toLowerCase().replace('_', ' '), "{}", null));
            Instant seen = now.minus(Duration.ofHours(6L * n + 3));
            jdbc.update("update integration_exception set first_seen = ?, last_seen = ? where id = ?", Timestamps.utc(seen),
                    Timestamps.utc(seen), id);
            if (n % 3 != 0) {
                jdbc.update("update integration_exception set status = 'RESOLVED', actioned_by = 'sam', action_reason ="
                        + " 'fixed', actioned_at = ? where id = ?", Timestamps.utc(seen.plus(Duration.ofHours(5))), id);
            }
        }

        // Peoplevox calls per minute over the day, a burst with refusals three hours ago
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        for (int m = 0; m < 24 * 60; m += 7) {
            int calls = 4 + (m * 7919) % 11;
            boolean burst = m >= 180 && m < 200;
            jdbc.update("insert into api_call_minute (system, at_minute, calls, rate_limited, failed) values ('peoplevox', ?,"
                    + " ?, ?, ?)", Timestamps.utc(minute.minus(Duration.ofMinutes(m))), burst ? 64 : calls, burst ? 4 : 0,
                    burst ? 4 : 0);
        }
        // backlog samples each hour, and what waits now
        for (int h = 0; h < 24; h++) {
            Instant at = minute.minus(Duration.ofHours(h));
            jdbc.update("insert into flow_backlog_minute (queue, at_minute, waiting, held) values ('sales-order', ?, ?, 2)",
                    Timestamps.utc(at), (h * 37) % 45);
            jdbc.update("insert into flow_backlog_minute (queue, at_minute, waiting, held) values ('despatch', ?, ?, 0)",
                    Timestamps.utc(at), (h * 13) % 9);
            jdbc.update("insert into flow_backlog_minute (queue, at_minute, waiting, held) values ('stock-channel:web', ?, ?,"
                    + " 0)", Timestamps.utc(at), (h * 29) % 70);
        }
        for (int n = 0; n < 3; n++) {
            handoff("despatch", "DES00001" + n, "PENDING");
        }
        for (int n = 0; n < 30; n++) { // stock pushed to the web shop over the day
            Instant done = now.minus(Duration.ofMinutes(35L * n + 5));
            jdbc.update("insert into handoff (queue, record_key, revision, payload, status, attempts, next_attempt_at,"
                    + " created_at, updated_at) values ('stock-channel:web', ?, ?, '{}', 'DONE', 0, ?, ?, ?)", "SKU" + n + "|WH",
                    "s" + n, Timestamps.utc(done), Timestamps.utc(done.minusMillis(900 + 37L * n)), Timestamps.utc(done));
        }

        // a return, what it authorises and what the warehouse received
        jdbc.update("insert into return_authorisation (ra_num, ord_num, pick_num, customer, bc_location, reason_code,"
                + " revision, fingerprint, state, exception_open, note, authorised_at, expected_at, received_at, updated_at)"
                + " values (?, '40003', ?, 'WEB02', 'LDN', 'WS', 'r1', 'f1', 'RECEIVED', false, 'received 1 of 2',"
                + " ?, ?, ?, ?)", RETURN, DESPATCHED_PICK, Timestamps.utc(now.minus(Duration.ofHours(30))),
                Timestamps.utc(now.minus(Duration.ofHours(29))), Timestamps.utc(now.minus(Duration.ofHours(2))),
                Timestamps.utc(now.minus(Duration.ofHours(2))));
        jdbc.update("insert into return_authorisation_line (ra_num, line_seq, style, color_code, size_desc, upc, item_code,"
                + " ra_qty) values (?, 1, '01234', 'BLK', 'M', '012345678905', '012345678905', 2)", RETURN);
        jdbc.update("insert into return_receipt (return_code, item_code, quantity, units_from, units_to, sales_order_number,"
                + " rma_number, reason, return_condition, site, source, disposition, state, received_at, updated_at) values"
                + " ('RET-88', '012345678905', 1, 0, 1, ?, ?, 'Too big', 'Resaleable', 'LondonSite', 'EVENT', 'A', 'RECEIVED', ?, ?)",
                DESPATCHED_PICK, RETURN, Timestamps.utc(now.minus(Duration.ofHours(2))),
                Timestamps.utc(now.minus(Duration.ofHours(2))));

        // the last stock reconciliation: two SKUs whose counts disagree, one corrected
        jdbc.update("insert into stock_reconciliation (id, kind, started_at, finished_at, report_rows, corrected,"
                + " channel_pushes, bc_variances, channel_variances, unknown_skus, status) values (41, 'SCHEDULED', ?, ?,"
                + " 240, 1, 1, 2, 1, 0, 'DONE')", Timestamps.utc(now.minus(Duration.ofMinutes(50))),
                Timestamps.utc(now.minus(Duration.ofMinutes(49))));
        String variance = "insert into stock_variance (item_code, site, reconciliation_id, bc_location, pvx_on_hand,"
                + " pvx_available, bc_told_on_hand, bc_variance, channel_variance, has_variance, corrected, reconciled_at)"
                + " values (?, ?, 41, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update(variance, "012345678905", "PrimarySite", "NJ", 17, 15, 20, -3, 0, true, true,
                Timestamps.utc(now.minus(Duration.ofMinutes(49))));
        jdbc.update(variance, "012345678912", "LondonSite", "LDN", 8, 8, 6, 2, 2, true, false,
                Timestamps.utc(now.minus(Duration.ofMinutes(49))));
        jdbc.update(variance, "012345678929", "PrimarySite", "NJ", 40, 38, 40, 0, 0, false, false,
                Timestamps.utc(now.minus(Duration.ofMinutes(49))));

        // the web channel stopped answering 12 minutes ago: its pushes wait; Blue Cherry failed once since it last answered
        jdbc.update("insert into system_outage (system, failures, down_since, probe_at, last_error, updated_at) values"
                + " ('Channel web', 5, ?, ?, 'channel web did not answer in time (request timed out after 10000 ms)', ?)",
                Timestamps.utc(now.minus(Duration.ofMinutes(12))), Timestamps.utc(now.plusSeconds(20)), Timestamps.utc(now));
        jdbc.update("insert into system_outage (system, failures, last_error, updated_at) values ('Blue Cherry', 1,"
                + " 'Blue Cherry answered HTTP 503 to GET pick', ?)", Timestamps.utc(now));

        // who did what, and what the chat was told
        audit.record("sam.support", "RESOLVE", "exception", "17", "sales-order H4: item created by hand in Blue Cherry");
        audit.record("ian.integrator", "MAP", "mapping", "site:LDN", "-> LondonSite");
        jdbc.update("insert into alert (created_at, text, delivered_at, attempts) values (?, ?, ?, 1)",
                Timestamps.utc(now.minus(Duration.ofMinutes(30))), "Cherrypick: 2 new exceptions\n\nNew exceptions:\n"
                        + "• Orders to Peoplevox · Location without a warehouse [MISSING_WAREHOUSE] (for Support) ×1\n    " + HELD_PICK + ": Pick " + HELD_PICK
                        + ": location 'MIA' has no Peoplevox site mapping", Timestamps.utc(now.minus(Duration.ofMinutes(30))));
        return heldException;
    }

    /** Stamps each step up to {@code state}, {@code gap} seconds apart from {@code received}. */
    private void steps(String pick, Instant received, LifecycleState state, long gap) {
        String[] columns = {"received_at", "released_at", "acknowledged_at", "allocated_at", "picking_at", "despatched_at",
                "confirmed_at"};
        int last = switch (state) {
            case ACKNOWLEDGED -> 2;
            case ALLOCATED -> 3;
            case PICKING -> 4;
            case DESPATCHED -> 5;
            default -> 6;
        };
        for (int i = 0; i <= last; i++) {
            Instant at = min(received.plusSeconds(i == 1 || i == 2 ? gap / 40 + i : gap * i * 3L));
            jdbc.update("update order_lifecycle set " + columns[i] + " = ? where pick_num = ?", Timestamps.utc(at), pick);
        }
        jdbc.update("update order_lifecycle set updated_at = ? where pick_num = ?",
                Timestamps.utc(min(received.plusSeconds(gap * last * 3L))), pick);
    }

    /** A step's time, never later than now (a step in the future would read as nonsense on the timeline). */
    private Instant min(Instant at) {
        return at.isAfter(now) ? now : at;
    }

    private void record(String flow, String pick, LifecycleState state) {
        lifecycle.received(pick, "4" + pick.substring(2), "PO-1" + pick, "WEB01", "NJ", "r1");
        lifecycle.moveTo(pick, state, "item 099999999993 does not exist in Peoplevox");
        lifecycle.flagException(pick, true);
    }

    private long handoff(String queue, String key, String status) {
        jdbc.update("insert into handoff (queue, record_key, revision, payload, status, attempts, next_attempt_at, created_at,"
                + " updated_at) values (?, ?, 'r1', '{}', ?, 0, ?, ?, ?)", queue, key, status, Timestamps.utc(now),
                Timestamps.utc(now.minusSeconds(40)), Timestamps.utc(now));
        return jdbc.queryForObject("select id from handoff where queue = ? and record_key = ?", Long.class, queue, key);
    }
}

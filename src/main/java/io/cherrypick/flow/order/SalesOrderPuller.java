package io.cherrypick.flow.order;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxStore;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * Pulls released pick tickets from Blue Cherry ({@code GET /api/pick?_include=all}) after the persisted {@code last_mod}
 * watermark, and stores each pick revision in the outbox in the same transaction that advances the watermark.
 * <p>
 * Paging is by key set, not by offset: each request asks for {@code last_mod ge '<watermark>'} and skips the picks already
 * taken at exactly that watermark, so a pick modified while we page (which moves to the end of the list) cannot make
 * another slip between pages. When a whole page shares one {@code last_mod}, the picks of that second are read page by
 * page with {@code last_mod eq}, and the next request moves on with {@code gt}. Blue Cherry is assumed to return
 * records ordered by {@code last_mod} (the README lists this assumption).
 */
@Component("salesOrderPuller")
public class SalesOrderPuller {
    private static final Logger log = LoggerFactory.getLogger(SalesOrderPuller.class);

    private final BlueCherryClient blueCherry;
    private final SyncCursorStore cursors;
    private final OutboxStore outbox;
    private final OrderLifecycleStore lifecycle;
    private final ExceptionStore exceptions;
    private final SalesOrderProperties props;
    private final TransactionTemplate tx;

    public SalesOrderPuller(BlueCherryClient blueCherry, SyncCursorStore cursors, OutboxStore outbox,
                            OrderLifecycleStore lifecycle, ExceptionStore exceptions, SalesOrderProperties props,
                            TransactionTemplate tx) {
        this.blueCherry = blueCherry;
        this.cursors = cursors;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.exceptions = exceptions;
        this.props = props;
        this.tx = tx;
    }

    /** One pull run; returns how many new pick revisions were stored. */
    public int pull() {
        int pageSize = blueCherry.pageSize();
        Run run = new Run(cursors.load(SalesOrderFlow.PULL_ROUTE));
        boolean strictlyAfter = false;
        if (run.cursor.watermark() != null && run.cursor.keysAtWatermark().size() >= pageSize) {
            // the picks already taken in the watermark's second fill whole pages: read only from where new ones would be
            drainSecond(run, run.cursor.keysAtWatermark().size() / pageSize + 1, pageSize);
            strictlyAfter = true;
        }
        while (true) {
            String filter = run.cursor.watermark() == null ? null
                    : "last_mod " + (strictlyAfter ? "gt" : "ge") + " '" + run.cursor.watermark() + "'";
            List<JsonNode> page = blueCherry.getPage("pick", filter, 1, pageSize);
            String before = run.cursor.watermark();
            run.store(page);
            strictlyAfter = false;
            if (page.size() < pageSize) {
                break;
            }
            String watermark = run.cursor.watermark();
            if (before != null && before.equals(watermark)
                    && page.stream().allMatch(p -> watermark.equals(p.path("last_mod").asText()))) {
                // a full page within one second: read that second by offset, then continue after it
                drainSecond(run, 2, pageSize);
                strictlyAfter = true;
            }
        }
        exceptions.resolveOpen(SalesOrderFlow.PULL_ROUTE, SalesOrderFlow.PULL_ROUTE, "the pull succeeded again");
        if (run.stored > 0) {
            log.info("pulled {} new pick revision(s) from Blue Cherry; watermark now {}", run.stored, run.cursor.watermark());
        }
        return run.stored;
    }

    /** Reads the picks of the watermark's second page by page from {@code firstPage} ({@code last_mod eq}). */
    private void drainSecond(Run run, int firstPage, int pageSize) {
        String second = run.cursor.watermark();
        for (int pageNo = firstPage; ; pageNo++) {
            List<JsonNode> same = blueCherry.getPage("pick", "last_mod eq '" + second + "'", pageNo, pageSize);
            run.store(same);
            if (same.size() < pageSize) {
                return;
            }
        }
    }

    /** The cursor as a run moves it, and what the run stored. */
    private final class Run {
        Cursor cursor;
        int stored;

        Run(Cursor cursor) {
            this.cursor = cursor;
        }

        void store(List<JsonNode> page) {
            PageResult result = SalesOrderPuller.this.store(page, cursor);
            cursor = result.cursor();
            stored += result.stored();
        }
    }

    private record PageResult(Cursor cursor, int stored) {
    }

    private PageResult store(List<JsonNode> page, Cursor start) {
        return tx.execute(status -> {
            String watermark = start.watermark();
            Set<String> keys = new HashSet<>(start.keysAtWatermark());
            int stored = 0;
            for (JsonNode pick : page) {
                String lastMod = pick.path("last_mod").asText("");
                String key = pickKey(pick);
                if (lastMod.equals(watermark) && keys.contains(key)) {
                    continue;
                }
                if (take(pick, key, lastMod)) {
                    stored++;
                }
                if (watermark == null || lastMod.compareTo(watermark) > 0) {
                    watermark = lastMod;
                    keys = new HashSet<>();
                }
                if (lastMod.equals(watermark)) {
                    keys.add(key);
                }
            }
            Cursor next = new Cursor(watermark, keys);
            cursors.save(SalesOrderFlow.PULL_ROUTE, next);
            return new PageResult(next, stored);
        });
    }

    /** Stores one pick revision where it belongs: a new pick is queued, a change to a sent pick goes to the change flow. */
    private boolean take(JsonNode pick, String key, String revision) {
        String pickNum = pick.path("pick_num").asText("").trim();
        String businessKey = pickNum.isEmpty() ? "pkey-" + key : pickNum;
        lifecycle.received(businessKey, text(pick, "ord_num"), text(pick, "po_num"), text(pick, "customer"),
                text(pick, "location"), revision);
        boolean cancelled = props.cancelledStatuses().contains(text(pick, "ord_status"));
        if (outbox.hasSentRevision(SalesOrderFlow.FLOW, businessKey)) {
            // already in Peoplevox: the amendment flow decides (only the newest unapplied change matters)
            outbox.supersedeUnsent(SalesOrderFlow.CHANGE_FLOW, businessKey, revision);
            return outbox.insertIfAbsent(SalesOrderFlow.CHANGE_FLOW, businessKey, revision, pick.toString());
        }
        List<Long> superseded = outbox.supersedeUnsent(SalesOrderFlow.FLOW, businessKey, revision);
        if (!superseded.isEmpty()) {
            log.info("pick {}: unsent revision(s) {} superseded by revision {}", businessKey, superseded, revision);
            exceptions.resolveOpen(SalesOrderFlow.FLOW, businessKey, "superseded by Blue Cherry revision " + revision);
        }
        if (cancelled) {
            lifecycle.moveTo(businessKey, LifecycleState.CANCELLED, "cancelled in Blue Cherry before it was sent to Peoplevox");
            return false;
        }
        boolean isNew = outbox.insertIfAbsent(SalesOrderFlow.FLOW, businessKey, revision, pick.toString());
        if (isNew) {
            lifecycle.moveTo(businessKey, LifecycleState.QUEUED_IN_CHERRYPICK, null);
            lifecycle.flagException(businessKey, false);
        }
        return isNew;
    }

    private static String pickKey(JsonNode pick) {
        JsonNode pkey = pick.path("pkey");
        return pkey.isMissingNode() || pkey.isNull() ? pick.path("pick_num").asText() : pkey.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}

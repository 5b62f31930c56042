package io.cherrypick.bluecherry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * Reads a Blue Cherry resource ({@code GET /api/<resource>?_include=all}) after a persisted {@code last_mod} watermark and
 * hands each record to a callback inside the transaction that also advances the watermark, page by page: what a pull
 * stored and how far it got are committed together.
 * <p>
 * Paging is by key set, not by offset: each request asks for {@code last_mod ge '<watermark>'} and skips the records
 * already taken at exactly that watermark, so a record modified while we page (which moves to the end of the list)
 * cannot make another slip between pages. When a whole page shares one {@code last_mod}, the records of that second are
 * read page by page with {@code last_mod eq}, and the next request moves on with {@code gt}; when the records already
 * taken in the watermark's second fill whole pages, a run starts reading that second at the first page that can hold
 * new ones. Blue Cherry is assumed to return records ordered by {@code last_mod} (the README lists this assumption).
 */
@Component
public class IncrementalPull {
    private final BlueCherryClient blueCherry;
    private final SyncCursorStore cursors;
    private final TransactionTemplate tx;

    public IncrementalPull(BlueCherryClient blueCherry, SyncCursorStore cursors, TransactionTemplate tx) {
        this.blueCherry = blueCherry;
        this.cursors = cursors;
        this.tx = tx;
    }

    /** Takes one record; runs inside the page's transaction. Returns true when the record was new (counted). */
    @FunctionalInterface
    public interface RecordHandler {
        boolean take(JsonNode record, String key, String lastMod);
    }

    /** What one run did: records newly taken, and the watermark it ended on. */
    public record Result(int taken, String watermark) {
    }

    /**
     * One run over {@code resource}, from the cursor named {@code cursorName}. A record's key is its {@code pkey}, or
     * {@code naturalKeyField} when it has none.
     */
    public Result pull(String resource, String cursorName, String naturalKeyField, RecordHandler handler) {
        int pageSize = blueCherry.pageSize();
        Run run = new Run(resource, cursorName, naturalKeyField, handler, cursors.load(cursorName));
        boolean strictlyAfter = false;
        if (run.cursor.watermark() != null && run.cursor.keysAtWatermark().size() >= pageSize) {
            // the records already taken in the watermark's second fill whole pages: read only from where new ones would be
            drainSecond(run, run.cursor.keysAtWatermark().size() / pageSize + 1, pageSize);
            strictlyAfter = true;
        }
        while (true) {
            String filter = run.cursor.watermark() == null ? null
                    : "last_mod " + (strictlyAfter ? "gt" : "ge") + " '" + run.cursor.watermark() + "'";
            List<JsonNode> page = blueCherry.getPage(resource, filter, 1, pageSize);
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
        return new Result(run.taken, run.cursor.watermark());
    }

    /** Reads the records of the watermark's second page by page from {@code firstPage} ({@code last_mod eq}). */
    private void drainSecond(Run run, int firstPage, int pageSize) {
        String second = run.cursor.watermark();
        for (int pageNo = firstPage; ; pageNo++) {
            List<JsonNode> same = blueCherry.getPage(run.resource, "last_mod eq '" + second + "'", pageNo, pageSize);
            run.store(same);
            if (same.size() < pageSize) {
                return;
            }
        }
    }

    /** The cursor as a run moves it, and what the run took. */
    private final class Run {
        final String resource;
        final String cursorName;
        final String naturalKeyField;
        final RecordHandler handler;
        Cursor cursor;
        int taken;

        Run(String resource, String cursorName, String naturalKeyField, RecordHandler handler, Cursor cursor) {
            this.resource = resource;
            this.cursorName = cursorName;
            this.naturalKeyField = naturalKeyField;
            this.handler = handler;
            this.cursor = cursor;
        }

        void store(List<JsonNode> page) {
            PageResult result = IncrementalPull.this.store(page, cursor, cursorName, naturalKeyField, handler);
            cursor = result.cursor();
            taken += result.taken();
        }
    }

    private record PageResult(Cursor cursor, int taken) {
    }

    private PageResult store(List<JsonNode> page, Cursor start, String cursorName, String naturalKeyField,
                             RecordHandler handler) {
        return tx.execute(status -> {
            String watermark = start.watermark();
            Set<String> keys = new HashSet<>(start.keysAtWatermark());
            int taken = 0;
            for (JsonNode record : page) {
                String lastMod = record.path("last_mod").asText("");
                String key = keyOf(record, naturalKeyField);
                if (lastMod.equals(watermark) && keys.contains(key)) {
                    continue;
                }
                if (handler.take(record, key, lastMod)) {
                    taken++;
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
            cursors.save(cursorName, next);
            return new PageResult(next, taken);
        });
    }

    private static String keyOf(JsonNode record, String naturalKeyField) {
        JsonNode pkey = record.path("pkey");
        return pkey.isMissingNode() || pkey.isNull() ? record.path(naturalKeyField).asText() : pkey.asText();
    }
}

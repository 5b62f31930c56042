package io.cherrypick.bluecherry;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.mapping.Conversions;
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
 * <p>
 * {@code last_mod} has no zone: it is Blue Cherry's local time ({@code cherrypick.conversion.bluecherry.time-zone}). When
 * the clocks go back, the hour is written twice, and a record written in the second pass carries a {@code last_mod}
 * before the watermark the first pass left. While the watermark lies in that repeated hour, each run reads the whole
 * hour again from its start (page by page to the end) and takes only the records it has not taken at that
 * {@code last_mod}: those of the hour are remembered with the cursor, as {@code last_mod|key}, until the watermark leaves
 * the hour. Nothing is skipped and nothing is taken twice; the price is reading that hour again each run, once a year.
 */
@Component
public class IncrementalPull {
    private final BlueCherryClient blueCherry;
    private final SyncCursorStore cursors;
    private final TransactionTemplate tx;
    private final Conversions conversions;

    /** A pull for a Blue Cherry whose zone never repeats an hour (UTC). */
    public IncrementalPull(BlueCherryClient blueCherry, SyncCursorStore cursors, TransactionTemplate tx) {
        this(blueCherry, cursors, tx, Conversions.none());
    }

    @Autowired
    public IncrementalPull(BlueCherryClient blueCherry, SyncCursorStore cursors, TransactionTemplate tx,
                           Conversions conversions) {
        this.blueCherry = blueCherry;
        this.cursors = cursors;
        this.tx = tx;
        this.conversions = conversions;
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
        Optional<String> repeatedHour = conversions.repeatedHourStart(run.cursor.watermark());
        if (repeatedHour.isPresent()) {
            readRepeatedHour(run, repeatedHour.get(), pageSize);
            return new Result(run.taken, run.cursor.watermark());
        }
        boolean strictlyAfter = false;
        int atWatermark = keysAtWatermark(run.cursor).size();
        if (run.cursor.watermark() != null && atWatermark >= pageSize) {
            // the records already taken in the watermark's second fill whole pages: read only from where new ones would be
            drainSecond(run, atWatermark / pageSize + 1, pageSize);
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

    /** Reads everything from the start of the repeated hour to the end, page by page (taken records are skipped). */
    private void readRepeatedHour(Run run, String hourStart, int pageSize) {
        for (int pageNo = 1; ; pageNo++) {
            List<JsonNode> page = blueCherry.getPage(run.resource, "last_mod ge '" + hourStart + "'", pageNo, pageSize);
            run.store(page);
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    /** The keys taken at exactly the watermark (without the repeated hour's {@code last_mod|key} entries). */
    private static Set<String> keysAtWatermark(Cursor cursor) {
        return cursor.keysAtWatermark().stream().filter(k -> !k.contains(HOUR_ENTRY)).collect(Collectors.toSet());
    }

    private static final String HOUR_ENTRY = "|";

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
                boolean inRepeatedHour = conversions.repeatedHourStart(lastMod).isPresent();
                if (lastMod.equals(watermark) && keys.contains(key)
                        || inRepeatedHour && keys.contains(lastMod + HOUR_ENTRY + key)) {
                    continue;
                }
                if (handler.take(record, key, lastMod)) {
                    taken++;
                }
                if (watermark == null || lastMod.compareTo(watermark) > 0) {
                    watermark = lastMod;
                    // the repeated hour's entries stay while the watermark is in it
                    keys = conversions.repeatedHourStart(watermark).isPresent()
                            ? keys.stream().filter(k -> k.contains(HOUR_ENTRY)).collect(Collectors.toCollection(HashSet::new))
                            : new HashSet<>();
                }
                if (lastMod.equals(watermark)) {
                    keys.add(key);
                }
                if (inRepeatedHour) {
                    keys.add(lastMod + HOUR_ENTRY + key);
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

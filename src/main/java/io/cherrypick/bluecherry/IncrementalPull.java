package io.cherrypick.bluecherry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.mapping.Conversions;
import io.cherrypick.store.PullTakenStore;
import io.cherrypick.store.PullTakenStore.Taken;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;

/**
 * Reads a Blue Cherry resource ({@code GET /api/<resource>?_include=all}) after a persisted {@code last_mod} watermark and
 * hands each record to a callback inside the transaction that also advances the watermark: what a pull stored and how
 * far it got are committed together.
 * <p>
 * No public source says in which order Blue Cherry answers a read, so nothing here relies on one: the watermark only
 * moves on what one answer proves complete. A page shorter than the page size is everything its filter matched at that
 * moment, whatever the order. A full page after the watermark ({@code last_mod ge}, or {@code gt} once the
 * watermark's second is read whole) may be any of the records after it, so the pull narrows: it asks for the records
 * before a bound taken from that page ({@code and last_mod lt '<bound>'}), first the page's latest {@code last_mod}
 * (one more call per page when Blue Cherry does sort), then the middle of each still-full answer, until an answer is
 * short; it takes those records and moves the watermark to the bound. Records changed meanwhile get a newer
 * {@code last_mod} and come in a later window. When a full page holds only the watermark's own second, that second is
 * read by offset ({@code last_mod eq}) to the end and read once more to catch a record that slipped between pages
 * while another left the second; then the pull moves on with {@code gt}.
 * <p>
 * {@code last_mod} has no zone: it is Blue Cherry's local time ({@code cherrypick.conversion.bluecherry.time-zone}). When
 * the clocks go back, the hour is written twice, and a record written in the second pass carries a {@code last_mod}
 * before the watermark the first pass left. While the watermark lies in that repeated hour, each run reads the whole
 * hour again from its start (page by page to the end) and takes only the records it has not taken at that
 * {@code last_mod}: those of the hour are remembered with the cursor, as {@code last_mod|key}, until the watermark leaves
 * the hour. Nothing is skipped and nothing is taken twice; the price is reading that hour again each run, once a year.
 * <p>
 * {@code last_mod} is when a record was written, not when it became visible: a record committed late, or stamped by an
 * application server whose clock runs behind, can appear behind a watermark that has already passed it. With an
 * {@code overlap}, each run also looks behind: it reads the window from where its last look ended up to one overlap
 * before now (Blue Cherry's zone; never past the watermark), a fixed window read by the same narrowing, so each record
 * is read a second time once, when it is an overlap old, instead of on every run. What the forward reads took is
 * remembered (table {@code pull_taken}, in the page's transaction) until the look behind has passed it, so only records
 * the pull never took are handed on; the hand-off's unique (flow, key, revision) would drop a repeat anyway. The look's
 * own position is a second cursor, {@code <cursor>~behind}.
 */
@Component
public class IncrementalPull {
    private static final Logger log = LoggerFactory.getLogger(IncrementalPull.class);
    /** Ends the name of the cursor that says how far a pull has looked behind its watermark. */
    public static final String BEHIND = "~behind";

    private final BlueCherryClient blueCherry;
    private final SyncCursorStore cursors;
    private final PullTakenStore takenStore;
    private final TransactionTemplate tx;
    private final Conversions conversions;
    private final Clock clock;

    @Autowired
    public IncrementalPull(BlueCherryClient blueCherry, SyncCursorStore cursors, PullTakenStore takenStore,
                           TransactionTemplate tx, Conversions conversions) {
        this(blueCherry, cursors, takenStore, tx, conversions, Clock.systemUTC());
    }

    public IncrementalPull(BlueCherryClient blueCherry, SyncCursorStore cursors, PullTakenStore takenStore,
                           TransactionTemplate tx, Conversions conversions, Clock clock) {
        this.blueCherry = blueCherry;
        this.cursors = cursors;
        this.takenStore = takenStore;
        this.tx = tx;
        this.conversions = conversions;
        this.clock = clock;
    }

    /** Takes one record; runs inside the page's transaction. Returns true when the record was new (counted). */
    @FunctionalInterface
    public interface RecordHandler {
        boolean take(JsonNode record, String key, String lastMod);

        /**
         * A record of the page that cannot be taken as it came ({@code problem} names the field): by default the page
         * fails, naming it. A handler that can keep it aside (a dead letter with the record as it came) lets the page
         * go on without it; the watermark never moves on such a record.
         */
        default void refuse(JsonNode record, String key, String problem) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The hand-off's record_key width: a key longer than this could not be stored and would fail the whole page. */
    static final int KEY_WIDTH = 200;

    /**
     * What one run did: records newly taken (found behind the watermark included), the watermark it ended on, and how
     * many of the records taken were found only by the look behind the watermark.
     */
    public record Result(int taken, String watermark, int takenBehind) {
    }

    /** One run without a look behind the watermark ({@link #pull(String, String, String, Duration, RecordHandler)}). */
    public Result pull(String resource, String cursorName, String naturalKeyField, RecordHandler handler) {
        return pull(resource, cursorName, naturalKeyField, Duration.ZERO, handler);
    }

    /**
     * One run over {@code resource}, from the cursor named {@code cursorName}, then (with a non-zero {@code overlap}) the
     * look behind the watermark. A record's key is its {@code pkey}, or {@code naturalKeyField} when it has none.
     */
    public Result pull(String resource, String cursorName, String naturalKeyField, Duration overlap, RecordHandler handler) {
        int pageSize = blueCherry.pageSize();
        boolean lookBehind = !overlap.isZero() && !overlap.isNegative();
        Run run = new Run(resource, cursorName, naturalKeyField, handler, cursors.load(cursorName),
                lookBehind ? cursorName : null, null);
        String startWatermark = run.cursor.watermark();
        Optional<String> repeatedHour = conversions.repeatedHourStart(startWatermark);
        if (repeatedHour.isPresent()) {
            readRepeatedHour(run, repeatedHour.get(), pageSize);
        } else {
            readForward(run, null, pageSize);
        }
        int behind = lookBehind ? lookBehind(run, startWatermark, overlap, pageSize) : 0;
        return new Result(run.taken + behind, run.cursor.watermark(), behind);
    }

    /**
     * Reads the window from where the last look behind ended up to one overlap before now (never past the watermark),
     * hands on the records the forward reads did not take, and forgets what they took up to the window's end.
     */
    private int lookBehind(Run forward, String startWatermark, Duration overlap, int pageSize) {
        String watermark = forward.cursor.watermark();
        if (watermark == null) {
            return 0;
        }
        String behindName = forward.cursorName + BEHIND;
        String now = Conversions.BLUE_CHERRY_TIME.format(LocalDateTime.now(clock.withZone(conversions.blueCherryZone())));
        String upTo = earlier(watermark, minus(now, overlap).orElse(now));
        Cursor behind = cursors.load(behindName);
        if (behind.watermark() == null) {
            // the first look: from one overlap before where this run started (before that nothing was remembered)
            behind = new Cursor(startWatermark == null ? upTo : minus(startWatermark, overlap).orElse(startWatermark), Set.of());
        }
        if (upTo.compareTo(behind.watermark()) <= 0) {
            return 0;
        }
        Run run = new Run(forward.resource, behindName, forward.naturalKeyField, forward.handler, behind, null,
                forward.cursorName);
        readForward(run, upTo, pageSize);
        takenStore.forgetUpTo(forward.cursorName, upTo);
        if (run.taken > 0) {
            log.warn("pull {} of Blue Cherry {}: {} record(s) appeared behind the watermark (last_mod before {}: committed"
                    + " late or stamped by a clock that runs behind) and were taken now", forward.cursorName,
                    forward.resource, run.taken, watermark);
        }
        return run.taken;
    }

    /** The text {@code duration} before a Blue Cherry time; empty when the text is not one. */
    private static Optional<String> minus(String blueCherryTime, Duration duration) {
        try {
            return Optional.of(Conversions.BLUE_CHERRY_TIME.format(
                    LocalDateTime.parse(blueCherryTime, Conversions.BLUE_CHERRY_TIME).minus(duration)));
        } catch (DateTimeParseException notOurFormat) {
            return Optional.empty();
        }
    }

    private static String earlier(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Reads forward from the run's watermark until an answer is short. With {@code upTo}, every read is bounded by
     * {@code last_mod le upTo} and the run's watermark ends on {@code upTo}: the whole window was read.
     */
    private void readForward(Run run, String upTo, int pageSize) {
        String resource = run.resource;
        String upper = upTo == null ? null : "last_mod le '" + upTo + "'";
        boolean watermarkSecondTaken = false;
        if (run.cursor.watermark() != null && keysAtWatermark(run.cursor).size() >= pageSize) {
            // the records already taken in the watermark's second fill whole pages: read that second first (a record
            // written into it after the last run read it is taken now, not an overlap later)
            drainSecond(run, pageSize);
            watermarkSecondTaken = true;
        }
        while (true) {
            String watermark = run.cursor.watermark();
            String after = and(watermark == null ? null
                    : "last_mod " + (watermarkSecondTaken ? "gt" : "ge") + " '" + watermark + "'", upper);
            List<JsonNode> page = blueCherry.getPage(resource, after, 1, pageSize);
            if (page.size() < pageSize) {
                run.store(page, upTo);
                return;
            }
            String bound = latestAfter(page, watermark);
            while (bound != null) {
                List<JsonNode> window = blueCherry.getPage(resource, and(after, "last_mod lt '" + bound + "'"), 1, pageSize);
                if (window.size() < pageSize) {
                    run.store(window, bound);
                    break;
                }
                bound = middleAfter(window, watermark);
            }
            if (bound == null) {
                // a full page of the watermark's own second only
                drainSecond(run, pageSize);
                watermarkSecondTaken = true;
            } else {
                watermarkSecondTaken = false;
            }
        }
    }

    /**
     * Reads every record of the watermark's second ({@code last_mod eq}) page by page, in whatever order they come,
     * then once more when it took more than one page and found something new: a record that left the second while we
     * paged (it changed) shifts the others, and one of them could slip past a page boundary.
     */
    private void drainSecond(Run run, int pageSize) {
        String second = run.cursor.watermark();
        boolean again = true;
        while (again) {
            int handedBefore = run.handed;
            int pages = 0;
            for (int pageNo = 1; ; pageNo++) {
                List<JsonNode> same = blueCherry.getPage(run.resource, "last_mod eq '" + second + "'", pageNo, pageSize);
                pages++;
                run.store(same, null);
                if (same.size() < pageSize) {
                    break;
                }
            }
            again = pages > 1 && run.handed > handedBefore;
        }
    }

    /** Reads everything from the start of the repeated hour to the end, page by page (taken records are skipped). */
    private void readRepeatedHour(Run run, String hourStart, int pageSize) {
        for (int pageNo = 1; ; pageNo++) {
            List<JsonNode> page = blueCherry.getPage(run.resource, "last_mod ge '" + hourStart + "'", pageNo, pageSize);
            run.store(page, null);
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

    /** The latest last_mod in the page that is after the watermark; null when every record is at the watermark. */
    private static String latestAfter(List<JsonNode> page, String watermark) {
        List<String> after = lastModsAfter(page, watermark);
        return after.isEmpty() ? null : after.get(after.size() - 1);
    }

    /** The middle of the distinct last_mods after the watermark (its upper half goes to a later window). */
    private static String middleAfter(List<JsonNode> page, String watermark) {
        List<String> after = lastModsAfter(page, watermark);
        return after.isEmpty() ? null : after.get(after.size() / 2);
    }

    private static List<String> lastModsAfter(List<JsonNode> page, String watermark) {
        // a last_mod that is not a Blue Cherry time would make a bound no filter can use; its record is refused in store
        return page.stream().map(r -> r.path("last_mod").asText("")).filter(IncrementalPull::isBlueCherryTime)
                .filter(m -> watermark == null || m.compareTo(watermark) > 0)
                .distinct().sorted().toList();
    }

    private static String and(String first, String second) {
        return first == null ? second : second == null ? first : first + " and " + second;
    }

    /** The cursor as a run moves it, and what the run took. */
    private final class Run {
        final String resource;
        final String cursorName;
        final String naturalKeyField;
        final RecordHandler handler;
        /** Where the records this run takes are remembered for the look behind; null: not remembered. */
        final String rememberUnder;
        /** Records remembered under this name were taken already (the look behind): they are skipped. */
        final String skipTakenUnder;
        Cursor cursor;
        int taken;
        /** Records handed to the handler (new to the cursor, whether or not the handler counted them). */
        int handed;

        Run(String resource, String cursorName, String naturalKeyField, RecordHandler handler, Cursor cursor,
            String rememberUnder, String skipTakenUnder) {
            this.resource = resource;
            this.cursorName = cursorName;
            this.naturalKeyField = naturalKeyField;
            this.handler = handler;
            this.cursor = cursor;
            this.rememberUnder = rememberUnder;
            this.skipTakenUnder = skipTakenUnder;
        }

        /** Stores a page; with {@code bound}, the page is all there was before it and the watermark moves to it. */
        void store(List<JsonNode> page, String bound) {
            PageResult result = IncrementalPull.this.store(page, bound, this);
            cursor = result.cursor();
            taken += result.taken();
            handed += result.handed();
        }
    }

    /** A stored page: the cursor after it, records counted new, records handed to the handler. */
    private record PageResult(Cursor cursor, int taken, int handed) {
    }

    private PageResult store(List<JsonNode> page, String bound, Run run) {
        Cursor start = run.cursor;
        String naturalKeyField = run.naturalKeyField;
        return tx.execute(status -> {
            String watermark = start.watermark();
            Set<String> keys = new HashSet<>(start.keysAtWatermark());
            Set<String> takenBefore = run.skipTakenUnder == null ? Set.of() : takenStore.takenAmong(run.skipTakenUnder,
                    page.stream().map(r -> new Taken(keyOf(r, naturalKeyField), r.path("last_mod").asText(""))).toList());
            List<Taken> remembered = new ArrayList<>();
            int taken = 0;
            int handed = 0;
            for (JsonNode record : page) {
                String key = keyOf(record, naturalKeyField);
                String problem = problemOf(record, key, naturalKeyField);
                if (problem != null) {
                    run.handler.refuse(record, key, "Blue Cherry GET " + run.resource + ": record " + describe(record, key,
                            naturalKeyField) + " " + problem + "; the record is kept aside, its neighbours go on");
                    continue;
                }
                String lastMod = record.path("last_mod").asText("");
                boolean inRepeatedHour = conversions.repeatedHourStart(lastMod).isPresent();
                boolean skip = lastMod.equals(watermark) && keys.contains(key)
                        || inRepeatedHour && keys.contains(lastMod + HOUR_ENTRY + key)
                        || takenBefore.contains(PullTakenStore.entry(key, lastMod));
                if (!skip) {
                    handed++;
                    if (run.handler.take(record, key, lastMod)) {
                        taken++;
                    }
                    if (run.rememberUnder != null) {
                        remembered.add(new Taken(key, lastMod));
                    }
                }
                if (watermark == null || lastMod.compareTo(watermark) > 0) {
                    watermark = lastMod;
                    keys = keptOnMove(keys, watermark);
                }
                if (lastMod.equals(watermark)) {
                    keys.add(key);
                }
                if (inRepeatedHour) {
                    keys.add(lastMod + HOUR_ENTRY + key);
                }
            }
            if (bound != null && (watermark == null || bound.compareTo(watermark) > 0)) {
                // everything before the bound is taken; nothing at the bound yet
                watermark = bound;
                keys = keptOnMove(keys, watermark);
            }
            Cursor next = new Cursor(watermark, keys);
            cursors.save(run.cursorName, next);
            if (run.rememberUnder != null) {
                takenStore.remember(run.rememberUnder, remembered);
            }
            return new PageResult(next, taken, handed);
        });
    }

    /** The keys that stay when the watermark moves: the repeated hour's entries while the watermark is in it. */
    private Set<String> keptOnMove(Set<String> keys, String watermark) {
        return conversions.repeatedHourStart(watermark).isPresent()
                ? keys.stream().filter(k -> k.contains(HOUR_ENTRY)).collect(Collectors.toCollection(HashSet::new))
                : new HashSet<>();
    }

    /**
     * What makes a record of a read unusable, naming the field, or null: a record that is not a JSON object, a
     * {@code last_mod} that is missing or not a Blue Cherry time (it would move the watermark anywhere), no key, or a key
     * the hand-off cannot store (longer than its column, control characters).
     */
    static String problemOf(JsonNode record, String key, String naturalKeyField) {
        if (!record.isObject()) {
            return "is not a JSON object but " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        JsonNode lastMod = record.path("last_mod");
        if (!lastMod.isTextual() || !isBlueCherryTime(lastMod.asText())) {
            return "has field last_mod = " + shown(lastMod) + ", which is not a Blue Cherry time (yyyy-MM-dd HH:mm:ss)";
        }
        JsonNode pkey = record.path("pkey");
        if (!pkey.isMissingNode() && !pkey.isNull() && !pkey.isIntegralNumber() && !pkey.isTextual()) {
            return "has field pkey = " + shown(pkey) + ", which is not a number";
        }
        String keyField = pkey.isMissingNode() || pkey.isNull() ? naturalKeyField : "pkey";
        JsonNode natural = record.path(naturalKeyField);
        if (!natural.isMissingNode() && !natural.isNull() && !natural.isValueNode()) {
            return "has field " + naturalKeyField + " = " + shown(natural) + ", which is not a text";
        }
        for (String[] checked : new String[][] {{keyField, key}, {naturalKeyField, natural.asText("")}}) {
            String value = checked[1];
            if (checked[0].equals(keyField) && value.isBlank()) {
                return "has no " + keyField;
            }
            if (value.length() > KEY_WIDTH) {
                return "has field " + checked[0] + " " + value.length() + " characters long; at most " + KEY_WIDTH + " fit";
            }
            int control = value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
            if (control >= 0) {
                return "has field " + checked[0] + " with control character U+" + String.format("%04X", control);
            }
        }
        return null;
    }

    private static boolean isBlueCherryTime(String value) {
        try {
            LocalDateTime.parse(value, Conversions.BLUE_CHERRY_TIME);
            return true;
        } catch (DateTimeParseException notATime) {
            return false;
        }
    }

    /** The record as a person finds it in Blue Cherry: its pkey and natural key when it has them (cut to fit a line). */
    private static String describe(JsonNode record, String key, String naturalKeyField) {
        String natural = record.path(naturalKeyField).isValueNode() ? record.path(naturalKeyField).asText("") : "";
        String pkey = record.path("pkey").isValueNode() ? record.path("pkey").asText("") : "";
        String said = (natural.isBlank() ? "" : naturalKeyField + " " + io.cherrypick.store.Columns.fit(natural, 60))
                + (pkey.isBlank() ? "" : (natural.isBlank() ? "" : " ") + "(pkey " + io.cherrypick.store.Columns.fit(pkey, 30) + ")");
        return said.isBlank() ? "without " + naturalKeyField + " or pkey" : printable(said);
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "(missing)" : printable(io.cherrypick.store.Columns.fit(value.toString(), 80));
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }

    private static String keyOf(JsonNode record, String naturalKeyField) {
        JsonNode pkey = record.path("pkey");
        return pkey.isMissingNode() || pkey.isNull() ? record.path(naturalKeyField).asText() : pkey.asText();
    }
}

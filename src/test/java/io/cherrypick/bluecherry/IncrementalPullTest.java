package io.cherrypick.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.mapping.ConversionProperties.VolumeUnit;
import io.cherrypick.mapping.ConversionProperties.WeightUnit;
import io.cherrypick.mapping.ConversionProperties;
import io.cherrypick.mapping.Conversions;
import io.cherrypick.store.PullTakenStore;
import io.cherrypick.store.SyncCursorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The watermark pull over last_mod: equal values across page and run boundaries, records that move while we page, and
 * every order Blue Cherry may answer in (none is promised).
 */
class IncrementalPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The orders a Blue Cherry read may come in: none is promised. */
    enum Order { LAST_MOD, NEWEST_FIRST, SHUFFLED, STORED }

    /** Blue Cherry filtering with ge/gt/eq/lt joined by "and", answering in the chosen order, paged by offset. */
    static final class FakeBlueCherry extends BlueCherryClient {
        final List<ObjectNode> records = new ArrayList<>();
        final List<String> filters = new ArrayList<>();
        Order order = Order.LAST_MOD;
        Runnable afterFirstPage = () -> { };

        FakeBlueCherry(int pageSize) {
            super(new BlueCherryProperties("http://bc.invalid", "key", pageSize, null), JSON, new SimpleMeterRegistry());
        }

        void put(String key, String lastMod) {
            records.removeIf(r -> r.path("style").asText().equals(key));
            ObjectNode r = JSON.createObjectNode();
            r.put("pkey", Integer.parseInt(key.substring(1)));
            r.put("style", key);
            r.put("last_mod", lastMod);
            records.add(r);
        }

        @Override
        public List<JsonNode> getPage(String resource, String filter, int pageNo, int pageSize) {
            filters.add(filter);
            Comparator<ObjectNode> byLastMod = Comparator.comparing((ObjectNode r) -> r.path("last_mod").asText())
                    .thenComparing(r -> r.path("pkey").asInt());
            Comparator<ObjectNode> comparator = switch (order) {
                case LAST_MOD -> byLastMod;
                case NEWEST_FIRST -> byLastMod.reversed();
                case SHUFFLED -> Comparator.comparing((ObjectNode r) -> Integer.reverse(r.path("pkey").asInt() * 0x9E3779B1));
                case STORED -> Comparator.comparing((ObjectNode r) -> r.path("pkey").asInt());
            };
            List<JsonNode> matching = records.stream().filter(r -> matches(r, filter)).sorted(comparator)
                    .map(r -> (JsonNode) r.deepCopy()).toList();
            int from = Math.min(matching.size(), (pageNo - 1) * pageSize);
            List<JsonNode> page = matching.subList(from, Math.min(matching.size(), from + pageSize));
            Runnable hook = afterFirstPage;
            afterFirstPage = () -> { };
            hook.run();
            return page;
        }

        private static boolean matches(JsonNode r, String filter) {
            if (filter == null) {
                return true;
            }
            for (String comparison : filter.split(" and ")) {
                String[] parts = comparison.split(" ", 3);
                int c = r.path("last_mod").asText().compareTo(parts[2].replace("'", ""));
                boolean match = switch (parts[1]) {
                    case "ge" -> c >= 0;
                    case "gt" -> c > 0;
                    case "eq" -> c == 0;
                    case "lt" -> c < 0;
                    case "le" -> c <= 0;
                    default -> throw new IllegalArgumentException(filter);
                };
                if (!match) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class MemoryCursors extends SyncCursorStore {
        final Map<String, Cursor> saved = new HashMap<>();

        MemoryCursors() {
            super(null);
        }

        @Override
        public Cursor load(String flow) {
            return saved.getOrDefault(flow, Cursor.START);
        }

        @Override
        public void save(String flow, Cursor cursor) {
            saved.put(flow, cursor);
        }
    }

    /** pull_taken in memory, as key|last_mod per cursor. */
    static final class MemoryTaken extends PullTakenStore {
        final Map<String, java.util.Set<String>> taken = new HashMap<>();

        MemoryTaken() {
            super(null);
        }

        @Override
        public void remember(String cursor, java.util.Collection<Taken> records) {
            records.forEach(t -> taken.computeIfAbsent(cursor, c -> new java.util.HashSet<>()).add(entry(t.key(), t.lastMod())));
        }

        @Override
        public java.util.Set<String> takenAmong(String cursor, java.util.Collection<Taken> records) {
            java.util.Set<String> asked = records.stream().map(t -> entry(t.key(), t.lastMod()))
                    .collect(java.util.stream.Collectors.toSet());
            return taken.getOrDefault(cursor, java.util.Set.of()).stream().filter(asked::contains)
                    .collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public int forgetUpTo(String cursor, String lastMod) {
            java.util.Set<String> entries = taken.getOrDefault(cursor, new java.util.HashSet<>());
            int before = entries.size();
            entries.removeIf(e -> e.substring(e.indexOf('|') + 1).compareTo(lastMod) <= 0);
            return before - entries.size();
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(String utc) {
            set(utc);
        }

        void set(String utc) {
            now = java.time.LocalDateTime.parse(utc.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static TransactionTemplate noTransactions() {
        return new TransactionTemplate(new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        });
    }

    final FakeBlueCherry bc = new FakeBlueCherry(5);
    final MemoryCursors cursors = new MemoryCursors();
    final MemoryTaken pullTaken = new MemoryTaken();
    final TestClock clock = new TestClock("2026-11-26 09:00:30");
    final IncrementalPull pull = new IncrementalPull(bc, cursors, pullTaken, noTransactions(), Conversions.none(), clock);
    final List<String> taken = new ArrayList<>();

    private IncrementalPull.Result run() {
        return pull.pull("style", "test-pull", "style", (record, key, lastMod) -> taken.add(record.path("style").asText() + "@" + lastMod));
    }

    @Test
    void recordsSharingOneLastModAcrossPagesAndRunsAreTakenOnce() {
        for (int i = 1; i <= 12; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        IncrementalPull.Result first = run();
        assertThat(first.taken()).isEqualTo(12);
        assertThat(first.watermark()).isEqualTo("2026-11-26 09:00:00");
        assertThat(taken).doesNotHaveDuplicates().hasSize(12);
        assertThat(bc.filters).as("the full second is read with eq, then moves on with gt")
                .contains("last_mod eq '2026-11-26 09:00:00'").contains("last_mod gt '2026-11-26 09:00:00'");

        for (int i = 13; i <= 15; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        assertThat(run().taken()).isEqualTo(3);
        assertThat(taken).doesNotHaveDuplicates().hasSize(15);
        assertThat(run().taken()).as("nothing new").isZero();
    }

    @Test
    void aRunReadsTheWatermarksFullSecondWholeWhateverTheOrder() {
        bc.order = Order.SHUFFLED;
        for (int i = 1; i <= 12; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        run();
        bc.filters.clear();
        for (int i = 13; i <= 14; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        assertThat(run().taken()).isEqualTo(2);
        assertThat(taken).doesNotHaveDuplicates().hasSize(14);
        assertThat(bc.filters).as("the second from its first page (the new ones can be anywhere), read again, then gt")
                .startsWith("last_mod eq '2026-11-26 09:00:00'").endsWith("last_mod gt '2026-11-26 09:00:00'");
    }

    @Test
    void aRecordModifiedWhilePagingIsTakenInItsNewRevisionAndNoneIsLost() {
        for (int i = 1; i <= 9; i++) {
            bc.put("S" + i, "2026-11-26 09:00:0" + i);
        }
        // after the first page, S2 changes: it moves to the end of the list
        bc.afterFirstPage = () -> bc.put("S2", "2026-11-26 09:00:30");
        run();
        assertThat(taken).contains("S2@2026-11-26 09:00:30");
        for (int i = 1; i <= 9; i++) {
            String prefix = "S" + i + "@";
            assertThat(taken).as("S" + i + " taken").anyMatch(t -> t.startsWith(prefix));
        }
        assertThat(taken).doesNotHaveDuplicates();
        assertThat(cursors.load("test-pull").watermark()).isEqualTo("2026-11-26 09:00:30");
    }

    /** Unsorted, newest first, or in creation order with older records changed later: every record once, in every order. */
    @ParameterizedTest
    @EnumSource(Order.class)
    void noRecordIsSkippedWhateverOrderBlueCherryAnswersIn(Order order) {
        bc.order = order;
        // 23 records over 9 seconds, created out of last_mod order, several sharing a second
        for (int i = 1; i <= 23; i++) {
            bc.put("S" + i, "2026-11-26 09:00:0" + ((i * 7) % 9 + 1));
        }
        run();
        assertThat(taken).doesNotHaveDuplicates().hasSize(23);
        assertThat(cursors.load("test-pull").watermark()).isEqualTo("2026-11-26 09:00:09");

        // older records change, new ones arrive between runs and during one
        bc.put("S3", "2026-11-26 09:01:00");
        bc.put("S30", "2026-11-26 09:01:00");
        for (int i = 31; i <= 38; i++) {
            bc.put("S" + i, "2026-11-26 09:01:0" + (i % 3));
        }
        bc.afterFirstPage = () -> bc.put("S5", "2026-11-26 09:02:00");
        run();
        run();
        assertThat(taken).doesNotHaveDuplicates()
                .contains("S3@2026-11-26 09:01:00", "S30@2026-11-26 09:01:00", "S5@2026-11-26 09:02:00")
                .hasSize(23 + 2 + 8 + 1);
        assertThat(run().taken()).as("nothing new").isZero();
    }

    @Test
    void aBacklogLargerThanAPageIsTakenCompletelyWhenTheAnswerIsShuffled() {
        bc.order = Order.SHUFFLED;
        for (int i = 1; i <= 60; i++) {
            bc.put("S" + i, String.format("2026-11-26 09:%02d:%02d", i / 60, i % 60));
        }
        IncrementalPull.Result result = run();
        assertThat(result.taken()).isEqualTo(60);
        assertThat(taken).doesNotHaveDuplicates();
        assertThat(result.watermark()).isEqualTo("2026-11-26 09:01:00");
    }

    @Test
    void onlyRecordsTheHandlerTookAreCountedButTheCursorMovesPastAll() {
        bc.put("S1", "2026-11-26 09:00:01");
        bc.put("S2", "2026-11-26 09:00:02");
        IncrementalPull.Result result = pull.pull("style", "test-pull", "style", (record, key, lastMod) -> key.equals("1"));
        assertThat(result.taken()).isEqualTo(1);
        assertThat(result.watermark()).isEqualTo("2026-11-26 09:00:02");
        assertThat(cursors.load("test-pull").keysAtWatermark()).containsExactly("2");
    }

    /**
     * Blue Cherry in New York: on 1 November 2026 the hour from 01:00 is written twice. Records written in the second
     * pass carry a last_mod before the watermark the first pass left; they are taken, none twice, and the runs end.
     */
    @Test
    void theHourRepeatedWhenClocksGoBackIsReadAgainUntilTheWatermarkLeavesIt() {
        Conversions newYork = new Conversions(
                new ConversionProperties.System(ZoneOffset.UTC,
                        WeightUnit.KG, VolumeUnit.M3),
                new ConversionProperties.System(ZoneId.of("America/New_York"),
                        WeightUnit.LB, VolumeUnit.CF));
        IncrementalPull inNewYork = new IncrementalPull(bc, cursors, pullTaken, noTransactions(), newYork, clock);
        java.util.function.Supplier<IncrementalPull.Result> pullOnce = () -> inNewYork.pull("style", "ny-pull", "style",
                (record, key, lastMod) -> taken.add(record.path("style").asText() + "@" + lastMod));
        bc.put("S0", "2026-11-01 00:50:00");
        for (int i = 1; i <= 7; i++) {
            bc.put("S" + i, "2026-11-01 01:" + (20 + i * 5) + ":00");     // first pass (EDT): 01:25 .. 01:55
        }
        assertThat(pullOnce.get().taken()).isEqualTo(8);
        assertThat(cursors.saved.get("ny-pull").watermark()).isEqualTo("2026-11-01 01:55:00");

        // second pass (EST): new records and a change of S1, all before the watermark's 01:55
        bc.put("S8", "2026-11-01 01:05:00");
        bc.put("S9", "2026-11-01 01:10:00");
        bc.put("S1", "2026-11-01 01:15:00");
        bc.put("S10", "2026-11-01 01:15:00");
        IncrementalPull.Result second = pullOnce.get();
        assertThat(second.taken()).isEqualTo(4);
        assertThat(taken).contains("S8@2026-11-01 01:05:00", "S9@2026-11-01 01:10:00", "S1@2026-11-01 01:15:00",
                "S10@2026-11-01 01:15:00").doesNotHaveDuplicates();
        assertThat(bc.filters).contains("last_mod ge '2026-11-01 01:00:00'");
        assertThat(pullOnce.get().taken()).as("the hour read again: nothing new, and the run ends").isZero();

        bc.put("S11", "2026-11-01 02:00:00");
        assertThat(pullOnce.get().taken()).isEqualTo(1);
        assertThat(cursors.saved.get("ny-pull").keysAtWatermark()).as("the repeated hour is forgotten").containsExactly("11");
        bc.filters.clear();
        assertThat(pullOnce.get().taken()).isZero();
        assertThat(bc.filters).containsExactly("last_mod ge '2026-11-01 02:00:00'");
        assertThat(taken).hasSize(13).doesNotHaveDuplicates();
    }

    private IncrementalPull.Result runLookingBehind() {
        return pull.pull("style", "test-pull", "style", Duration.ofMinutes(2),
                (record, key, lastMod) -> taken.add(record.path("style").asText() + "@" + lastMod));
    }

    /**
     * Blue Cherry's last_mod is when a record was written: one committed late (or stamped by a server whose clock runs
     * behind) appears behind a watermark that has passed it. The look behind finds it once it is an overlap old.
     */
    @Test
    void aRecordThatAppearsBehindTheWatermarkIsTakenByTheLookBehind() {
        bc.put("S1", "2026-11-26 09:00:00");
        bc.put("S2", "2026-11-26 09:00:05");
        bc.put("S3", "2026-11-26 09:00:10");
        assertThat(runLookingBehind().taken()).isEqualTo(3);

        bc.put("S4", "2026-11-26 09:00:05");   // committed after the run that read past 09:00:05
        clock.set("2026-11-26 09:01:00");
        assertThat(runLookingBehind().taken()).as("not yet an overlap old: the window is not read yet").isZero();
        assertThat(pull.pull("style", "plain-pull", "style", (r, k, m) -> true).taken()).isEqualTo(4);
        assertThat(pull.pull("style", "plain-pull", "style", (r, k, m) -> true).taken())
                .as("a pull without the look behind never sees a record written behind its watermark").isZero();

        clock.set("2026-11-26 09:02:30");
        IncrementalPull.Result late = runLookingBehind();
        assertThat(late.taken()).isEqualTo(1);
        assertThat(late.takenBehind()).isEqualTo(1);
        assertThat(taken).containsExactlyInAnyOrder("S1@2026-11-26 09:00:00", "S2@2026-11-26 09:00:05",
                "S3@2026-11-26 09:00:10", "S4@2026-11-26 09:00:05");
        assertThat(cursors.saved.get("test-pull" + IncrementalPull.BEHIND).watermark()).isEqualTo("2026-11-26 09:00:10");
        assertThat(pullTaken.taken.get("test-pull")).as("forgotten once the look behind has passed them").isEmpty();

        clock.set("2026-11-26 09:05:00");
        bc.filters.clear();
        assertThat(runLookingBehind().taken()).isZero();
        assertThat(bc.filters).as("the window behind is read once: nothing new, no second look")
                .containsExactly("last_mod ge '2026-11-26 09:00:10'");
    }

    /** The look behind reads its window page by page with the same narrowing, whatever order Blue Cherry answers in. */
    @ParameterizedTest
    @EnumSource(Order.class)
    void theLookBehindFindsLateRecordsAmongFullPagesWhateverTheOrder(Order order) {
        bc.order = order;
        for (int i = 1; i <= 12; i++) {
            bc.put("S" + i, "2026-11-26 09:00:" + String.format("%02d", i));
        }
        assertThat(runLookingBehind().taken()).isEqualTo(12);
        for (int i = 13; i <= 19; i++) {
            bc.put("S" + i, "2026-11-26 09:00:" + String.format("%02d", i - 12));   // all behind the watermark 09:00:12
        }
        clock.set("2026-11-26 09:03:00");
        IncrementalPull.Result late = runLookingBehind();
        assertThat(late.takenBehind()).isEqualTo(7);
        assertThat(taken).hasSize(19).doesNotHaveDuplicates();
        assertThat(runLookingBehind().taken()).isZero();
    }
}

package io.cherrypick.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
import io.cherrypick.store.SyncCursorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Key-set paging over last_mod: equal values across page and run boundaries, records that move while we page. */
class IncrementalPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Blue Cherry serving records ordered by last_mod, filtered with ge/gt/eq, paged by offset. */
    static final class FakeBlueCherry extends BlueCherryClient {
        final List<ObjectNode> records = new ArrayList<>();
        final List<String> filters = new ArrayList<>();
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
            List<JsonNode> matching = records.stream().filter(r -> matches(r, filter))
                    .sorted(Comparator.comparing((ObjectNode r) -> r.path("last_mod").asText()).thenComparing(r -> r.path("pkey").asInt()))
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
            String[] parts = filter.split(" ", 3);
            int c = r.path("last_mod").asText().compareTo(parts[2].replace("'", ""));
            return switch (parts[1]) {
                case "ge" -> c >= 0;
                case "gt" -> c > 0;
                case "eq" -> c == 0;
                default -> throw new IllegalArgumentException(filter);
            };
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
    final IncrementalPull pull = new IncrementalPull(bc, cursors, noTransactions());
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
    void aRunReadsAFullSecondFromThePageWhereNewRecordsCanBe() {
        for (int i = 1; i <= 12; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        run();
        bc.filters.clear();
        for (int i = 13; i <= 14; i++) {
            bc.put("S" + i, "2026-11-26 09:00:00");
        }
        assertThat(run().taken()).isEqualTo(2);
        // 12 taken, 5 per page: pages 1 and 2 hold only taken records, so the run starts at page 3, then moves on with gt
        assertThat(bc.filters).containsExactly("last_mod eq '2026-11-26 09:00:00'", "last_mod gt '2026-11-26 09:00:00'");
        assertThat(taken).doesNotHaveDuplicates().hasSize(14);
    }

    @Test
    void aRecordModifiedWhilePagingIsTakenAgainAndNoneIsLost() {
        for (int i = 1; i <= 9; i++) {
            bc.put("S" + i, "2026-11-26 09:00:0" + i);
        }
        // after the first page, S2 changes: it moves to the end of the list
        bc.afterFirstPage = () -> bc.put("S2", "2026-11-26 09:00:30");
        run();
        assertThat(taken).contains("S2@2026-11-26 09:00:02", "S2@2026-11-26 09:00:30");
        for (int i = 1; i <= 9; i++) {
            String prefix = "S" + i + "@";
            assertThat(taken).as("S" + i + " taken").anyMatch(t -> t.startsWith(prefix));
        }
        assertThat(taken).as("S2 twice (two revisions), every other once").hasSize(10);
        assertThat(cursors.load("test-pull").watermark()).isEqualTo("2026-11-26 09:00:30");
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
        IncrementalPull inNewYork = new IncrementalPull(bc, cursors, noTransactions(), newYork);
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
}

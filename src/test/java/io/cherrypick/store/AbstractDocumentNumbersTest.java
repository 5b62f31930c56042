package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document-number allocator on each database (subclasses): a record's number is allocated once and never given to
 * another record, also when several threads allocate at once; it survives a rollback of the step that asked for it;
 * the "Blue Cherry may hold it" mark is set before a POST and put back when Blue Cherry refuses it.
 */
abstract class AbstractDocumentNumbersTest {
    @Autowired DocumentNumbers numbers;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void clean() {
        jdbc.update("delete from document_number where kind like 'test-%'");
    }

    @Test
    void aRecordKeepsItsNumberAndAnotherRecordGetsTheNext() {
        long first = numbers.number("test-a", "D1");
        assertThat(numbers.number("test-a", "D1")).as("asked again").isEqualTo(first);
        assertThat(numbers.number("test-a", "D2")).isEqualTo(first + 1);
        assertThat(numbers.number("test-b", "D1")).as("each kind counts on its own").isEqualTo(1);
    }

    @Test
    void aNumberSurvivesARollbackOfTheStepThatAskedForIt() {
        long[] inside = new long[1];
        tx.executeWithoutResult(status -> {
            inside[0] = numbers.number("test-a", "R1");
            status.setRollbackOnly();
        });
        assertThat(numbers.number("test-a", "R1")).isEqualTo(inside[0]);
    }

    @Test
    void threadsAllocatingAtOnceNeverShareANumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> asks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "K" + (i % 100); // each record asked for twice
                asks.add(() -> numbers.number("test-race", key));
            }
            List<Long> answers = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(asks)) {
                answers.add(f.get());
            }
            Set<Long> distinct = new HashSet<>(answers);
            assertThat(distinct).as("100 records, 100 numbers").hasSize(100);
            Map<String, Object> counts = jdbc.queryForMap("select count(*) as n, count(distinct number) as d"
                    + " from document_number where kind = 'test-race'");
            assertThat(((Number) counts.get("n")).intValue()).isEqualTo(100);
            assertThat(((Number) counts.get("d")).intValue()).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPostMarksItsNumbersAndARefusalPutsTheMarksBack() {
        assertThat(numbers.sending("test-a", List.of("S1", "S2"))).as("never sent")
                .containsEntry("S1", false).containsEntry("S2", false);
        assertThat(numbers.maybePosted("test-a", "S1")).as("marked before the POST leaves").isTrue();

        // Blue Cherry refused the call: it applied nothing, S1 is as before
        numbers.refused("test-a", "S1", false);
        assertThat(numbers.maybePosted("test-a", "S1")).isFalse();
        // S2's answer was lost: a resend knows an earlier POST may have gone in, even once that resend is refused
        assertThat(numbers.sending("test-a", List.of("S2"))).containsEntry("S2", true);
        numbers.refused("test-a", "S2", true);
        assertThat(numbers.maybePosted("test-a", "S2")).isTrue();
        assertThat(jdbc.queryForObject("select sends from document_number where kind = 'test-a' and record_key = 'S2'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void theMarkIsDurableWhateverTheCallersTransactionDoes() {
        tx.executeWithoutResult(status -> {
            numbers.sending("test-a", List.of("T1"));
            status.setRollbackOnly();
        });
        assertThat(numbers.maybePosted("test-a", "T1")).isTrue();
    }

    /** The allocator of an installation with this range, on the same database. */
    private DocumentNumbers installation(long first, long last) {
        return new DocumentNumbers(named, transactions, new DocumentNumberRange(first, last));
    }

    @Test
    void eachInstallationNumbersInsideItsOwnRangeSoTwoNeverRepeatEachOther() {
        DocumentNumbers test = installation(1_000, 1_999);
        DocumentNumbers production = installation(5_000_000, 5_999_999);
        assertThat(test.number("test-a", "D1")).isEqualTo(1_000);
        assertThat(production.number("test-a", "D2")).as("numbers of another range are not counted on")
                .isEqualTo(5_000_000);
        assertThat(test.number("test-a", "D3")).isEqualTo(1_001);
        assertThat(production.number("test-a", "D4")).isEqualTo(5_000_001);
    }

    @Test
    void aRestoredDatabaseMovedPastTheLostNumbersDoesNotRepeatThem() {
        // before the restore: numbers 1..3 went to Blue Cherry; the backup knew only the first
        DocumentNumbers before = installation(1, 999_999);
        before.number("test-a", "R1");
        before.number("test-a", "R2");
        before.number("test-a", "R3");
        jdbc.update("delete from document_number where kind = 'test-a' and record_key in ('R2', 'R3')");
        // restored, the range moved past what the lost days may have used
        DocumentNumbers after = installation(100_000, 999_999);
        assertThat(after.number("test-a", "R4")).isEqualTo(100_000);
        assertThat(after.number("test-a", "R1")).as("a record numbered before keeps its number").isEqualTo(1);
    }

    @Test
    void aRangeUsedUpIsAnErrorNamingTheKindAndTheSettingNeverAWrap() {
        DocumentNumbers small = installation(7, 8);
        assertThat(small.number("test-a", "U1")).isEqualTo(7);
        assertThat(small.number("test-a", "U2")).isEqualTo(8);
        assertThatThrownBy(() -> small.number("test-a", "U3"))
                .isInstanceOf(DocumentNumbers.DocumentNumbersUsedUp.class)
                .hasMessageContaining("test-a document numbers")
                .hasMessageContaining("U3")
                .hasMessageContaining("cherrypick.document-numbers.last = 8")
                .hasMessageContaining("cherrypick.document-numbers.first");
        assertThat(small.number("test-a", "U1")).as("numbered records are unaffected").isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from document_number where kind = 'test-a'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aRangeWhoseLastIsBelowItsFirstIsRefused() {
        assertThatThrownBy(() -> new DocumentNumberRange(10, 9)).hasMessageContaining("cherrypick.document-numbers.last");
    }
}

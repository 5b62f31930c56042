package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}

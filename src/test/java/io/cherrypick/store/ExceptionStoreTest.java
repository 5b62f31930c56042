package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.failure.Category;

/** Resolving exceptions when their record went through, except those raised again since a step began. */
@SpringBootTest
@ActiveProfiles("test")
class ExceptionStoreTest {
    @Autowired ExceptionStore exceptions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void onlyExceptionsNotSeenSinceAreResolved() {
        jdbc.update("delete from integration_exception");
        long earlier = exceptions.record(NewException.of("item", "r", "A1", Category.REJECTED, "refused last week", null, null));
        long replayed = exceptions.record(NewException.of("item", "r", "A1", Category.VALIDATION, "fixed and replayed", null, null));
        long otherFlow = exceptions.record(NewException.of("sales-order", "r", "A1", Category.REJECTED, "not an item", null, null));
        exceptions.action(replayed, ExceptionRecord.REPLAYED, "sam", "replayed");
        jdbc.update("update integration_exception set first_seen = first_seen - interval '1' hour,"
                + " last_seen = last_seen - interval '1' hour");
        Instant runStarted = Instant.now();
        long raisedThisRun = exceptions.record(NewException.of("item", "r", "A1", Category.DUPLICATE_BARCODE,
                "another style claims it", null, null));

        assertThat(exceptions.resolveOpenNotSeenSince("item", List.of("A1"), runStarted, "synced")).isEqualTo(2);

        assertThat(exceptions.find(earlier).orElseThrow().status()).isEqualTo(ExceptionRecord.RESOLVED);
        assertThat(exceptions.find(replayed).orElseThrow().status()).isEqualTo(ExceptionRecord.RESOLVED);
        assertThat(exceptions.find(raisedThisRun).orElseThrow().status()).as("raised since: stays open").isEqualTo("OPEN");
        assertThat(exceptions.find(otherFlow).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(exceptions.resolveOpenNotSeenSince("item", List.of(), runStarted, "synced")).isZero();
    }
}

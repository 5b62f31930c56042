package io.cherrypick;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.support.EmbeddedPostgres;

/** The store's SQL on real PostgreSQL: claims with SKIP LOCKED, stale-claim recovery, exception grouping, cursors. */
@SpringBootTest
@ActiveProfiles("test")
class StoreOnPostgresTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired OutboxStore outbox;
    @Autowired ExceptionStore exceptions;
    @Autowired SyncCursorStore cursors;

    @Test
    void claimsAreExclusiveAndStaleClaimsAreRecovered() {
        for (int i = 0; i < 5; i++) {
            assertThat(outbox.insertIfAbsent("t", "P" + i, "r1", "{}")).isTrue();
        }
        assertThat(outbox.insertIfAbsent("t", "P0", "r1", "{}")).as("same revision twice").isFalse();

        List<OutboxRow> first = outbox.claim("t", "a", 3, Duration.ofMinutes(5));
        List<OutboxRow> second = outbox.claim("t", "b", 3, Duration.ofMinutes(5));
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(first).extracting(OutboxRow::id).doesNotContainAnyElementsOf(second.stream().map(OutboxRow::id).toList());
        assertThat(first).noneMatch(OutboxRow::recovered);

        // instance "a" dies: with a zero stale window its claims are taken over, flagged as recovered
        List<OutboxRow> recovered = outbox.claim("t", "c", 10, Duration.ZERO);
        assertThat(recovered).hasSize(5).allMatch(OutboxRow::recovered);
        outbox.markSent(recovered.stream().map(OutboxRow::id).toList());
        assertThat(outbox.countByStatus("t")).containsEntry("DONE", 5);
    }

    @Test
    void repeatedFailureUpdatesTheOpenException() {
        long a = exceptions.record(NewException.of("f", "r", "K1", Category.API_TIMEOUT, "first", "{\"x\":1}", null));
        long b = exceptions.record(NewException.of("f", "r", "K1", Category.API_TIMEOUT, "second", null, null));
        assertThat(b).isEqualTo(a);
        assertThat(exceptions.find(a).orElseThrow().attempts()).isEqualTo(2);
        assertThat(exceptions.find(a).orElseThrow().payload()).as("payload kept").isEqualTo("{\"x\":1}");
        assertThat(exceptions.find(a).orElseThrow().message()).isEqualTo("second");
    }

    @Test
    void cursorRoundTrips() {
        cursors.save("pull", new SyncCursorStore.Cursor("2024-05-01 10:00:00", java.util.Set.of("1", "2")));
        assertThat(cursors.load("pull").watermark()).isEqualTo("2024-05-01 10:00:00");
        assertThat(cursors.load("pull").keysAtWatermark()).containsExactlyInAnyOrder("1", "2");
        assertThat(cursors.load("other")).isEqualTo(SyncCursorStore.Cursor.START);
    }
}

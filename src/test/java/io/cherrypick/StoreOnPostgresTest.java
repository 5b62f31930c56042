package io.cherrypick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.support.EmbeddedPostgres;

/** The store's SQL on real PostgreSQL: exception grouping, cursors (the hand-off's claims: HandoffStorePostgresTest). */
@SpringBootTest
@ActiveProfiles("test")
class StoreOnPostgresTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired ExceptionStore exceptions;
    @Autowired SyncCursorStore cursors;

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

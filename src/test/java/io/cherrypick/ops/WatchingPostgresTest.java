package io.cherrypick.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** Stuck orders and alerts on real PostgreSQL (timestamps with time zone, the state limits in SQL). */
class WatchingPostgresTest extends AbstractWatchingTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

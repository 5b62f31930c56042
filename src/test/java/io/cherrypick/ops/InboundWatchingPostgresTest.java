package io.cherrypick.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** Late purchase orders, their alert, the inbound reconciliation and the search on real PostgreSQL. */
class InboundWatchingPostgresTest extends AbstractInboundWatchingTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

package io.cherrypick.flow.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The order flow on real PostgreSQL (claims with SKIP LOCKED, Quartz's PostgreSQL delegate, Flyway's PostgreSQL scripts). */
class OrderFlowPostgresTest extends AbstractOrderFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

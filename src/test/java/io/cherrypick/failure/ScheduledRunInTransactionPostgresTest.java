package io.cherrypick.failure;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** {@link ScheduledRunInTransactionTest} on real PostgreSQL. */
class ScheduledRunInTransactionPostgresTest extends ScheduledRunInTransactionTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

package io.cherrypick.ops.charts;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The console's API on real PostgreSQL (timestamps with time zone, on conflict, limit and offset, like ... escape). */
class ConsoleApiPostgresTest extends AbstractConsoleApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

package io.cherrypick.ops.retention;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The retention route on real PostgreSQL (LIMIT with a bound parameter, timestamps with time zone). */
class RetentionRoutePostgresTest extends RetentionRouteTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

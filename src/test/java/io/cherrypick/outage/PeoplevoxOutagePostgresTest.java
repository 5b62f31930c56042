package io.cherrypick.outage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** A Peoplevox outage on real PostgreSQL (claims with SKIP LOCKED, the breaker's conditional updates). */
class PeoplevoxOutagePostgresTest extends AbstractPeoplevoxOutageTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

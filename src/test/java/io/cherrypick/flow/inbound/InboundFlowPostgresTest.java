package io.cherrypick.flow.inbound;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The inbound flow on real PostgreSQL (claims with SKIP LOCKED, unique goods-in lines, the schema). */
class InboundFlowPostgresTest extends AbstractInboundFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

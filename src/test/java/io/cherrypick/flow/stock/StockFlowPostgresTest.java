package io.cherrypick.flow.stock;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The stock flow on real PostgreSQL (guarded level updates, SKIP LOCKED claims, on conflict inserts). */
class StockFlowPostgresTest extends AbstractStockFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

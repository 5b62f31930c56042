package io.cherrypick.flow.amend;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** Amendments and cancellations on real PostgreSQL (row claims, revisions and the cut-off read in one transaction). */
class AmendmentFlowPostgresTest extends AbstractAmendmentFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}

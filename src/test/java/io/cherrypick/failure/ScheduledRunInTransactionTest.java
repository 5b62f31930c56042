package io.cherrypick.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.support.RouteTestSupport;

/**
 * A scheduled run (routeConfiguration cherrypick-scheduled) that fails inside a {@code databaseTransaction} block: what
 * the block wrote is rolled back, and the run's failure is recorded all the same (H2;
 * {@link ScheduledRunInTransactionPostgresTest} on PostgreSQL, where the failed statement leaves its transaction unable
 * to run another: the soak found the failure's record lost there, with a deadlock between two stock writers).
 */
class ScheduledRunInTransactionTest extends RouteTestSupport {
    private static final String ROUTE = "scheduled-run-in-a-transaction";
    private static final String FLOW = "scheduled-test";

    @Autowired ExceptionStore exceptions;

    @Override
    protected void advise() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + ROUTE).routeId(ROUTE).routeConfigurationId("cherrypick-scheduled").group(FLOW)
                        .policy("databaseTransaction")
                            .to("sql:insert into audit_log (at, actor, action, target_type, target_id, detail)"
                                    + " values (current_timestamp, 'test', 'WRITE', 'test', :#${header.target}, 'written')")
                            .to("sql:insert into audit_log (at, actor, action, target_type, target_id, detail)"
                                    + " values (current_timestamp, 'test', 'WRITE', 'test', :#${header.target}, :#${header.tooLong})")
                        .end();
            }
        });
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from audit_log where actor = 'test'");
        jdbc.update("delete from integration_exception where business_key = ?", "schedule:" + ROUTE);
    }

    @Test
    void aRunFailingInsideATransactionRollsItsWritesBackAndItsFailureIsRecorded() {
        producer.sendBodyAndHeaders("direct:" + ROUTE, null, java.util.Map.of("target", "T1",
                "tooLong", "x".repeat(100_000)));

        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'test'", Integer.class))
                .as("the block's first write rolled back with it").isZero();
        List<ExceptionRecord> open = exceptions.list("OPEN", null, FLOW, "schedule:" + ROUTE, 10);
        assertThat(open).as("the failure recorded once, in a transaction of its own").hasSize(1);
        assertThat(open.get(0).message()).startsWith("Scheduled run " + ROUTE + " failed");

        // the next run succeeds: its writes stay, and it resolves the failure
        producer.sendBodyAndHeaders("direct:" + ROUTE, null, java.util.Map.of("target", "T2", "tooLong", "fits"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'test'", Integer.class)).isEqualTo(2);
        assertThat(exceptions.list("OPEN", null, FLOW, "schedule:" + ROUTE, 10)).isEmpty();
    }
}

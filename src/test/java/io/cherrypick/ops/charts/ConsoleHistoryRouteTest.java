package io.cherrypick.ops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.cherrypick.store.Timestamps;
import io.cherrypick.support.RouteTestSupport;

/**
 * routes/ops-history.camel.yaml as written: the sample route writes each queue's backlog for this minute, the purge
 * route deletes the per-minute rows older than cherrypick.ops.history.keep (8 days) and keeps the others.
 */
class ConsoleHistoryRouteTest extends RouteTestSupport {
    @Override
    protected void advise() throws Exception {
        advice("ops-backlog-sample", a -> a.replaceFromWith("direct:sample"));
        advice("ops-history-purge", a -> a.replaceFromWith("direct:purge"));
    }

    @Test
    void theSampleRouteWritesEachQueuesBacklogAndThePurgeRouteDropsWhatIsOlderThanKept() {
        jdbc.update("delete from flow_backlog_minute");
        jdbc.update("delete from api_call_minute");
        jdbc.update("delete from handoff");
        Instant now = Instant.now();
        jdbc.update("insert into handoff (queue, record_key, revision, payload, status, attempts, next_attempt_at, created_at,"
                + " updated_at) values ('sales-order', 'P1', '', '{}', 'PENDING', 0, ?, ?, ?)", Timestamps.utc(now),
                Timestamps.utc(now.minusSeconds(42)), Timestamps.utc(now));

        producer.sendBody("direct:sample", null);
        assertThat(jdbc.queryForMap("select waiting, held, oldest_seconds from flow_backlog_minute where queue = 'sales-order'"))
                .containsEntry("waiting", 1).containsEntry("held", 0)
                .hasEntrySatisfying("oldest_seconds", v -> assertThat(((Number) v).longValue()).isBetween(41L, 60L));

        Instant nineDaysAgo = now.minus(Duration.ofDays(9)).truncatedTo(ChronoUnit.MINUTES);
        Instant sevenDaysAgo = now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        for (Instant at : new Instant[] {nineDaysAgo, sevenDaysAgo}) {
            jdbc.update("insert into api_call_minute (system, at_minute, calls) values ('peoplevox', ?, 5)", Timestamps.utc(at));
            jdbc.update("insert into flow_backlog_minute (queue, at_minute, waiting, held) values ('despatch', ?, 1, 0)",
                    Timestamps.utc(at));
        }
        producer.sendBody("direct:purge", null);
        assertThat(jdbc.queryForObject("select count(*) from api_call_minute", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flow_backlog_minute where queue = 'despatch'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flow_backlog_minute where queue = 'sales-order'", Integer.class))
                .as("this minute's sample stays").isEqualTo(1);
    }
}

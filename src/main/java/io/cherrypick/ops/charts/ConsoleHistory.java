package io.cherrypick.ops.charts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.store.Timestamps;

/**
 * The history the console's charts keep besides what the flows store (routes/ops-history.camel.yaml): each flow's
 * backlog sampled once a minute, and the moment before which the per-minute rows are purged.
 */
@Component("consoleHistory")
public class ConsoleHistory {
    private final NamedParameterJdbcTemplate jdbc;
    private final HandoffStore handoff;
    private final OpsProperties props;

    public ConsoleHistory(NamedParameterJdbcTemplate jdbc, HandoffStore handoff, OpsProperties props) {
        this.jdbc = jdbc;
        this.handoff = handoff;
        this.props = props;
    }

    /**
     * Writes this minute's backlog of every hand-off queue: records waiting (pending or being worked on), records
     * waiting for a person (held or failed), the oldest waiting one's age. A second sample in the same minute (two
     * instances' schedules, a rerun) is ignored. Returns the rows written.
     */
    public int sampleBacklog() {
        Instant now = Instant.now();
        OffsetDateTime minute = Timestamps.utc(now.truncatedTo(ChronoUnit.MINUTES));
        List<SqlParameterSource> rows = new ArrayList<>();
        for (String queue : handoff.queues()) {
            Map<String, Integer> counts = handoff.countByStatus(queue);
            int waiting = counts.getOrDefault(HandoffStore.PENDING, 0) + counts.getOrDefault(HandoffStore.CLAIMED, 0);
            int held = counts.getOrDefault(HandoffStore.HELD, 0) + counts.getOrDefault(HandoffStore.FAILED, 0);
            Long oldest = handoff.oldestWaiting(queue).map(t -> Duration.between(t, now).toSeconds()).orElse(null);
            rows.add(new MapSqlParameterSource().addValue("queue", queue).addValue("minute", minute)
                    .addValue("waiting", waiting).addValue("held", held).addValue("oldest", oldest));
        }
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("insert into flow_backlog_minute (queue, at_minute, waiting, held, oldest_seconds) values (:queue,"
                + " :minute, :waiting, :held, :oldest) on conflict do nothing", rows.toArray(SqlParameterSource[]::new));
        return rows.size();
    }

    /** Per-minute rows older than this are purged ({@code cherrypick.ops.history.keep} ago). */
    public OffsetDateTime oldestKept() {
        return Timestamps.utc(Instant.now().minus(props.history().keep()));
    }
}

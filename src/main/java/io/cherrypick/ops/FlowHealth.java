package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.Timestamps;

/**
 * Per hand-off queue (records to send, events to process): last success, backlog, age of the oldest waiting record, open
 * exceptions of the flow; per pull: last successful run.
 */
@Service
public class FlowHealth {
    private final NamedParameterJdbcTemplate jdbc;
    private final HandoffStore handoff;

    public FlowHealth(NamedParameterJdbcTemplate jdbc, HandoffStore handoff) {
        this.jdbc = jdbc;
        this.handoff = handoff;
    }

    public record Flow(String flow, Map<String, Integer> records, int backlog, Instant lastSent, Long oldestWaitingSeconds,
                       int openExceptions) {
    }

    public record Pull(String route, String watermark, Instant lastSuccess) {
    }

    public List<Flow> flows() {
        List<Flow> result = new ArrayList<>();
        for (String flow : handoff.queues()) {
            Map<String, Integer> counts = handoff.countByStatus(flow);
            int backlog = counts.getOrDefault(HandoffStore.PENDING, 0) + counts.getOrDefault(HandoffStore.CLAIMED, 0);
            Instant lastSent = handoff.lastDoneAt(flow).orElse(null);
            Long oldest = handoff.oldestWaiting(flow).map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(null);
            Integer open = jdbc.queryForObject("select count(*) from integration_exception where flow = :f and status = 'OPEN'",
                    Map.of("f", flow), Integer.class);
            result.add(new Flow(flow, new LinkedHashMap<>(counts), backlog, lastSent, oldest, open == null ? 0 : open));
        }
        return result;
    }

    public List<Pull> pulls() {
        return jdbc.query("select flow, watermark, updated_at from sync_cursor order by flow", Map.of(),
                (rs, i) -> new Pull(rs.getString("flow"), rs.getString("watermark"), Timestamps.read(rs, "updated_at")));
    }
}

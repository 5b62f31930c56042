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
import io.cherrypick.outage.SystemOutages;
import io.cherrypick.store.Timestamps;

/**
 * Per hand-off queue (records to send, events to process): last success, backlog, age of the oldest waiting record, open
 * exceptions of the flow; per pull: last successful run; per system that failed since its last answer: whether it is
 * down (its queues wait), since when, and when it is tried next.
 */
@Service
public class FlowHealth {
    private final NamedParameterJdbcTemplate jdbc;
    private final HandoffStore handoff;
    private final SystemOutages outages;

    public FlowHealth(NamedParameterJdbcTemplate jdbc, HandoffStore handoff, SystemOutages outages) {
        this.jdbc = jdbc;
        this.handoff = handoff;
        this.outages = outages;
    }

    public record Flow(String flow, Map<String, Integer> records, int backlog, Instant lastSent, Long oldestWaitingSeconds,
                       int openExceptions) {
    }

    public record Pull(String route, String watermark, Instant lastSuccess) {
    }

    /**
     * A system Cherrypick calls, as its circuit breaker holds it: {@code down} while its queues wait (since
     * {@code downSince}, tried again at {@code nextTry}); up with {@code failuresInARow} calls failed since it last
     * answered (down at the configured count).
     */
    public record SystemState(String system, boolean down, Instant downSince, Instant nextTry, int failuresInARow,
                              String lastError) {
    }

    /** Every system that has failed since it was first called, down ones first; a system never failing is not listed. */
    public List<SystemState> systems() {
        return outages.all().stream()
                .map(s -> new SystemState(s.system(), s.down(), s.downSince(), s.down() ? s.probeAt() : null, s.failures(),
                        s.lastError()))
                .sorted(java.util.Comparator.comparing((SystemState s) -> !s.down()).thenComparing(SystemState::system))
                .toList();
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

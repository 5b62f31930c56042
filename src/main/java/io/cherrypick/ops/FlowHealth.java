package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.cherrypick.store.OutboxStore;
import io.cherrypick.store.Timestamps;

/** Per flow: last success, backlog, age of the oldest waiting record, open exceptions; per pull: last successful run. */
@Service
public class FlowHealth {
    private final NamedParameterJdbcTemplate jdbc;
    private final OutboxStore outbox;

    public FlowHealth(NamedParameterJdbcTemplate jdbc, OutboxStore outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public record Flow(String flow, Map<String, Integer> records, int backlog, Instant lastSent, Long oldestWaitingSeconds,
                       int openExceptions) {
    }

    public record Pull(String route, String watermark, Instant lastSuccess) {
    }

    public List<Flow> flows() {
        List<Flow> result = new ArrayList<>();
        for (String flow : jdbc.queryForList("select distinct flow from outbox order by flow", Map.of(), String.class)) {
            Map<String, Integer> counts = outbox.countByStatus(flow);
            int backlog = counts.getOrDefault(OutboxStore.PENDING, 0) + counts.getOrDefault(OutboxStore.CLAIMED, 0);
            Instant lastSent = jdbc.query("select max(updated_at) as t from outbox where flow = :f and status = 'SENT'",
                    Map.of("f", flow), (rs, i) -> Timestamps.read(rs, "t")).stream().filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            Long oldest = outbox.oldestWaiting(flow).map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(null);
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

package io.cherrypick.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what to which record, for every operator action. */
@Repository
public class AuditLog {
    private final NamedParameterJdbcTemplate jdbc;

    public AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String action, String targetType, String targetId, String detail) {
    }

    public void record(String actor, String action, String targetType, String targetId, String detail) {
        jdbc.update("insert into audit_log (at, actor, action, target_type, target_id, detail) values (:at, :actor, :action,"
                + " :type, :target, :detail)", new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("at", Timestamps.now()).addValue("actor", actor).addValue("action", action)
                .addValue("type", targetType).addValue("target", targetId).addValue("detail", OutboxStore.truncate(detail)));
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("select * from audit_log order by id desc limit :limit", Map.of("limit", limit),
                (rs, i) -> new Entry(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail")));
    }
}

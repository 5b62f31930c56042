package io.cherrypick.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what to which record, for every operator action. */
@Repository
public class AuditLog {
    /** Widths of the audit_log columns (and of integration_exception.actioned_by). */
    public static final int ACTOR_WIDTH = 100;
    static final int TARGET_WIDTH = 200;
    static final int DETAIL_WIDTH = 4000;

    private final NamedParameterJdbcTemplate jdbc;

    public AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String action, String targetType, String targetId, String detail) {
    }

    /** Records an action; any actor name is taken (shortened to the column, control characters made spaces). */
    public void record(String actor, String action, String targetType, String targetId, String detail) {
        jdbc.update("insert into audit_log (at, actor, action, target_type, target_id, detail) values (:at, :actor, :action,"
                + " :type, :target, :detail)", new MapSqlParameterSource()
                .addValue("at", Timestamps.now()).addValue("actor", actor(actor)).addValue("action", action)
                .addValue("type", targetType).addValue("target", Columns.fit(targetId, TARGET_WIDTH))
                .addValue("detail", Columns.fit(detail, DETAIL_WIDTH)));
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("select * from audit_log order by id desc limit :limit", Map.of("limit", limit),
                (rs, i) -> new Entry(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail")));
    }

    /**
     * An actor's name as stored: control characters (a forged line break in a log or a CSV) become spaces, a blank
     * name is {@code anonymous}, and a name longer than the column is cut and ends with "...".
     */
    public static String actor(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? "anonymous" : Columns.fit(clean, ACTOR_WIDTH);
    }

}

package io.cherrypick.ops.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.cherrypick.store.Timestamps;

/** The {@code alert} and {@code alert_subject} tables: messages to deliver, and what they already announced. */
@Repository
public class AlertLog {
    private final NamedParameterJdbcTemplate jdbc;

    public AlertLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One message as kept. */
    public record Alert(long id, Instant createdAt, String text, Instant deliveredAt, int attempts, String lastError) {
    }

    /** The subjects of this set that a message already announced. */
    public Set<String> announced(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return jdbc.queryForList("select subject from alert_subject where subject in (:s)", Map.of("s", subjects),
                String.class).stream().collect(Collectors.toSet());
    }

    /** Keeps a new message with what it announces; call inside a transaction. Returns its id. */
    public long add(String text, Collection<String> subjects) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into alert (created_at, text) values (:now, :text)",
                new MapSqlParameterSource().addValue("now", Timestamps.now()).addValue("text", text), key,
                new String[] {"id"});
        long id = key.getKey().longValue();
        MapSqlParameterSource[] rows = subjects.stream().map(s -> new MapSqlParameterSource().addValue("s", s)
                .addValue("id", id).addValue("now", Timestamps.now())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("insert into alert_subject (subject, alert_id, created_at) values (:s, :id, :now)", rows);
        return id;
    }

    public List<Alert> undelivered(int limit) {
        return jdbc.query("select * from alert where delivered_at is null order by id limit :limit", Map.of("limit", limit), ROW);
    }

    public List<Alert> recent(int limit) {
        return jdbc.query("select * from alert order by id desc limit :limit", Map.of("limit", limit), ROW);
    }

    public void delivered(long id) {
        jdbc.update("update alert set delivered_at = :now, attempts = attempts + 1, last_error = null where id = :id",
                Map.of("now", Timestamps.now(), "id", id));
    }

    public void failed(long id, String error) {
        jdbc.update("update alert set attempts = attempts + 1, last_error = :error where id = :id",
                Map.of("error", error.length() > 1000 ? error.substring(0, 997) + "..." : error, "id", id));
    }

    private static final RowMapper<Alert> ROW = (rs, i) -> new Alert(rs.getLong("id"), Timestamps.read(rs, "created_at"),
            rs.getString("text"), Timestamps.read(rs, "delivered_at"), rs.getInt("attempts"), rs.getString("last_error"));
}

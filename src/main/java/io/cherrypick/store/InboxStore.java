package io.cherrypick.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Events received, per flow, stored before they are acknowledged. The event key is built from the event's business
 * fields, so a duplicate delivery finds its twin in the database (unique (flow, event_key)) and is stored once.
 * Processors on any instance {@link #claim} events with {@code FOR UPDATE SKIP LOCKED}; a claim that outlives
 * {@code staleAfter} (its instance died) is taken over.
 */
@Repository
public class InboxStore {
    public static final String PENDING = "PENDING";
    public static final String CLAIMED = "CLAIMED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private final NamedParameterJdbcTemplate jdbc;

    public InboxStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an event once; returns false when an event with that key is already stored for the flow. */
    public boolean storeIfAbsent(String flow, String eventKey, String eventType, String payload) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("flow", flow).addValue("key", eventKey)
                .addValue("type", eventType).addValue("payload", payload).addValue("now", Timestamps.now());
        Integer existing = jdbc.queryForObject("select count(*) from inbox where flow = :flow and event_key = :key", p,
                Integer.class);
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("insert into inbox (flow, event_key, event_type, payload, status, attempts, received_at,"
                    + " next_attempt_at) values (:flow, :key, :type, :payload, 'PENDING', 0, :now, :now)", p);
            return true;
        } catch (DuplicateKeyException raceLost) {
            return false;
        }
    }

    /** Claims up to {@code limit} due events of a flow for this instance, oldest first, stale claims included. */
    public List<InboxEvent> claim(String flow, String instanceId, int limit, Duration staleAfter) {
        Instant now = Instant.now();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("flow", flow)
                .addValue("token", instanceId + "/" + UUID.randomUUID()).addValue("limit", limit)
                .addValue("now", Timestamps.utc(now)).addValue("stale", Timestamps.utc(now.minus(staleAfter)));
        jdbc.update("update inbox set status = 'PENDING', claimed_by = null, claimed_at = null"
                + " where flow = :flow and status = 'CLAIMED' and claimed_at < :stale", p);
        jdbc.update("update inbox set status = 'CLAIMED', claimed_by = :token, claimed_at = :now where id in (select id"
                + " from inbox where flow = :flow and status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now)"
                + " order by id limit :limit for update skip locked)", p);
        return jdbc.query("select * from inbox where claimed_by = :token order by id", p, ROW);
    }

    public void markDone(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("update inbox set status = 'DONE', claimed_by = null, claimed_at = null, last_error = null,"
                + " processed_at = :now where id in (:ids)", new MapSqlParameterSource()
                .addValue("now", Timestamps.now()).addValue("ids", ids));
    }

    /** Gives up on an event: it stays in the inbox with its error (the caller records the exception). */
    public void markFailed(long id, int attempts, String error) {
        jdbc.update("update inbox set status = 'FAILED', attempts = :attempts, last_error = :err, claimed_by = null,"
                + " claimed_at = null, processed_at = :now where id = :id", Map.of("attempts", attempts,
                "err", OutboxStore.truncate(error), "now", Timestamps.now(), "id", id));
    }

    /** Puts a claimed event back for a later attempt. */
    public void retryLater(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.update("update inbox set status = 'PENDING', attempts = :attempts, next_attempt_at = :next, last_error = :err,"
                + " claimed_by = null, claimed_at = null where id = :id", Map.of("attempts", attempts,
                "next", Timestamps.utc(nextAttempt), "err", OutboxStore.truncate(error), "id", id));
    }

    public Map<String, Integer> countByStatus(String flow) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) as n from inbox where flow = :flow group by status", Map.of("flow", flow),
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    public List<InboxEvent> list(String flow, String eventType, int limit) {
        return jdbc.query("select * from inbox where flow = :flow and (:type = '' or event_type = :type)"
                        + " order by id limit :limit",
                Map.of("flow", flow, "type", eventType == null ? "" : eventType, "limit", limit), ROW);
    }

    private static final RowMapper<InboxEvent> ROW = (rs, i) -> new InboxEvent(rs.getLong("id"), rs.getString("flow"),
            rs.getString("event_key"), rs.getString("event_type"), rs.getString("payload"), rs.getString("status"),
            rs.getInt("attempts"), Timestamps.read(rs, "received_at"));
}

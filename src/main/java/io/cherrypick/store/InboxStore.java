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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transitional view of the hand-off table (io.cherrypick.handoff) for the flows not yet on the handoff: component:
 * events received, per flow, stored before they are acknowledged. The event key is built from the event's business
 * fields, so a duplicate delivery finds its twin in the database (unique (flow, record_key)) and is stored once.
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
    private final TransactionTemplate tx;

    public InboxStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores an event once; returns false when an event with that key is already stored for the flow. */
    public boolean storeIfAbsent(String flow, String eventKey, String eventType, String payload) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("flow", queue(flow)).addValue("key", eventKey)
                .addValue("type", eventType).addValue("payload", payload).addValue("now", Timestamps.now());
        Integer existing = jdbc.queryForObject("select count(*) from handoff where queue = :flow and record_key = :key", p,
                Integer.class);
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("insert into handoff (queue, record_key, record_type, payload, status, attempts, created_at, updated_at,"
                    + " next_attempt_at) values (:flow, :key, :type, :payload, 'PENDING', 0, :now, :now, :now)", p);
            return true;
        } catch (DuplicateKeyException raceLost) {
            return false;
        }
    }

    /** Claims up to {@code limit} due events of a flow for this instance, oldest first, stale claims included. */
    public List<InboxEvent> claim(String flow, String instanceId, int limit, Duration staleAfter) {
        Instant now = Instant.now();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("flow", queue(flow))
                .addValue("token", instanceId + "/" + UUID.randomUUID()).addValue("limit", limit)
                .addValue("now", Timestamps.utc(now)).addValue("stale", Timestamps.utc(now.minus(staleAfter)));
        jdbc.update("update handoff set status = 'PENDING', claim_token = null, claimed_at = null"
                + " where queue = :flow and status = 'CLAIMED' and claimed_at < :stale", p);
        // lock the due events (others skip them), then mark them ours, in one transaction (an IN-subquery with
        // SKIP LOCKED is evaluated per row by H2)
        return tx.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from handoff where queue = :flow and status = 'PENDING'"
                    + " and (next_attempt_at is null or next_attempt_at <= :now) order by id limit :limit"
                    + " for update skip locked", p, Long.class);
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.update("update handoff set status = 'CLAIMED', claim_token = :token, claimed_at = :now where id in (:ids)",
                    p.addValue("ids", ids));
            return jdbc.query("select * from handoff where id in (:ids) order by id", p, ROW);
        });
    }

    public void markDone(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("update handoff set status = 'DONE', claim_token = null, claimed_at = null, note = null,"
                + " updated_at = :now where id in (:ids)", new MapSqlParameterSource()
                .addValue("now", Timestamps.now()).addValue("ids", ids));
    }

    /** Gives up on an event: it stays in the inbox with its error (the caller records the exception). */
    public void markFailed(long id, int attempts, String error) {
        jdbc.update("update handoff set status = 'FAILED', attempts = :attempts, note = :err, claim_token = null,"
                + " claimed_at = null, updated_at = :now where id = :id", Map.of("attempts", attempts,
                "err", OutboxStore.truncate(error), "now", Timestamps.now(), "id", id));
    }

    /** Puts a claimed event back for a later attempt. */
    public void retryLater(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.update("update handoff set status = 'PENDING', attempts = :attempts, next_attempt_at = :next, note = :err,"
                + " claim_token = null, claimed_at = null where id = :id", Map.of("attempts", attempts,
                "next", Timestamps.utc(nextAttempt), "err", OutboxStore.truncate(error), "id", id));
    }

    /**
     * Receipt time of the oldest event of a flow being processed or due to be (claimed, or pending and not waiting for
     * a later attempt), if any.
     */
    public java.util.Optional<Instant> oldestWaiting(String flow) {
        return jdbc.query("select min(created_at) as oldest from handoff where queue = :flow and (status = 'CLAIMED'"
                + " or (status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now)))",
                Map.of("flow", queue(flow), "now", Timestamps.now()), (rs, i) -> Timestamps.read(rs, "oldest")).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public Map<String, Integer> countByStatus(String flow) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) as n from handoff where queue = :flow group by status", Map.of("flow", queue(flow)),
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    public List<InboxEvent> list(String flow, String eventType, int limit) {
        return jdbc.query("select * from handoff where queue = :flow and (:type = '' or record_type = :type)"
                        + " order by id limit :limit",
                Map.of("flow", queue(flow), "type", eventType == null ? "" : eventType, "limit", limit), ROW);
    }

    /** Events of a flow live in the hand-off queue {@code <flow>-events}. */
    static String queue(String flow) {
        return flow + "-events";
    }

    private static final RowMapper<InboxEvent> ROW = (rs, i) -> new InboxEvent(rs.getLong("id"), rs.getString("queue").replaceFirst("-events$", ""),
            rs.getString("record_key"), rs.getString("record_type"), rs.getString("payload"), rs.getString("status"),
            rs.getInt("attempts"), Timestamps.read(rs, "created_at"));
}

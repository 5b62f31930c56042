package io.cherrypick.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transitional view of the hand-off table (io.cherrypick.handoff) for the flows not yet on the handoff: component:
 * durable queue of records to send, per flow. Several instances may run senders: {@link #claim} takes rows with
 * {@code FOR UPDATE SKIP LOCKED} so each row goes to one instance, and a claim that outlives {@code staleAfter}
 * (its instance died) is taken over and flagged {@link OutboxRow#recovered()}.
 */
@Repository
public class OutboxStore {
    public static final String PENDING = "PENDING";
    public static final String CLAIMED = "CLAIMED";
    public static final String SENT = "DONE";
    public static final String HELD = "HELD";
    public static final String FAILED = "FAILED";
    public static final String SUPERSEDED = "SUPERSEDED";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public OutboxStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores a record revision once; returns false when that revision is already stored. */
    public boolean insertIfAbsent(String flow, String businessKey, String revision, String payload) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("flow", flow).addValue("key", businessKey).addValue("rev", revision)
                .addValue("payload", payload).addValue("now", Timestamps.now());
        Integer existing = jdbc.queryForObject(
                "select count(*) from handoff where queue = :flow and record_key = :key and revision = :rev", p, Integer.class);
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("insert into handoff (queue, record_key, revision, payload, status, attempts, next_attempt_at,"
                    + " created_at, updated_at) values (:flow, :key, :rev, :payload, 'PENDING', 0, :now, :now, :now)", p);
            return true;
        } catch (DuplicateKeyException raceLost) {
            return false;
        }
    }

    /** Claims up to {@code limit} due rows of a flow for this instance, oldest first, stale claims included. */
    public List<OutboxRow> claim(String flow, String instanceId, int limit, Duration staleAfter) {
        return claim(flow, instanceId, limit, staleAfter, Duration.ZERO);
    }

    /**
     * As {@link #claim(String, String, int, Duration)}, but claims nothing while fewer than {@code limit} rows are due and
     * the oldest of them has waited less than {@code linger}: a full batch costs the target one call, a partial one the same.
     */
    public List<OutboxRow> claim(String flow, String instanceId, int limit, Duration staleAfter, Duration linger) {
        Instant now = Instant.now();
        String token = instanceId + "/" + UUID.randomUUID();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("flow", flow).addValue("token", token).addValue("limit", limit)
                .addValue("now", Timestamps.utc(now)).addValue("stale", Timestamps.utc(now.minus(staleAfter)));
        // Claims that outlived staleAfter belong to an instance that died: release them, flagged as recovered.
        jdbc.update("update handoff set status = 'PENDING', recovered = true, claim_token = null, claimed_at = null,"
                + " next_attempt_at = :now where queue = :flow and status = 'CLAIMED' and claimed_at < :stale", p);
        if (!linger.isZero()) {
            boolean waitForMore = jdbc.query("select count(*) as n, min(created_at) as oldest from handoff"
                    + " where queue = :flow and status = 'PENDING' and next_attempt_at <= :now", p, rs -> {
                        rs.next();
                        Instant oldest = Timestamps.read(rs, "oldest");
                        return rs.getInt("n") < limit && oldest != null && oldest.isAfter(now.minus(linger));
                    });
            if (Boolean.TRUE.equals(waitForMore)) {
                return List.of();
            }
        }
        // lock the due rows (others skip them), then mark them ours, in one transaction
        return tx.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from handoff where queue = :flow and status = 'PENDING'"
                    + " and next_attempt_at <= :now order by id limit :limit for update skip locked", p, Long.class);
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.update("update handoff set status = 'CLAIMED', claim_token = :token, claimed_at = :now, updated_at = :now"
                    + " where id in (:ids)", p.addValue("ids", ids));
            return jdbc.query("select * from handoff where id in (:ids) order by id", p, ROW);
        });
    }

    public void markSent(Collection<Long> ids) {
        setStatus(ids, SENT, null);
    }

    public void markHeld(long id, String error) {
        setStatus(List.of(id), HELD, error);
    }

    public void markFailed(long id, String error) {
        setStatus(List.of(id), FAILED, error);
    }

    /** Puts a claimed row back in the queue for a later attempt. */
    public void reschedule(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.update("update handoff set status = 'PENDING', attempts = :attempts, next_attempt_at = :next, note = :err,"
                + " claim_token = null, claimed_at = null, updated_at = :now where id = :id",
                Map.of("attempts", attempts, "next", Timestamps.utc(nextAttempt), "err", truncate(error),
                        "now", Timestamps.now(), "id", id));
    }

    /** Queues a held or failed row again (operator replay): attempts start from zero. */
    public boolean requeue(long id) {
        return jdbc.update("update handoff set status = 'PENDING', attempts = 0, next_attempt_at = :now, claim_token = null,"
                + " claimed_at = null, updated_at = :now where id = :id and status in ('HELD', 'FAILED')",
                Map.of("now", Timestamps.now(), "id", id)) == 1;
    }

    /** Older revisions of a record that were never sent are superseded by a newer one. Returns their ids. */
    public List<Long> supersedeUnsent(String flow, String businessKey, String exceptRevision) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("flow", flow).addValue("key", businessKey)
                .addValue("rev", exceptRevision).addValue("now", Timestamps.now());
        List<Long> ids = jdbc.queryForList("select id from handoff where queue = :flow and record_key = :key"
                + " and revision <> :rev and status in ('PENDING', 'HELD', 'FAILED')", p, Long.class);
        if (!ids.isEmpty()) {
            jdbc.update("update handoff set status = 'SUPERSEDED', updated_at = :now where id in (:ids)",
                    p.addValue("ids", ids));
        }
        return ids;
    }

    public boolean hasSentRevision(String flow, String businessKey) {
        Integer n = jdbc.queryForObject("select count(*) from handoff where queue = :flow and record_key = :key and status = 'DONE'",
                Map.of("flow", flow, "key", businessKey), Integer.class);
        return n != null && n > 0;
    }

    /** The most recently sent revision of a record across the given flows (e.g. the order and its amendments). */
    public Optional<OutboxRow> lastSent(List<String> flows, String businessKey) {
        return jdbc.query("select * from handoff where queue in (:flows) and record_key = :key and status = 'DONE'"
                + " order by updated_at desc, id desc limit 1", Map.of("flows", flows, "key", businessKey), ROW)
                .stream().findFirst();
    }

    public Optional<OutboxRow> find(long id) {
        return jdbc.query("select * from handoff where id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    public Map<String, Integer> countByStatus(String flow) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) as n from handoff where queue = :flow group by status", Map.of("flow", flow),
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    /** Creation time of the oldest row still waiting to be sent (pending or claimed), if any. */
    public Optional<Instant> oldestWaiting(String flow) {
        return jdbc.query("select min(created_at) as oldest from handoff where queue = :flow and status in ('PENDING', 'CLAIMED')",
                Map.of("flow", flow), (rs, i) -> Timestamps.read(rs, "oldest")).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private void setStatus(Collection<Long> ids, String status, String error) {
        if (ids.isEmpty()) {
            return;
        }
        String clearRecovered = SENT.equals(status) ? " recovered = false," : "";
        jdbc.update("update handoff set status = :status, note = :err, claim_token = null, claimed_at = null,"
                + clearRecovered + " updated_at = :now where id in (:ids)",
                new MapSqlParameterSource().addValue("status", status).addValue("err", truncate(error))
                        .addValue("now", Timestamps.now()).addValue("ids", ids));
    }

    static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static final RowMapper<OutboxRow> ROW = (rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("queue"),
            rs.getString("record_key"), rs.getString("revision"), rs.getString("payload"), rs.getString("status"),
            rs.getInt("attempts"), Timestamps.read(rs, "created_at"), rs.getBoolean("recovered"));
}

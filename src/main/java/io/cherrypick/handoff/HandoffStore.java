package io.cherrypick.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.store.Columns;
import io.cherrypick.store.Timestamps;

/**
 * The durable hand-off between steps of a flow (table {@code handoff}): what a pull stored to send, what a webhook
 * stored to process. One implementation for every queue:
 * <ul>
 * <li>{@link #insertIfAbsent}: a record revision is stored once (unique queue, key, revision), inside the transaction
 * of whatever produced it;</li>
 * <li>{@link #claim}: instances take due records with {@code FOR UPDATE SKIP LOCKED}, each claim under a token of its
 * own; a claim older than {@code staleAfter} by the database's clock belongs to an instance that died and is taken
 * over, flagged recovered and counted (recoveries); a record recovered more than once is claimed alone;</li>
 * <li>newest revision wins: a record is not claimed while another revision of its key is in flight, and an older
 * revision still waiting when a newer one was stored after it is superseded, never sent;</li>
 * <li>every status change (and {@link #extend}, which keeps a claim alive) names the claim token, so an instance whose
 * claim was taken over cannot overwrite the new holder's outcome;</li>
 * <li>{@link #coalesce}: a queue of things to do (e.g. push a SKU's level to a channel) rather than records to send:
 * a key already waiting takes the new change in, so a burst of changes gives one record.</li>
 * </ul>
 */
@Repository
public class HandoffStore {
    public static final String PENDING = "PENDING";
    public static final String CLAIMED = "CLAIMED";
    public static final String DONE = "DONE";
    public static final String SKIPPED = "SKIPPED";
    public static final String HELD = "HELD";
    public static final String FAILED = "FAILED";
    public static final String SUPERSEDED = "SUPERSEDED";

    private static final int NOTE_MAX = 4000;
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /** This instance's clock: stamps what it writes (created, due); claims are judged by the database's clock. */
    private final Clock clock;

    @Autowired
    public HandoffStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, Clock.systemUTC());
    }

    /** With an instance clock of its own (tests: an instance whose clock is off). */
    HandoffStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores a record revision once; empty when that revision of the key is already stored in the queue. */
    public Optional<Long> insertIfAbsent(String queue, String key, String revision, String type, String payload) {
        return insertIfAbsent(queue, key, revision, type, payload, null);
    }

    /** As {@link #insertIfAbsent(String, String, String, String, String)}, not claimed before {@code dueAt} (null: at once). */
    public Optional<Long> insertIfAbsent(String queue, String key, String revision, String type, String payload,
                                         Instant dueAt) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("queue", queue).addValue("key", key)
                .addValue("rev", revision == null ? "" : revision).addValue("type", type).addValue("payload", payload)
                .addValue("now", Timestamps.utc(clock.instant()))
                .addValue("due", Timestamps.utc(dueAt == null ? clock.instant() : dueAt));
        // one statement that inserts only when the revision is not stored yet: inside the producer's transaction a failed
        // insert would abort it on PostgreSQL (a concurrent writer of the same revision still meets the unique key)
        try {
            org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            int inserted = jdbc.update("insert into handoff (queue, record_key, revision, record_type, payload, status,"
                    + " attempts, next_attempt_at, created_at, updated_at) select :queue, :key, :rev, :type, :payload,"
                    + " 'PENDING', 0, :due, :now, :now where not exists (select 1 from handoff where queue = :queue"
                    + " and record_key = :key and revision = :rev)", p, keys, new String[] {"id"});
            return inserted == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
        } catch (DuplicateKeyException raceLost) {
            return Optional.empty();
        }
    }

    /**
     * Claims up to {@code limit} due records of a queue under {@code token}, oldest first; stale claims are taken over
     * first. With a {@code linger}, nothing is claimed while fewer than {@code limit} records are due and the oldest has
     * waited less than the linger: a full batch costs the target one call, a partial one the same.
     */
    public List<HandoffRecord> claim(String queue, String token, int limit, Duration staleAfter, Duration linger) {
        return claim(queue, token, limit, staleAfter, linger, null);
    }

    /**
     * As {@link #claim(String, String, int, Duration, Duration)}, taking only records due by {@code dueBy} (null: now),
     * e.g. to hold records back until an upstream queue has caught up with them.
     */
    public List<HandoffRecord> claim(String queue, String token, int limit, Duration staleAfter, Duration linger,
                                     Instant dueBy) {
        return claim(queue, token, limit, staleAfter, linger, dueBy, List.of());
    }

    /**
     * As {@link #claim(String, String, int, Duration, Duration, Instant)}; a record is not claimed while an older record
     * of its key waits or is in flight in one of {@code keyQueues} (queues holding earlier revisions of the same keys,
     * e.g. the orders a change amends), so the revisions of a key reach the target in the order they were stored.
     */
    public List<HandoffRecord> claim(String queue, String token, int limit, Duration staleAfter, Duration linger,
                                     Instant dueBy, Collection<String> keyQueues) {
        // the database's clock judges claims: instances whose clocks disagree still agree on which claim is stale
        Instant now = databaseNow();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("queue", queue).addValue("token", token)
                .addValue("limit", limit).addValue("now", Timestamps.utc(now))
                .addValue("due", Timestamps.utc(dueBy == null || dueBy.isAfter(now) ? now : dueBy))
                .addValue("stale", Timestamps.utc(now.minus(staleAfter)));
        // due since the dead claim was made (not "now" by the database: a caller's due-by may be a moment behind it)
        jdbc.update("update handoff set status = 'PENDING', recovered = true, recoveries = recoveries + 1,"
                + " next_attempt_at = claimed_at, claim_token = null, claimed_at = null, updated_at = :now"
                + " where queue = :queue and status = 'CLAIMED' and claimed_at < :stale", p);
        String condition = "";
        if (!keyQueues.isEmpty()) {
            p.addValue("keyQueues", keyQueues);
            condition = " and not exists (select 1 from handoff e where e.queue in (:keyQueues) and e.record_key = h.record_key"
                    + " and e.id < h.id and e.status in ('PENDING', 'CLAIMED'))";
        }
        // with a linger, the claim waits for more while its first window of due records is short and the oldest of
        // them is younger than the linger (that window is read anyway: no statement of its own)
        Instant youngestToWait = linger == null || linger.isZero() ? null : now.minus(linger);
        return claimDue(p, condition, limit, youngestToWait);
    }

    /**
     * Newest revision wins: a record that waits (PENDING) is not claimed while another revision of its key is in flight
     * (CLAIMED: it waits until that one is settled), and one revision per key is claimed, the newest (ids follow the
     * order revisions were stored). Older ones still waiting are superseded first ({@link #supersedeOvertaken}).
     */
    private static final String NEWEST_NOT_IN_FLIGHT = " and not exists (select 1 from handoff o where o.queue = h.queue"
            + " and o.record_key = h.record_key and o.id <> h.id and (o.status = 'CLAIMED'"
            + " or (o.id > h.id and o.status = 'PENDING')))";

    /** A due record as a claim's window reads it. */
    private record Due(long id, Instant createdAt) {
    }

    /** How many windows of due records (each as large as the claim's limit) a claim looks through for records it may take. */
    private static final int CLAIM_WINDOWS = 5;

    /**
     * Locks due records (others skip them) and marks them ours, in one transaction. The oldest due records are read a
     * window at a time without locks, and only then checked (newest revision, nothing of the key in flight, the
     * caller's condition) and locked by id: a locking or correlated query over the whole queue made H2 read every
     * waiting record on every claim, so a claim cost grew with the queue (an IN-subquery with SKIP LOCKED is evaluated
     * per row by H2, hence the ids as a list).
     */
    private List<HandoffRecord> claimDue(MapSqlParameterSource p, String condition, int limit, Instant youngestToWait) {
        return tx.execute(status -> {
            List<Map<String, Object>> due = new ArrayList<>();
            long after = 0;
            for (int window = 0; window < CLAIM_WINDOWS && due.size() < limit; window++) {
                List<Due> rows = jdbc.query("select id, created_at from handoff where queue = :queue and status = 'PENDING'"
                        + " and next_attempt_at <= :due and id > :after order by id limit :limit", p.addValue("after", after),
                        (rs, n) -> new Due(rs.getLong("id"), Timestamps.read(rs, "created_at")));
                if (rows.isEmpty()) {
                    break;
                }
                if (window == 0 && youngestToWait != null && rows.size() < limit && rows.stream()
                        .map(Due::createdAt).min(Instant::compareTo).orElseThrow().isAfter(youngestToWait)) {
                    return List.of(); // a partial batch whose oldest has not lingered yet: wait for more
                }
                List<Long> candidates = rows.stream().map(Due::id).toList();
                after = candidates.get(candidates.size() - 1);
                p.addValue("candidates", candidates);
                supersedeOvertaken(p);
                due.addAll(jdbc.queryForList("select h.id, h.recoveries from handoff h where h.id in (:candidates)"
                        + " and h.status = 'PENDING'" + condition + NEWEST_NOT_IN_FLIGHT + " order by h.id for update skip locked", p));
                if (candidates.size() < limit) {
                    break;
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            // a record taken over a second time goes alone: if its processing is what stops instances, it takes no
            // neighbours down with it, and its recoveries count for it only (the first take-over, after an ordinary
            // crash or kill, goes in a batch: a batch recovered one by one would cost the target a call per record).
            // Oldest first, so it is among the first due; asked of the rows already read, not in a query of its own
            List<Long> ids = due.stream().filter(r -> ((Number) r.get("recoveries")).intValue() > 1).findFirst()
                    .map(r -> List.of(((Number) r.get("id")).longValue()))
                    .orElseGet(() -> due.stream().limit(limit).map(r -> ((Number) r.get("id")).longValue()).toList());
            jdbc.update("update handoff set status = 'CLAIMED', claim_token = :token, claimed_at = :now, updated_at = :now"
                    + " where id in (:ids) and status = 'PENDING'", p.addValue("ids", ids));
            return jdbc.query("select * from handoff where id in (:ids) and claim_token = :token order by id", p, ROW);
        });
    }

    /**
     * A waiting record (of the claim's candidates) with a newer revision of its key stored after it (waiting, in flight
     * or sent) is superseded: it came back to the queue (retry, release, a stopped claimer) after the newer one arrived,
     * or its writer does not supersede, and sending it now could land an older revision over a newer one.
     */
    private void supersedeOvertaken(MapSqlParameterSource p) {
        jdbc.update("update handoff set status = 'SUPERSEDED', claim_token = null, claimed_at = null, updated_at = :now,"
                + " note = 'a newer revision of this key was stored after it; this one is not sent'"
                + " where id in (:candidates) and status = 'PENDING' and exists (select 1 from handoff n where n.queue = handoff.queue"
                + " and n.record_key = handoff.record_key and n.id > handoff.id and n.status in ('PENDING', 'CLAIMED', 'DONE'))",
                p);
    }

    /** The database's clock (every instance's claims are judged by it, not by the instance's own clock). */
    public Instant databaseNow() {
        return jdbc.query("select current_timestamp as db_now", Map.of(), rs -> {
            rs.next();
            return Timestamps.read(rs, "db_now");
        });
    }

    /**
     * Keeps claims alive while their records are being worked on (a send that outlives the stale window is not taken
     * over and sent again). Returns how many of them {@code token} still holds.
     */
    public int extend(Collection<Long> ids, String token) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("update handoff set claimed_at = :now where id in (:ids) and status = 'CLAIMED'"
                + " and claim_token = :token", new MapSqlParameterSource().addValue("ids", ids).addValue("token", token)
                .addValue("now", Timestamps.utc(databaseNow())));
    }

    /** A record to write with {@link #coalesce}: its key, type and payload, and when it is due (null: at once). */
    public record Change(String key, String type, String payload, Instant dueAt) {
    }

    /**
     * Writes changes to a queue of things to do, in one transaction (the caller's, if any): a key that has a record
     * still waiting (PENDING, not claimed) takes the change in and nothing is written, since its consumer reads the
     * current state when it runs, and its due time stands (a burst of changes gives one record); a key with no waiting
     * record (none, or one being worked on or settled) gets a new record, so a change made while the last one is being
     * worked on is done again. Waiting records counted on are locked ({@code FOR UPDATE}) until the caller commits, so
     * no consumer claims one before the change it takes in is visible. Each new record gets a revision of its own.
     * Returns the keys written.
     */
    public List<String> coalesce(String queue, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> {
            List<String> keys = changes.stream().map(Change::key).distinct().sorted().toList();
            Set<String> waiting = new HashSet<>();
            for (int i = 0; i < keys.size(); i += IN_LIST) {
                waiting.addAll(jdbc.queryForList("select record_key from handoff where queue = :queue and status = 'PENDING'"
                        + " and record_key in (:keys) order by record_key for update", new MapSqlParameterSource()
                        .addValue("queue", queue).addValue("keys", keys.subList(i, Math.min(keys.size(), i + IN_LIST))),
                        String.class));
            }
            Instant now = clock.instant();
            List<SqlParameterSource> rows = new ArrayList<>();
            List<String> written = new ArrayList<>();
            for (Change c : changes) {
                if (!waiting.add(c.key())) {
                    continue;
                }
                written.add(c.key());
                rows.add(new MapSqlParameterSource().addValue("queue", queue).addValue("key", c.key())
                        .addValue("rev", UUID.randomUUID().toString()).addValue("type", c.type())
                        .addValue("payload", c.payload()).addValue("now", Timestamps.utc(now))
                        .addValue("due", Timestamps.utc(c.dueAt() == null ? now : c.dueAt())));
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("insert into handoff (queue, record_key, revision, record_type, payload, status, attempts,"
                        + " next_attempt_at, created_at, updated_at) values (:queue, :key, :rev, :type, :payload, 'PENDING', 0,"
                        + " :due, :now, :now)", rows.toArray(SqlParameterSource[]::new));
            }
            return written;
        });
    }

    /** Of these records, the ids still claimed under {@code token} (not settled yet). */
    public List<Long> stillClaimed(Collection<Long> ids, String token) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select id from handoff where id in (:ids) and status = 'CLAIMED' and claim_token = :token"
                + " order by id", new MapSqlParameterSource().addValue("ids", ids).addValue("token", token), Long.class);
    }

    /**
     * Settles claimed records with a final status and a note, if {@code token} still holds their claim. Returns how many
     * were settled; the others were taken over by another claim, whose outcome stands.
     */
    public int settle(Collection<Long> ids, String token, String status, String note) {
        return settleHeld(ids, token, status, note).size();
    }

    /**
     * As {@link #settle}, returning the ids settled: what follows from an outcome (remembering it went through,
     * resolving its exceptions) is done for these only, since a late writer's outcome no longer counts.
     */
    public List<Long> settleHeld(Collection<Long> ids, String token, String status, String note) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("status", status)
                .addValue("note", Columns.fit(note, NOTE_MAX)).addValue("now", Timestamps.now()).addValue("ids", ids)
                .addValue("token", token);
        return tx.execute(t -> {
            List<Long> held = jdbc.queryForList("select id from handoff where id in (:ids) and status = 'CLAIMED'"
                    + " and claim_token = :token order by id for update", p, Long.class);
            if (!held.isEmpty()) {
                jdbc.update("update handoff set status = :status, note = :note, claim_token = null, claimed_at = null,"
                        + (DONE.equals(status) ? " recovered = false," : "") + " updated_at = :now"
                        + " where id in (:held) and status = 'CLAIMED' and claim_token = :token", p.addValue("held", held));
            }
            return held;
        });
    }

    /**
     * Puts a claimed record back in its queue for a later attempt (if {@code token} still holds it); the first failed
     * attempt's time is kept (the retry budget counts from it).
     */
    public boolean reschedule(long id, String token, int attempts, Instant nextAttempt, String note) {
        return jdbc.update("update handoff set status = 'PENDING', attempts = :attempts, next_attempt_at = :next, note = :note,"
                + " first_attempt_at = coalesce(first_attempt_at, :now),"
                + " claim_token = null, claimed_at = null, updated_at = :now where id = :id and status = 'CLAIMED'"
                + " and claim_token = :token", new MapSqlParameterSource().addValue("attempts", attempts)
                .addValue("next", Timestamps.utc(nextAttempt)).addValue("note", Columns.fit(note, NOTE_MAX))
                .addValue("now", Timestamps.now()).addValue("id", id).addValue("token", token)) == 1;
    }

    /**
     * Puts a claimed record back to wait for its system, which is down: no attempt is counted and its retry budget
     * starts again from its next failure (time while the system was down does not count).
     */
    public boolean waitForSystem(long id, String token, Instant nextAttempt, String note) {
        return jdbc.update("update handoff set status = 'PENDING', next_attempt_at = :next, note = :note,"
                + " first_attempt_at = null, claim_token = null, claimed_at = null, updated_at = :now where id = :id"
                + " and status = 'CLAIMED' and claim_token = :token", new MapSqlParameterSource()
                .addValue("next", Timestamps.utc(nextAttempt)).addValue("note", Columns.fit(note, NOTE_MAX))
                .addValue("now", Timestamps.now()).addValue("id", id).addValue("token", token)) == 1;
    }

    /** Puts claimed records back as they were, due at once (not a failure: e.g. to fill the next call). */
    public int release(Collection<Long> ids, String token, String note) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("update handoff set status = 'PENDING', next_attempt_at = :now, note = :note, claim_token = null,"
                + " claimed_at = null, updated_at = :now where id in (:ids) and status = 'CLAIMED' and claim_token = :token",
                new MapSqlParameterSource().addValue("ids", ids).addValue("token", token).addValue("note", Columns.fit(note, NOTE_MAX))
                        .addValue("now", Timestamps.now()));
    }

    /** Queues a held or failed record again (an operator's replay): attempts and recoveries start from zero. */
    public boolean requeue(long id) {
        return jdbc.update("update handoff set status = 'PENDING', attempts = 0, recoveries = 0, next_attempt_at = :now,"
                + " first_attempt_at = null, claim_token = null, claimed_at = null, updated_at = :now where id = :id and status in ('HELD', 'FAILED')",
                Map.of("now", Timestamps.now(), "id", id)) == 1;
    }

    /**
     * A record that waited for a person (HELD, FAILED) whose exception the person resolved or discarded: settled
     * SKIPPED with the note. Returns whether it still waited.
     */
    public boolean closeWaiting(long id, String note) {
        return jdbc.update("update handoff set status = 'SKIPPED', note = :note, claim_token = null, claimed_at = null,"
                + " updated_at = :now where id = :id and status in ('HELD', 'FAILED')", Map.of("note", Columns.fit(note, 4000),
                "now", Timestamps.now(), "id", id)) == 1;
    }

    /** Older revisions of a key that were never sent are superseded by a newer one. Returns their ids. */
    public List<Long> supersedeUnsent(String queue, String key, String exceptRevision) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("queue", queue).addValue("key", key)
                .addValue("rev", exceptRevision).addValue("now", Timestamps.now());
        List<Long> ids = jdbc.queryForList("select id from handoff where queue = :queue and record_key = :key"
                + " and revision <> :rev and status in ('PENDING', 'HELD', 'FAILED')", p, Long.class);
        if (!ids.isEmpty()) {
            jdbc.update("update handoff set status = 'SUPERSEDED', updated_at = :now where id in (:ids)",
                    p.addValue("ids", ids));
        }
        return ids;
    }

    /**
     * Of these idempotency keys, those remembered as gone through for {@code processor} (a queue): one statement for a
     * batch. The memory is table CAMEL_MESSAGEPROCESSED in the layout of Camel's JDBC idempotent repository, so what
     * earlier versions remembered (through that repository) still counts.
     */
    public Set<String> processed(String processor, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        // by the whole primary key: H2 reads "processorName = ? and messageId in (...)" through the key's first column
        // only, that is every key the queue ever remembered, on every batch
        List<Object[]> rows = keys.stream().distinct().map(k -> new Object[] {processor, k}).toList();
        return new HashSet<>(jdbc.queryForList("select messageId from CAMEL_MESSAGEPROCESSED where (processorName, messageId)"
                + " in (:rows)", Map.of("rows", rows), String.class));
    }

    /** Remembers these idempotency keys as gone through for {@code processor}, in the caller's transaction. */
    public void rememberProcessed(String processor, Collection<String> keys) {
        Set<String> known = processed(processor, keys);
        // a plain timestamp, as Camel's repository writes it (the column has no time zone)
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        SqlParameterSource[] rows = keys.stream().distinct().filter(k -> !known.contains(k))
                .map(k -> new MapSqlParameterSource().addValue("processor", processor).addValue("key", k).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            jdbc.batchUpdate("insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                    + " values (:processor, :key, :now)", rows);
        }
    }

    /** Whether some revision of the key went through in the queue. */
    public boolean hasDone(String queue, String key) {
        Integer n = jdbc.queryForObject("select count(*) from handoff where queue = :queue and record_key = :key"
                + " and status = 'DONE'", Map.of("queue", queue, "key", key), Integer.class);
        return n != null && n > 0;
    }

    /**
     * The newest revision of a key that went through across these queues (e.g. an order and its amendments): newest by
     * the order revisions were stored (ids), not by when they were settled, which a late or recovered send of an older
     * revision can make later.
     */
    public Optional<HandoffRecord> lastDone(List<String> queues, String key) {
        return jdbc.query("select * from handoff where queue in (:queues) and record_key = :key and status = 'DONE'"
                + " order by id desc limit 1", Map.of("queues", queues, "key", key), ROW)
                .stream().findFirst();
    }

    public Optional<HandoffRecord> find(long id) {
        return jdbc.query("select * from handoff where id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** Every record of a key, newest first, across queues (for "where is this order?"). */
    public List<HandoffRecord> ofKey(String key, int limit) {
        return jdbc.query("select * from handoff where record_key = :key order by id desc limit :limit",
                Map.of("key", key, "limit", limit), ROW);
    }

    public List<HandoffRecord> list(String queue, String type, int limit) {
        return jdbc.query("select * from handoff where queue = :queue and (:type = '' or record_type = :type)"
                + " order by id limit :limit", Map.of("queue", queue, "type", type == null ? "" : type, "limit", limit), ROW);
    }

    public List<String> queues() {
        return jdbc.queryForList("select distinct queue from handoff order by queue", Map.of(), String.class);
    }

    public Map<String, Integer> countByStatus(String queue) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) as n from handoff where queue = :queue group by status", Map.of("queue", queue),
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    /** When the queue last settled a record as DONE. */
    public Optional<Instant> lastDoneAt(String queue) {
        return jdbc.query("select max(updated_at) as t from handoff where queue = :queue and status = 'DONE'",
                Map.of("queue", queue), (rs, i) -> Timestamps.read(rs, "t")).stream().filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Creation time of the oldest record being worked on or due (claimed, or pending and not waiting for a later
     * attempt), if any.
     */
    public Optional<Instant> oldestWaiting(String queue) {
        return jdbc.query("select min(created_at) as oldest from handoff where queue = :queue and (status = 'CLAIMED'"
                + " or (status = 'PENDING' and next_attempt_at <= :now))", Map.of("queue", queue, "now", Timestamps.now()),
                (rs, i) -> Timestamps.read(rs, "oldest")).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    static final RowMapper<HandoffRecord> ROW = (rs, i) -> new HandoffRecord(rs.getLong("id"), rs.getString("queue"),
            rs.getString("record_key"), rs.getString("revision"), rs.getString("record_type"), rs.getString("payload"),
            rs.getString("status"), rs.getInt("attempts"), rs.getBoolean("recovered"), Timestamps.read(rs, "created_at"),
            rs.getString("claim_token"), rs.getString("note"), rs.getInt("recoveries"), Timestamps.read(rs, "first_attempt_at"));
}

package io.cherrypick.peoplevox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.store.Columns;
import io.cherrypick.store.Timestamps;

/**
 * One Peoplevox rate budget for every instance of a cluster, kept in the database (tables {@code peoplevox_pacing} and
 * {@code peoplevox_pacing_slot}, migration V26): at most {@code slots} calls in any period, each call counted from
 * when it was let through until a period after it ended, whichever instance made it. That is {@link RateLimiter}'s rule
 * (the server saw a call arrive no later than its end, so no period at the server holds more than {@code slots} calls,
 * however long calls take on the way), kept in rows instead of memory.
 * <p>
 * Why slots in rows and not Bucket4j's PostgreSQL backend: Bucket4j has no H2 backend (Cherrypick runs on both), and a
 * token bucket refilled at the limit's rate lets a full bucket and a period's refill through in one period (twice the
 * limit at the server) unless its capacity is cut to a call or two; slots counted from each call's end need no such
 * cut and reach the limit. Taking a slot locks the budget row (one taker at a time cluster-wide, a few milliseconds);
 * within an instance, one thread at a time asks the database and the others queue behind it, so waiting never polls
 * the database from many threads. All times are the database's clock. A slot held by an instance that died comes back
 * after its lease (the call's timeout and a period). Every database step runs in its own transaction (never the
 * caller's, whose locks a wait must not hold).
 */
public class SharedPacingBudget implements Pacer {
    private static final Logger log = LoggerFactory.getLogger(SharedPacingBudget.class);
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final int REASON_MAX = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String budget;
    private final int slots;
    private final Duration period;
    private final Duration lease;
    private final Duration backoff;
    /** One thread of this instance asks the database at a time; the others wait their turn here (fairly). */
    private final ReentrantLock turn = new ReentrantLock(true);

    /**
     * @param budget  the budget's name (the Peoplevox client id: one limit per client id)
     * @param slots   calls allowed in any period (the tenant's limit less the safety margin)
     * @param period  the period Peoplevox counts calls over
     * @param lease   how long a slot stays held by a call that never reports its end (its instance died)
     * @param backoff after a refusal, how long no instance calls
     */
    public SharedPacingBudget(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, String budget,
                              int slots, Duration period, Duration lease, Duration backoff) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.budget = budget;
        this.slots = slots;
        this.period = period;
        this.lease = lease;
        this.backoff = backoff;
    }

    /** A slot as stored: held by a call in flight, or free from {@code freeAt}. */
    private record Slot(int slot, Instant freeAt, boolean held) {
    }

    /** What one look at the budget found: a slot taken (its holder), or how long to wait before looking again. */
    private record Look(String holder, int slot, Duration waitFor) {
    }

    @Override
    public Permit acquire() throws InterruptedException {
        turn.lockInterruptibly();
        try {
            while (true) {
                Look look = tx.execute(status -> look());
                if (look.holder() != null) {
                    return () -> release(look.slot(), look.holder());
                }
                Thread.sleep(Math.max(1, look.waitFor().toMillis()));
            }
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void refused(String reason) {
        try {
            recordRefusal(reason);
        } catch (DataAccessException e) { // the call is retried after the back-off of this instance's next look anyway
            log.warn("Peoplevox refused a call for the rate limit ({}), and the refusal could not be stored for the other"
                    + " instances: {}", reason, e.toString());
            return;
        }
        log.warn("Peoplevox refused a call for the rate limit ({}); no instance calls for {} s", reason, backoff.toSeconds());
    }

    private void recordRefusal(String reason) {
        tx.executeWithoutResult(status -> {
            Instant now = databaseNow();
            Instant until = now.plus(backoff);
            lockBudget();
            jdbc.update("update peoplevox_pacing set backoff_until = case when backoff_until > :until then backoff_until"
                    + " else :until end, refusals = refusals + 1, last_refusal = :reason, refused_at = :now"
                    + " where budget = :budget", params().addValue("until", Timestamps.utc(until))
                    .addValue("now", Timestamps.utc(now)).addValue("reason", Columns.fit(reason, REASON_MAX)));
        });
    }

    /** Locks the budget, then takes the slot that has been free longest, or says how long until one is. */
    private Look look() {
        Instant now = databaseNow();
        Instant backoffUntil = lockBudget();
        if (backoffUntil.isAfter(now)) {
            return new Look(null, -1, Duration.between(now, backoffUntil));
        }
        Duration wait = period;
        for (Slot row : slotRows()) {
            Instant freeAt = row.freeAt();
            int slot = row.slot();
            if (!freeAt.isAfter(now)) {
                String holder = UUID.randomUUID().toString();
                jdbc.update("update peoplevox_pacing_slot set holder = :holder, free_at = :leaseEnd where budget = :budget"
                        + " and slot = :slot", params().addValue("holder", holder).addValue("slot", slot)
                        .addValue("leaseEnd", Timestamps.utc(now.plus(lease))));
                return new Look(holder, slot, Duration.ZERO);
            }
            // a call in flight frees its slot a period after it ends, so no sooner than a period from now (or its lease
            // runs out first: its instance died)
            Duration untilFree = Duration.between(now, freeAt);
            if (row.held() && period.compareTo(untilFree) < 0) {
                untilFree = period;
            }
            wait = untilFree.compareTo(wait) < 0 ? untilFree : wait;
        }
        return new Look(null, -1, wait);
    }

    /** The budget's slots, oldest free first, created when missing (a budget first used, more slots configured). */
    private List<Slot> slotRows() {
        String select = "select slot, free_at, holder from peoplevox_pacing_slot where budget = :budget and slot < :slots"
                + " order by free_at, slot";
        RowMapper<Slot> slotMapper = (rs, i) -> new Slot(rs.getInt("slot"), Timestamps.read(rs, "free_at"),
                rs.getString("holder") != null);
        List<Slot> rows = jdbc.query(select, params(), slotMapper);
        if (rows.size() < slots) {
            for (int slot = 0; slot < slots; slot++) {
                jdbc.update("insert into peoplevox_pacing_slot (budget, slot, free_at) values (:budget, :slot, :free)"
                        + " on conflict do nothing", params().addValue("slot", slot)
                        .addValue("free", Timestamps.utc(LONG_AGO)));
            }
            rows = jdbc.query(select, params(), slotMapper);
        }
        return rows;
    }

    /** Locks the budget's row (created on first use) and returns its back-off time. */
    private Instant lockBudget() {
        String lock = "select backoff_until from peoplevox_pacing where budget = :budget for update";
        List<Instant> found = jdbc.query(lock, params(), (rs, i) -> Timestamps.read(rs, "backoff_until"));
        if (found.isEmpty()) {
            jdbc.update("insert into peoplevox_pacing (budget, backoff_until) values (:budget, :long_ago)"
                    + " on conflict do nothing", params().addValue("long_ago", Timestamps.utc(LONG_AGO)));
            found = jdbc.query(lock, params(), (rs, i) -> Timestamps.read(rs, "backoff_until"));
        }
        return found.get(0);
    }

    /** The call has ended: its slot is free a period from now (unless its lease ran out and another call took it). */
    private void release(int slot, String holder) {
        try {
            tx.executeWithoutResult(status -> jdbc.update("update peoplevox_pacing_slot set holder = null, free_at = :freeAt"
                    + " where budget = :budget and slot = :slot and holder = :holder", params().addValue("slot", slot)
                    .addValue("holder", holder).addValue("freeAt", Timestamps.utc(databaseNow().plus(period)))));
        } catch (DataAccessException e) { // the call's answer stands; its slot comes back when its lease runs out
            log.warn("the end of a Peoplevox call could not be stored in the pacing budget (slot {} comes back after its"
                    + " lease): {}", slot, e.toString());
        }
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("select current_timestamp as db_now", Map.of(), (rs, i) -> Timestamps.read(rs, "db_now"));
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("budget", budget).addValue("slots", slots);
    }
}

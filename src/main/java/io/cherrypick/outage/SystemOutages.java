package io.cherrypick.outage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.ops.alert.AlertLog;
import io.cherrypick.store.Columns;
import io.cherrypick.store.Timestamps;

/**
 * The circuit breaker of each system Cherrypick calls (Peoplevox, Blue Cherry, each sales channel), kept in the
 * database (table {@code system_outage}) so every instance sees the same state and one alert is told per outage:
 * <ul>
 * <li>{@link #failed}: a call failed with a fault of an outage; after {@code failures-to-open} in a row (from any
 * instance) the system is down, and the instance whose update set it down writes the one "down" alert;</li>
 * <li>{@link #gate}: whether a queue that sends to the system may claim records: yes while it is up; while it is down,
 * no, except one record every {@code probe-every}, taken by one instance (a conditional update of the probe time);</li>
 * <li>{@link #answered}: the system answered (records went through, or it refused one on its merits); a system that
 * was down is back, and the instance whose update cleared it writes the one "back" alert.</li>
 * </ul>
 * Times come from the database's clock, so instances whose clocks disagree still agree on the probe times.
 */
@Repository
public class SystemOutages {
    private static final Logger log = LoggerFactory.getLogger(SystemOutages.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What a queue that sends to a system may do now. */
    public enum Gate {
        /** The system is up: claim as usual. */
        UP,
        /** The system is down and this instance tries it: claim one record. */
        PROBE,
        /** The system is down: claim nothing. */
        WAIT
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AlertLog alerts;
    private final OutageProperties props;

    public SystemOutages(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, AlertLog alerts, OutageProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.alerts = alerts;
        this.props = props;
    }

    /**
     * Whether a failure says its system is not there: a timeout, a 5xx or no connection, refused credentials. A rate
     * limit says it is there and busy; a refusal of a record says it is there and read it.
     */
    public static boolean isOutage(Throwable failure) {
        return failure instanceof ApiException api && api.isTransient() && api.system() != null
                && (api.category() == Category.API_TIMEOUT || api.category() == Category.API_ERROR
                        || api.category() == Category.AUTH);
    }

    /** A system's state as kept. */
    public record State(String system, int failures, Instant downSince, Instant probeAt, String lastError) {
        public boolean down() {
            return downSince != null;
        }
    }

    public Optional<State> state(String system) {
        return jdbc.query("select * from system_outage where system = :s", Map.of("s", system), STATE).stream().findFirst();
    }

    /** Every system with a row: each that failed once at least (a row is kept, its count reset, when it answers). */
    public List<State> all() {
        return jdbc.query("select * from system_outage order by system", Map.of(), STATE);
    }

    private static final RowMapper<State> STATE = (rs, i) -> new State(rs.getString("system"), rs.getInt("failures"),
            Timestamps.read(rs, "down_since"), Timestamps.read(rs, "probe_at"), rs.getString("last_error"));

    /** While the system is down, when it is tried next; empty while it is up. */
    public Optional<Instant> downUntilProbe(String system) {
        return state(system).filter(State::down).map(s -> s.probeAt() == null ? s.downSince() : s.probeAt());
    }

    /** Whether a queue sending to {@code system} may claim records now (see {@link Gate}). */
    public Gate gate(String system) {
        Optional<State> state = state(system);
        if (state.isEmpty() || !state.get().down()) {
            return Gate.UP;
        }
        Instant now = databaseNow();
        int taken = jdbc.update("update system_outage set probe_at = :next, updated_at = :now where system = :s"
                + " and down_since is not null and (probe_at is null or probe_at <= :now)", new MapSqlParameterSource()
                .addValue("s", system).addValue("now", Timestamps.utc(now))
                .addValue("next", Timestamps.utc(now.plus(props.probeEvery()))));
        return taken == 1 ? Gate.PROBE : Gate.WAIT;
    }

    /**
     * A call to {@code system} failed with a fault of an outage ({@link #isOutage}). Returns whether the system is down
     * now (this failure may be the one that set it down).
     */
    public boolean failed(String system, String error) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = databaseNow();
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("s", system)
                    .addValue("now", Timestamps.utc(now)).addValue("error", Columns.fit(error, 1000))
                    .addValue("threshold", props.failuresToOpen())
                    .addValue("probe", Timestamps.utc(now.plus(props.probeEvery())));
            jdbc.update("insert into system_outage (system, failures, updated_at) values (:s, 0, :now)"
                    + " on conflict do nothing", p);
            jdbc.update("update system_outage set failures = failures + 1, last_error = :error, updated_at = :now"
                    + " where system = :s", p);
            int opened = jdbc.update("update system_outage set down_since = :now, probe_at = :probe where system = :s"
                    + " and down_since is null and failures >= :threshold", p);
            if (opened == 1) {
                alerts.add(downText(system, now, error), List.of(subject(system, "down", now)));
                log.warn("{} is DOWN: {} calls in a row failed, the last: {}. Its queues wait until it is back", system,
                        props.failuresToOpen(), error);
            }
            return opened == 1 || state(system).map(State::down).orElse(false);
        }));
    }

    /**
     * {@code system} answered (records went through, or it refused one on its merits): its count of failures starts
     * again, and a system that was down is back.
     */
    public void answered(String system) {
        Optional<State> seen = state(system);
        if (seen.isEmpty() || (seen.get().failures() == 0 && !seen.get().down())) {
            return; // nothing to write: the usual case, kept to one read
        }
        tx.executeWithoutResult(status -> {
            Instant now = databaseNow();
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("s", system).addValue("now", Timestamps.utc(now));
            Instant downSince = jdbc.query("select down_since from system_outage where system = :s for update", p,
                    rs -> rs.next() ? Timestamps.read(rs, "down_since") : null);
            jdbc.update("update system_outage set failures = 0, down_since = null, probe_at = null, updated_at = :now"
                    + " where system = :s", p);
            if (downSince != null) {
                alerts.add(backText(system, downSince, now), List.of(subject(system, "back", downSince)));
                log.warn("{} is BACK after {}: its queues send what waited", system, duration(downSince, now));
            }
        });
    }

    private Instant databaseNow() {
        return jdbc.query("select current_timestamp as db_now", Map.of(), rs -> {
            rs.next();
            return Timestamps.read(rs, "db_now");
        });
    }

    /** One subject per outage and side: the alert log keeps each once, whichever instance writes it. */
    private static String subject(String system, String side, Instant downSince) {
        return "outage:" + system + ":" + side + ":" + downSince.toEpochMilli();
    }

    String downText(String system, Instant since, String error) {
        return system + " is DOWN since " + TIME.format(since) + ": " + props.failuresToOpen() + " calls in a row failed,"
                + " the last: " + error + ". What waits for it stays queued and goes when it is back; nothing becomes an"
                + " exception meanwhile. Cherrypick tries it every " + props.probeEvery().toSeconds() + " s and says when"
                + " it is back.";
    }

    static String backText(String system, Instant downSince, Instant now) {
        return system + " is BACK (" + TIME.format(now) + ", down for " + duration(downSince, now) + "). The records"
                + " that waited for it are being sent now.";
    }

    public static String duration(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : Math.max(0, d.toSeconds()) + " s";
    }
}

package io.cherrypick.ops.charts;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiCallOutcome;
import io.cherrypick.peoplevox.PeoplevoxCallListener;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.Timestamps;

/**
 * Counts this instance's Peoplevox calls per minute and adds them to {@code api_call_minute} every
 * {@code cherrypick.ops.history.flush} (and at a stop), so the console's budget chart shows the calls of every instance
 * of a cluster. Counting is in memory and never touches a call's own transaction; a flush that fails keeps its counts
 * for the next one. What an instance counted in its last flush period is lost if it dies without stopping.
 */
@Component
public class PeoplevoxCallHistory implements PeoplevoxCallListener {
    static final String SYSTEM = "peoplevox";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxCallHistory.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<Long, Counts> byMinute = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public PeoplevoxCallHistory(PeoplevoxClient client, NamedParameterJdbcTemplate jdbc) {
        this(jdbc);
        client.addCallListener(this);
    }

    /** Counting what it is told by hand (a test's second instance), listening to no client. */
    PeoplevoxCallHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One minute's calls, not yet in the database. */
    static final class Counts {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
    }

    @Override
    public void called(String operation, String outcome) {
        Counts counts = byMinute.computeIfAbsent(Instant.now().getEpochSecond() / 60, m -> new Counts());
        counts.calls.incrementAndGet();
        if ("rate_limited".equals(outcome)) {
            counts.rateLimited.incrementAndGet();
        }
        if (!ApiCallOutcome.OK.equals(outcome)) {
            counts.failed.incrementAndGet();
        }
    }

    /** Adds the counted minutes to the database (each instance adds its own to the minute's row). */
    @Scheduled(fixedDelayString = "${cherrypick.ops.history.flush}", initialDelayString = "${cherrypick.ops.history.flush}")
    @PreDestroy
    public synchronized void flush() {
        for (Long minute : byMinute.keySet()) {
            Counts counts = byMinute.remove(minute);
            if (counts == null || counts.calls.get() == 0) {
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("system", SYSTEM)
                    .addValue("minute", Timestamps.utc(Instant.ofEpochSecond(minute * 60)))
                    .addValue("calls", counts.calls.get()).addValue("limited", counts.rateLimited.get())
                    .addValue("failed", counts.failed.get());
            try {
                jdbc.update("insert into api_call_minute (system, at_minute, calls, rate_limited, failed) values (:system,"
                        + " :minute, 0, 0, 0) on conflict do nothing", p);
                jdbc.update("update api_call_minute set calls = calls + :calls, rate_limited = rate_limited + :limited,"
                        + " failed = failed + :failed where system = :system and at_minute = :minute", p);
            } catch (RuntimeException e) {
                Counts again = byMinute.computeIfAbsent(minute, m -> new Counts());
                again.calls.addAndGet(counts.calls.get());
                again.rateLimited.addAndGet(counts.rateLimited.get());
                again.failed.addAndGet(counts.failed.get());
                log.warn("could not add Peoplevox calls per minute to the database (kept for the next try): {}", e.toString());
                return;
            }
        }
    }
}

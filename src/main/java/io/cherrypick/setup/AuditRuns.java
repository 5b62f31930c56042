package io.cherrypick.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.store.AuditLog;
import io.cherrypick.store.Timestamps;

/**
 * The audits run through {@code POST /api/audit}: each runs in the background on the instance that took the request,
 * its report (progress included) written to {@code setup_audit_run} as it goes (at most every two seconds), so any
 * instance answers {@code GET /api/audit/runs/{id}}. One audit at a time in the cluster (it spends Peoplevox's call
 * budget): asking while one runs gives the running one; the look for it and the new run's row are one transaction under
 * the row lock of {@code setup_audit_lock}, so instances asked at once start one audit. The last
 * {@code cherrypick.setup.keep-runs} are kept.
 */
@Component
public class AuditRuns implements DisposableBean {
    /** A running audit whose report was not written for this long belongs to an instance that stopped. */
    static final Duration STALE = Duration.ofMinutes(2);
    static final long WRITE_EVERY_MILLIS = 2000;
    /** The row of setup_audit_lock that starting an audit locks. */
    static final String LOCK = "setup-audit";
    private static final Logger log = LoggerFactory.getLogger(AuditRuns.class);

    private final SetupAudit audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog auditLog;
    private final SetupProperties setup;
    private final TransactionTemplate tx;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "setup-audit");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastWrite;

    public AuditRuns(SetupAudit audit, NamedParameterJdbcTemplate jdbc, ObjectMapper json, AuditLog auditLog,
                     SetupProperties setup, TransactionTemplate tx) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.auditLog = auditLog;
        this.setup = setup;
        this.tx = tx;
    }

    /** An audit asked for: the new one, or the one already running ({@code started} false). */
    public record Started(AuditReport report, boolean started) {
    }

    /** Starts an audit in the background, unless one runs already (on any instance). */
    public synchronized Started start(String startedBy) {
        Started started = tx.execute(status -> claim(startedBy));
        if (started.started()) {
            runner.submit(() -> execute(started.report())); // after the commit: its writes update a row that is there
        }
        return started;
    }

    private Started claim(String startedBy) {
        jdbc.query("select name from setup_audit_lock where name = :name for update", Map.of("name", LOCK), rs -> {
        });
        Optional<AuditReport> running = latest().filter(r -> AuditReport.RUNNING.equals(r.status()));
        if (running.isPresent()) {
            return new Started(running.get(), false);
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AuditReport first = new AuditReport(id, AuditReport.RUNNING, null, new AuditReport.Counts(0, 0, 0), now, null,
                AuditLog.actor(startedBy), new AuditReport.Progress(0, 0, "", "starting"), 0, 0, false, List.of(), null,
                null);
        jdbc.update("insert into setup_audit_run (id, status, started_by, started_at, heartbeat_at, report) values (:id,"
                + " :status, :by, :at, :at, :report)", new MapSqlParameterSource().addValue("id", id)
                .addValue("status", AuditReport.RUNNING).addValue("by", first.startedBy())
                .addValue("at", Timestamps.utc(now)).addValue("report", write(first)));
        auditLog.record(startedBy, "SETUP_AUDIT", "setup-audit", id, "started");
        return new Started(first, true);
    }

    private void execute(AuditReport first) {
        try {
            audit.run(first.id(), first.startedBy(), this::save);
        } catch (RuntimeException e) {
            log.error("setup audit {} broke", first.id(), e);
            AuditReport broken = find(first.id()).orElse(first);
            save(new AuditReport(broken.id(), AuditReport.FAILED, Verdict.FAIL, broken.counts(), broken.startedAt(),
                    Instant.now(), broken.startedBy(), broken.progress(), broken.peoplevoxCalls(), broken.blueCherryCalls(),
                    broken.paced(), broken.checks(), broken.stock(), "the audit broke: " + e));
        } finally {
            prune();
        }
    }

    /** Writes the report: always when it is finished, otherwise at most every two seconds. */
    private void save(AuditReport report) {
        boolean finished = !AuditReport.RUNNING.equals(report.status());
        long now = System.currentTimeMillis();
        if (!finished && now - lastWrite < WRITE_EVERY_MILLIS) {
            return;
        }
        lastWrite = now;
        jdbc.update("update setup_audit_run set status = :status, verdict = :verdict, finished_at = :finished,"
                + " heartbeat_at = :now, report = :report where id = :id", new MapSqlParameterSource()
                .addValue("id", report.id()).addValue("status", report.status())
                .addValue("verdict", report.verdict() == null ? null : report.verdict().name())
                .addValue("finished", Timestamps.utc(report.finishedAt())).addValue("now", Timestamps.now())
                .addValue("report", write(report)));
    }

    public Optional<AuditReport> find(String id) {
        return jdbc.query("select report, heartbeat_at from setup_audit_run where id = :id", Map.of("id", id),
                (rs, i) -> read(rs.getString("report"), Timestamps.read(rs, "heartbeat_at"))).stream().findFirst();
    }

    public Optional<AuditReport> latest() {
        return jdbc.query("select report, heartbeat_at from setup_audit_run order by started_at desc limit 1", Map.of(),
                (rs, i) -> read(rs.getString("report"), Timestamps.read(rs, "heartbeat_at"))).stream().findFirst();
    }

    private void prune() {
        List<String> finished = jdbc.queryForList("select id from setup_audit_run where status <> :running order by"
                + " started_at desc", Map.of("running", AuditReport.RUNNING), String.class);
        if (finished.size() > setup.keepRuns()) {
            jdbc.update("delete from setup_audit_run where id in (:ids)",
                    Map.of("ids", finished.subList(setup.keepRuns(), finished.size())));
        }
    }

    /** A report as stored; a running one whose instance stopped writing is shown as failed. */
    private AuditReport read(String text, Instant heartbeat) {
        AuditReport r;
        try {
            r = json.readValue(text, AuditReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("setup audit report unreadable: " + e.getMessage(), e);
        }
        if (AuditReport.RUNNING.equals(r.status()) && heartbeat.isBefore(Instant.now().minus(STALE))) {
            return new AuditReport(r.id(), AuditReport.FAILED, Verdict.FAIL, r.counts(), r.startedAt(), null, r.startedBy(),
                    r.progress(), r.peoplevoxCalls(), r.blueCherryCalls(), r.paced(), r.checks(), r.stock(),
                    "the instance running this audit stopped (no progress since " + heartbeat + "): run it again");
        }
        return r;
    }

    private String write(AuditReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("setup audit report not writable: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}

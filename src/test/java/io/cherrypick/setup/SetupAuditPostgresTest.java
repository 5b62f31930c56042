package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.store.Timestamps;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;

/**
 * The setup audit's deliberate mismatches, its runs stored (and Cherrypick's order lifecycle read) on PostgreSQL; and
 * one audit at a time in a cluster: an instance asked while another is starting one waits for it and answers with it.
 */
class SetupAuditPostgresTest extends AbstractSetupAuditTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        EmbeddedPostgres.register(registry);
    }

    @Autowired TransactionTemplate tx;
    @Autowired ObjectMapper json;

    /** The test environment's warnings but the database's: on PostgreSQL that check passes. */
    @Override
    Map<String, Integer> testConfiguration() {
        Map<String, Integer> warnings = new HashMap<>(SetupWorld.TEST_CONFIGURATION);
        warnings.remove("configuration.database");
        return warnings;
    }

    @Test
    void anInstanceAskedWhileAnotherStartsAnAuditAnswersWithThatOne() throws Exception {
        String other = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String report = json.writeValueAsString(new AuditReport(other, AuditReport.RUNNING, null,
                new AuditReport.Counts(0, 0, 0), now, null, "another instance", new AuditReport.Progress(0, 0, "", "starting"),
                0, 0, false, List.of(), null, null));
        CompletableFuture<AuditRuns.Started> asked = new CompletableFuture<>();
        // the other instance, starting its audit: it holds the lock and its run is not committed yet
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("select name from setup_audit_lock where name = ? for update", AuditRuns.LOCK);
            jdbc.update("insert into setup_audit_run (id, status, started_by, started_at, heartbeat_at, report) values (?,"
                    + " ?, ?, ?, ?, ?)", other, AuditReport.RUNNING, "another instance", Timestamps.utc(now),
                    Timestamps.utc(now), report);
            CompletableFuture.runAsync(() -> {
                try {
                    asked.complete(runs.start("this instance"));
                } catch (RuntimeException e) {
                    asked.completeExceptionally(e);
                }
            });
            Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> !asked.isDone());
        });
        AuditRuns.Started started = asked.get(30, TimeUnit.SECONDS);
        assertThat(started.started()).as("this instance started an audit of its own").isFalse();
        assertThat(started.report().id()).isEqualTo(other);
        assertThat(jdbc.queryForObject("select count(*) from setup_audit_run", Integer.class)).isEqualTo(1);
        jdbc.update("delete from setup_audit_run");
    }
}

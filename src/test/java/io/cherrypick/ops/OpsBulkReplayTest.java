package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.cherrypick.failure.Category;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;

/**
 * A bulk replay is as safe as a single one: each exception's requeue, status and audit entry happen together or not at
 * all. Here the audit entry of the second exception fails (the database refusing it): the first replay stands, the
 * second leaves its record held and its exception open, never a record queued again with no trace of who did it.
 */
@SpringBootTest
@ActiveProfiles("test")
class OpsBulkReplayTest {
    @Autowired ExceptionActions actions;
    @Autowired ExceptionStore exceptions;
    @Autowired HandoffStore handoff;
    @Autowired JdbcTemplate jdbc;
    @MockitoSpyBean AuditLog audit;

    @BeforeEach
    void empty() {
        List.of("integration_exception", "handoff", "audit_log").forEach(t -> jdbc.update("delete from " + t));
    }

    private long heldWithException(String key) {
        long record = handoff.insertIfAbsent("sales-order", key, "r1", "pick", "{}").orElseThrow();
        jdbc.update("update handoff set status = 'HELD' where id = ?", record);
        return exceptions.record(NewException.of("sales-order", "sales-order-to-wms", key, Category.SKU_MISMATCH,
                "Pick " + key + " line 1: item 099999999993 does not exist in Peoplevox", "{}", record));
    }

    @Test
    void eachReplayOfABulkIsOneTransaction() {
        long older = heldWithException("B1");
        long newer = heldWithException("B2"); // replayed first: the list is newest first
        doThrow(new IllegalStateException("audit_log refused the row")).when(audit)
                .record(any(), eq("REPLAY"), any(), eq(Long.toString(older)), any());

        assertThatThrownBy(() -> actions.replayAll("SKU_MISMATCH", null, "sam")).hasMessageContaining("audit_log refused");

        assertThat(exceptions.find(newer).orElseThrow().status()).isEqualTo(ExceptionRecord.REPLAYED);
        assertThat(status("B2")).isEqualTo("PENDING");
        assertThat(exceptions.find(older).orElseThrow().status()).as("rolled back with its audit entry")
                .isEqualTo(ExceptionRecord.OPEN);
        assertThat(status("B1")).isEqualTo("HELD");
        assertThat(jdbc.queryForList("select target_id from audit_log", String.class)).containsExactly(Long.toString(newer));
    }

    private String status(String key) {
        return jdbc.queryForObject("select status from handoff where record_key = ?", String.class, key);
    }
}

package io.cherrypick.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-off's SQL, on each database (subclasses): a revision is stored once, a claim is exclusive (SKIP LOCKED), a
 * record comes back when due or when its claimer stopped, settling needs the claim, replay requeues only what was given
 * up, and a newer revision supersedes an unsent one.
 */
abstract class AbstractHandoffStoreTest {
    @Autowired HandoffStore handoff;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
    }

    @Test
    void aRevisionIsStoredOncePerQueueAndKey() {
        assertThat(handoff.insertIfAbsent("q", "P1", "r1", null, "{}")).isPresent();
        assertThat(handoff.insertIfAbsent("q", "P1", "r1", null, "{}")).as("same revision twice").isEmpty();
        assertThat(handoff.insertIfAbsent("q", "P1", "r2", null, "{}")).as("a newer revision").isPresent();
        assertThat(handoff.insertIfAbsent("other", "P1", "r1", null, "{}")).as("another queue").isPresent();
        assertThat(handoff.countByStatus("q")).containsEntry("PENDING", 2);
    }

    @Test
    void claimsAreExclusiveAndAStoppedClaimersRecordsAreTakenOverAsRecovered() {
        for (int i = 0; i < 5; i++) {
            handoff.insertIfAbsent("q", "P" + i, "r1", null, "{}");
        }
        List<HandoffRecord> first = handoff.claim("q", "a", 3, Duration.ofMinutes(5), Duration.ZERO);
        List<HandoffRecord> second = handoff.claim("q", "b", 3, Duration.ofMinutes(5), Duration.ZERO);
        assertThat(first).hasSize(3).noneMatch(HandoffRecord::recovered);
        assertThat(second).hasSize(2);
        assertThat(first).extracting(HandoffRecord::id).doesNotContainAnyElementsOf(second.stream().map(HandoffRecord::id).toList());

        // "a" and "b" stop holding them: claimed a minute ago, with no stale window every claim is taken over, flagged
        // as recovered (claimed in this very millisecond, a claim is not yet older than "now")
        jdbc.update("update handoff set claimed_at = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        List<HandoffRecord> recovered = handoff.claim("q", "c", 10, Duration.ZERO, Duration.ZERO);
        assertThat(recovered).hasSize(5).allMatch(HandoffRecord::recovered);
        assertThat(handoff.settle(first.stream().map(HandoffRecord::id).toList(), "a", HandoffStore.DONE, "late"))
                .as("the stopped claimer's outcome no longer counts").isZero();
        assertThat(handoff.settle(recovered.stream().map(HandoffRecord::id).toList(), "c", HandoffStore.DONE, "sent"))
                .isEqualTo(5);
        assertThat(handoff.countByStatus("q")).containsEntry("DONE", 5);
    }

    @Test
    void aRecordRescheduledComesBackWhenDueAndAGivenUpOneOnlyByReplay() {
        long id = handoff.insertIfAbsent("q", "P1", "r1", null, "{}").orElseThrow();
        assertThat(handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ZERO)).hasSize(1);
        assertThat(handoff.reschedule(id, "a", 1, Instant.now().plusSeconds(60), "timeout")).isTrue();
        assertThat(handoff.claim("q", "b", 10, Duration.ofMinutes(5), Duration.ZERO)).as("not due yet").isEmpty();

        assertThat(handoff.reschedule(id, "b", 2, Instant.now(), "not the claimer")).isFalse();
        jdbc.update("update handoff set next_attempt_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id);
        List<HandoffRecord> again = handoff.claim("q", "b", 10, Duration.ofMinutes(5), Duration.ZERO);
        assertThat(again).extracting(HandoffRecord::attempts).containsExactly(1);

        handoff.settle(List.of(id), "b", HandoffStore.FAILED, "gave up");
        assertThat(handoff.claim("q", "c", 10, Duration.ZERO, Duration.ZERO)).as("given up stays given up").isEmpty();
        assertThat(handoff.requeue(id)).isTrue();
        assertThat(handoff.requeue(id)).as("already queued").isFalse();
        assertThat(handoff.claim("q", "c", 10, Duration.ZERO, Duration.ZERO)).extracting(HandoffRecord::attempts)
                .containsExactly(0);
    }

    @Test
    void aPartialBatchLingersUntilItsOldestHasWaited() {
        handoff.insertIfAbsent("q", "P1", "r1", null, "{}");
        assertThat(handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ofMinutes(1))).as("waits for more").isEmpty();
        assertThat(handoff.claim("q", "a", 1, Duration.ofMinutes(5), Duration.ofMinutes(1))).as("a full batch goes").hasSize(1);
    }

    @Test
    void aNewerRevisionSupersedesOnlyWhatWasNotSent() {
        long sent = handoff.insertIfAbsent("q", "P1", "r1", null, "{}").orElseThrow();
        handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ZERO);
        handoff.settle(List.of(sent), "a", HandoffStore.DONE, "sent");
        long waiting = handoff.insertIfAbsent("q", "P1", "r2", null, "{}").orElseThrow();
        handoff.insertIfAbsent("q", "P1", "r3", null, "{}");

        assertThat(handoff.supersedeUnsent("q", "P1", "r3")).containsExactly(waiting);
        assertThat(handoff.find(sent).orElseThrow().status()).isEqualTo(HandoffStore.DONE);
        assertThat(handoff.find(waiting).orElseThrow().status()).isEqualTo(HandoffStore.SUPERSEDED);
    }
}

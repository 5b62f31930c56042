package io.cherrypick.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-off's SQL, on each database (subclasses): a revision is stored once, a claim is exclusive (SKIP LOCKED), a
 * record comes back when due or when its claimer stopped, settling needs the claim, replay requeues only what was given
 * up, and a newer revision supersedes an unsent one.
 */
abstract class AbstractHandoffStoreTest {
    @Autowired HandoffStore handoff;
    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired TransactionTemplate tx;

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
        assertThat(recovered).as("taken over once: still in a batch").hasSize(5).allMatch(HandoffRecord::recovered);
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

    @Test
    void aClaimIsJudgedStaleByTheDatabasesClockNotByTheTakersOwn() {
        handoff.insertIfAbsent("q", "P1", "r1", null, "{}");
        assertThat(handoff.claim("q", "a", 10, Duration.ofMinutes(2), Duration.ZERO)).hasSize(1);
        // another instance whose clock runs ten minutes fast: by its clock the claim is stale, by the database's it is not
        HandoffStore fast = new HandoffStore(named, tx, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        assertThat(fast.claim("q", "b", 10, Duration.ofMinutes(2), Duration.ZERO)).as("a fresh claim is not taken over")
                .isEmpty();
        assertThat(handoff.countByStatus("q")).containsEntry("CLAIMED", 1);
    }

    @Test
    void everyStatusChangeAndExtensionNeedsTheClaimThatHoldsTheRecord() {
        long id = handoff.insertIfAbsent("q", "P1", "r1", null, "{}").orElseThrow();
        handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ZERO);
        jdbc.update("update handoff set claimed_at = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        assertThat(handoff.claim("q", "b", 10, Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);

        // "a" outlived its claim: nothing it does counts any more
        assertThat(handoff.extend(List.of(id), "a")).isZero();
        assertThat(handoff.settleHeld(List.of(id), "a", HandoffStore.DONE, "late")).isEmpty();
        assertThat(handoff.reschedule(id, "a", 1, Instant.now(), "late")).isFalse();
        assertThat(handoff.release(List.of(id), "a", "late")).isZero();
        assertThat(handoff.find(id).orElseThrow()).extracting(HandoffRecord::status, HandoffRecord::claimToken)
                .containsExactly(HandoffStore.CLAIMED, "b");

        // "b" keeps its claim alive while it works: a claim extended just now is not stale
        jdbc.update("update handoff set claimed_at = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        assertThat(handoff.extend(List.of(id), "b")).isEqualTo(1);
        assertThat(handoff.claim("q", "c", 10, Duration.ofSeconds(30), Duration.ZERO)).isEmpty();
        assertThat(handoff.settleHeld(List.of(id), "b", HandoffStore.DONE, "sent")).containsExactly(id);
    }

    @Test
    void aRecordTakenOverASecondTimeGoesAloneAndCountsItsRecoveries() {
        for (int i = 0; i < 3; i++) {
            handoff.insertIfAbsent("q", "P" + i, "r1", null, "{}");
        }
        for (int recovery = 1; recovery <= 2; recovery++) {
            List<HandoffRecord> claimed = handoff.claim("q", "a" + recovery, 10, Duration.ofSeconds(30), Duration.ZERO);
            assertThat(claimed).isNotEmpty();
            // the instance dies with its claim
            jdbc.update("update handoff set claimed_at = ? where status = 'CLAIMED'",
                    java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        }
        List<HandoffRecord> alone = handoff.claim("q", "c", 10, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(alone).as("a record recovered twice is claimed alone").hasSize(1).allMatch(HandoffRecord::recovered);
        assertThat(alone.get(0).recoveries()).isEqualTo(2);

        long id = alone.get(0).id();
        handoff.settle(List.of(id), "c", HandoffStore.HELD, "quarantined");
        assertThat(handoff.requeue(id)).isTrue();
        assertThat(handoff.find(id).orElseThrow().recoveries()).as("a replay starts the count again").isZero();
    }

    @Test
    void aNewerRevisionWaitsWhileAnOlderOneIsInFlightAndAnOlderOneComingBackIsSuperseded() {
        long r1 = handoff.insertIfAbsent("q", "P1", "r1", null, "{}").orElseThrow();
        assertThat(handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ZERO)).hasSize(1);
        long r2 = handoff.insertIfAbsent("q", "P1", "r2", null, "{}").orElseThrow();
        handoff.insertIfAbsent("q", "P2", "r1", null, "{}");
        assertThat(handoff.claim("q", "b", 10, Duration.ofMinutes(5), Duration.ZERO)).as("revision r2 waits for r1")
                .extracting(HandoffRecord::key).containsExactly("P2");

        // r1 fails and comes back for a retry: r2 is newer, so r1 is not sent again, and r2 goes
        handoff.reschedule(r1, "a", 1, Instant.now().minusSeconds(1), "timeout");
        assertThat(handoff.claim("q", "c", 10, Duration.ofMinutes(5), Duration.ZERO)).extracting(HandoffRecord::id)
                .containsExactly(r2);
        assertThat(handoff.find(r1).orElseThrow().status()).isEqualTo(HandoffStore.SUPERSEDED);
    }

    @Test
    void aClaimLooksPastTheOldestRecordsWhenTheyMustWait() {
        // three orders in flight, then a newer revision of each (they wait for the one in flight) and three other orders
        for (int i = 1; i <= 3; i++) {
            handoff.insertIfAbsent("q", "IN-FLIGHT-" + i, "r1", null, "{}");
        }
        assertThat(handoff.claim("q", "a", 3, Duration.ofMinutes(5), Duration.ZERO)).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            handoff.insertIfAbsent("q", "IN-FLIGHT-" + i, "r2", null, "{}");
        }
        for (int i = 1; i <= 3; i++) {
            handoff.insertIfAbsent("q", "FREE-" + i, "r1", null, "{}");
        }
        // a claim of three reads the three oldest waiting records first: all wait, so it takes the next three
        assertThat(handoff.claim("q", "b", 3, Duration.ofMinutes(5), Duration.ZERO)).extracting(HandoffRecord::key)
                .containsExactly("FREE-1", "FREE-2", "FREE-3");
        assertThat(handoff.countByStatus("q")).containsEntry("PENDING", 3).containsEntry("CLAIMED", 6);
    }

    @Test
    void aBatchHoldsOneRevisionPerKeyAndTheBaselineIsTheNewestRevisionSent() {
        long r1 = handoff.insertIfAbsent("q", "P1", "r1", null, "{\"rev\":1}").orElseThrow();
        long r2 = handoff.insertIfAbsent("q", "P1", "r2", null, "{\"rev\":2}").orElseThrow();
        List<HandoffRecord> batch = handoff.claim("q", "a", 10, Duration.ofMinutes(5), Duration.ZERO);
        assertThat(batch).extracting(HandoffRecord::id).containsExactly(r2);
        assertThat(handoff.find(r1).orElseThrow().status()).isEqualTo(HandoffStore.SUPERSEDED);
        handoff.settle(List.of(r2), "a", HandoffStore.DONE, "sent");

        // an older revision settled later (a late, recovered send) does not become the baseline
        jdbc.update("update handoff set status = 'DONE', updated_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().plusSeconds(60)), r1);
        assertThat(handoff.lastDone(List.of("q"), "P1")).map(HandoffRecord::id).contains(r2);
    }

    @Test
    void aChangeWaitsWhileAnOlderRevisionOfItsKeyIsInFlightInTheOrderQueue() {
        long order = handoff.insertIfAbsent("orders", "P1", "r2", null, "{}").orElseThrow();
        assertThat(handoff.claim("orders", "a", 10, Duration.ofMinutes(5), Duration.ZERO)).hasSize(1);
        handoff.insertIfAbsent("changes", "P1", "r3", null, "{}");
        handoff.insertIfAbsent("changes", "P2", "r1", null, "{}");

        assertThat(handoff.claim("changes", "b", 10, Duration.ofMinutes(5), Duration.ZERO, null, List.of("orders")))
                .as("P1's change waits for its order revision in flight").extracting(HandoffRecord::key)
                .containsExactly("P2");
        handoff.settle(List.of(order), "a", HandoffStore.DONE, "sent");
        assertThat(handoff.claim("changes", "c", 10, Duration.ofMinutes(5), Duration.ZERO, null, List.of("orders")))
                .extracting(HandoffRecord::key).containsExactly("P1");
    }
}

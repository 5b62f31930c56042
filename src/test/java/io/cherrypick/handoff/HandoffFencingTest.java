package io.cherrypick.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;

/**
 * The consumer's side of fenced claims: a claim is kept alive while its batch is worked on (a slow send is not taken
 * over), and a record whose instance keeps dying while working on it is held as an exception with its payload instead
 * of being routed again (cherrypick.handoff.max-recoveries, 3 by default); the outcome of an instance whose claim was
 * taken over is not recorded, nor remembered in the idempotent repository. Also how waits count: a wait for another
 * of Cherrypick's flows counts no attempt (only the time budget ends it), any other wait counts one.
 */
@SpringBootTest
@ActiveProfiles("test")
class HandoffFencingTest {
    @Autowired HandoffStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;

    private HandoffConsumer consumer;

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
        jdbc.update("delete from CAMEL_MESSAGEPROCESSED where processorName in ('late')");
        camel.getEndpoint("mock:gave-up", MockEndpoint.class).reset();
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.stop();
        }
    }

    @Test
    void aRecordWhoseInstanceKeptDyingIsHeldWithItsPayloadInsteadOfRoutedAgain() throws Exception {
        long poison = store.insertIfAbsent("poison", "P1", "r1", null, "{\"pick\":\"P1\"}").orElseThrow();
        // three instances died while working on it (each claim taken over once the instance stopped)
        for (int i = 0; i < 3; i++) {
            assertThat(store.claim("poison", "dead-" + i, 10, Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);
            jdbc.update("update handoff set claimed_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(60)),
                    poison);
        }
        MockEndpoint quarantine = camel.getEndpoint("mock:quarantine", MockEndpoint.class);
        quarantine.reset();
        quarantine.expectedBodiesReceived("{\"pick\":\"P1\"}");
        AtomicInteger routed = new AtomicInteger();
        consumer = started("handoff:poison?deadLetterUri=mock:quarantine&staleClaimAfter=30s", routed);

        assertThat(consumer.poll()).isEqualTo(1);

        assertThat(routed).as("not routed again").hasValue(0);
        quarantine.assertIsSatisfied();
        assertThat(quarantine.getExchanges().get(0).getIn().getHeader(Handoff.OUTCOME)).isEqualTo(HandoffStore.HELD);
        HandoffRecord held = store.find(poison).orElseThrow();
        assertThat(held.status()).isEqualTo(HandoffStore.HELD);
        assertThat(held.note()).contains("P1 (revision r1)", "taken over from a stopped instance 3 times",
                "cherrypick.handoff.max-recoveries");
    }

    @Test
    void aClaimIsKeptAliveWhileItsBatchIsWorkedOnLongerThanTheStaleWindow() throws Exception {
        long id = store.insertIfAbsent("slow", "P1", "r1", null, "{}").orElseThrow();
        AtomicInteger takenOver = new AtomicInteger();
        consumer = started("handoff:slow?staleClaimAfter=1s", exchange ->
                // a send that outlives the stale window (twice over); meanwhile another instance tries to take it over
                await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> {
                    takenOver.addAndGet(store.claim("slow", "other", 10, Duration.ofSeconds(1), Duration.ZERO).size());
                    return takenOver.get() == 0;
                }));

        consumer.poll();

        assertThat(takenOver).as("no other instance took the record over").hasValue(0);
        assertThat(store.find(id).orElseThrow().recoveries()).isZero();
    }

    @Test
    void aLateWritersOutcomeIsNeitherRecordedNorRemembered() {
        long id = store.insertIfAbsent("late", "P9", "r1", null, "{}").orElseThrow();
        assertThat(store.claim("late", "slow", 10, Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);
        // the slow instance's claim went stale and another took the record over
        jdbc.update("update handoff set claimed_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(60)), id);
        assertThat(store.claim("late", "new-holder", 10, Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);

        producer.sendBodyAndHeaders("handoff:late?action=done&idempotent=true", "{}", Map.of(Handoff.RECORD_ID, id,
                Handoff.CLAIM, "slow", Handoff.RECORD_KEY, "P9", Handoff.REVISION, "r1"));

        assertThat(store.find(id).orElseThrow()).extracting(HandoffRecord::status, HandoffRecord::claimToken)
                .containsExactly(HandoffStore.CLAIMED, "new-holder");
        assertThat(jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED where processorName = 'late'",
                Integer.class)).as("not remembered as gone through").isZero();

        producer.sendBodyAndHeaders("handoff:late?action=done&idempotent=true", "{}", Map.of(Handoff.RECORD_ID, id,
                Handoff.CLAIM, "new-holder", Handoff.RECORD_KEY, "P9", Handoff.REVISION, "r1"));
        assertThat(jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED where processorName = 'late'",
                Integer.class)).as("the holder's outcome counts").isEqualTo(1);
    }

    @Test
    void aWaitForAnotherFlowCountsNoAttemptWhereAnyOtherWaitDoes() throws Exception {
        long waitsForFlow = store.insertIfAbsent("waits", "RA-1", "r1", null, "{}").orElseThrow();
        consumer = started("handoff:waits?maxAttempts=1&retryBackoff=1ms&deadLetterUri=mock:gave-up", exchange -> {
            throw NotYet.forFlow(Category.VALIDATION, "RA-1 (pick P1): the order flow has not yet recorded sending the pick");
        });
        for (int i = 0; i < 3; i++) {
            jdbc.update("update handoff set next_attempt_at = current_timestamp - interval '1' second where id = ?", waitsForFlow);
            assertThat(consumer.poll()).isEqualTo(1);
        }
        HandoffRecord waiting = store.find(waitsForFlow).orElseThrow();
        assertThat(waiting.status()).as("three waits on a one-attempt budget: still waiting").isEqualTo(HandoffStore.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.note()).contains("the order flow has not yet recorded");
        consumer.stop();

        long waitsForReport = store.insertIfAbsent("waits-report", "RET-1", "r1", null, "{}").orElseThrow();
        consumer = started("handoff:waits-report?maxAttempts=1&retryBackoff=1ms&deadLetterUri=mock:gave-up", exchange -> {
            throw new NotYet("peoplevox", Category.RETURN_MISMATCH, "Return RET-1: not in the Return summary report yet");
        });
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(camel.getEndpoint("mock:gave-up", MockEndpoint.class).getReceivedExchanges())
                .as("a wait on a system's word counts: the budget of one attempt is spent").singleElement()
                .satisfies(e -> assertThat(e.getIn().getHeader(Handoff.CATEGORY)).isEqualTo("RETURN_MISMATCH"));
        assertThat(store.find(waitsForReport).orElseThrow().status()).isNotEqualTo(HandoffStore.PENDING);
    }

    private HandoffConsumer started(String uri, AtomicInteger routed) throws Exception {
        return started(uri, exchange -> routed.incrementAndGet());
    }

    private HandoffConsumer started(String uri, org.apache.camel.Processor processor) throws Exception {
        HandoffEndpoint endpoint = camel.getEndpoint(uri + "&initialDelay=3600000", HandoffEndpoint.class);
        HandoffConsumer c = new HandoffConsumer(endpoint, processor);
        c.start();
        return c;
    }
}

package io.cherrypick.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hand-off as a queue of things to do (option coalesce, header CherrypickDueAt), a consumer that waits for its
 * upstream queue (option upstream), and the retry policy without a limit (maxAttempts 0).
 */
@SpringBootTest
@ActiveProfiles("test")
class HandoffCoalesceAndUpstreamTest {
    @Autowired HandoffStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
    }

    @Test
    void aBurstOfChangesGivesOneRecordAndAChangeDuringTheWorkGivesAnother() {
        Instant due = Instant.now().plusSeconds(60);
        assertThat(store.coalesce("q", List.of(change("A", due), change("B", due)))).containsExactly("A", "B");
        assertThat(store.coalesce("q", List.of(change("A", Instant.now())))).as("A waits already").isEmpty();
        assertThat(pending("q", "A")).isEqualTo(1);
        assertThat(store.claim("q", "t1", 10, Duration.ofMinutes(2), Duration.ZERO)).as("not due before its time").isEmpty();

        jdbc.update("update handoff set next_attempt_at = current_timestamp - interval '1' second where queue = 'q'");
        List<HandoffRecord> claimed = store.claim("q", "t1", 10, Duration.ofMinutes(2), Duration.ZERO);
        assertThat(claimed).extracting(HandoffRecord::key).containsExactly("A", "B");
        assertThat(store.coalesce("q", List.of(change("A", null)))).as("A is being worked on: a new record")
                .containsExactly("A");
        store.settle(claimed.stream().map(HandoffRecord::id).toList(), "t1", HandoffStore.DONE, null);
        assertThat(store.coalesce("q", List.of(change("B", null), change("B", null)))).as("B was done: one new record")
                .containsExactly("B");
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'q'", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(distinct revision) from handoff where queue = 'q'", Integer.class))
                .as("each record a revision of its own").isEqualTo(4);
    }

    @Test
    void theProducerWritesAListOfChangesAndHonoursTheDueTime() {
        Instant later = Instant.now().plusSeconds(30);
        List<Message> changes = new ArrayList<>();
        for (String key : List.of("X|S", "Y|S")) {
            Message m = new DefaultMessage(camel);
            m.setHeader(Handoff.RECORD_KEY, key);
            m.setHeader(Handoff.DUE_AT, later);
            m.setBody("{\"key\":\"" + key + "\"}");
            changes.add(m);
        }
        producer.sendBody("handoff:pushes?coalesce=true", changes);
        producer.sendBody("handoff:pushes?coalesce=true", changes);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'pushes' and status = 'PENDING'"
                + " and next_attempt_at > current_timestamp", Integer.class)).isEqualTo(2);

        producer.sendBodyAndHeaders("handoff:plain", "{}", Map.of(Handoff.RECORD_KEY, "K", Handoff.DUE_AT, later));
        assertThat(store.claim("plain", "t", 10, Duration.ofMinutes(2), Duration.ZERO)).as("a write due later").isEmpty();
    }

    @Test
    void aConsumerWaitsForItsUpstreamButNeverLongerThanTheMaxLag() throws Exception {
        HandoffEndpoint endpoint = camel.getEndpoint("handoff:down?upstream=up&upstreamMaxLag=5s", HandoffEndpoint.class);
        HandoffConsumer consumer = new HandoffConsumer(endpoint, exchange -> {
        });
        Instant now = Instant.now();
        assertThat(consumer.dueBy(now)).as("nothing upstream: all but the last moments").isEqualTo(now.minus(
                HandoffConsumer.IN_FLIGHT));

        store.insertIfAbsent("up", "e1", "", "T", "{}");
        jdbc.update("update handoff set created_at = ? where queue = 'up'", java.sql.Timestamp.from(now.minusSeconds(2)));
        assertThat(consumer.dueBy(now)).as("held back to the oldest waiting upstream record")
                .isBetween(now.minusSeconds(2).minusMillis(1), now.minusSeconds(2).plusMillis(1));

        jdbc.update("update handoff set created_at = ? where queue = 'up'", java.sql.Timestamp.from(now.minusSeconds(60)));
        assertThat(consumer.dueBy(now)).as("a stuck upstream holds back 5 s at most").isEqualTo(now.minusSeconds(5));

        HandoffConsumer free = new HandoffConsumer(camel.getEndpoint("handoff:free", HandoffEndpoint.class), exchange -> {
        });
        assertThat(free.dueBy(now)).as("no upstream").isEqualTo(now);
    }

    @Test
    void maxAttemptsZeroRetriesWithoutEnd() {
        RetryPolicy forever = new RetryPolicy(RetryPolicy.NO_LIMIT, Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertThat(forever.exhausted(1_000_000)).isFalse();
        assertThat(forever.delay(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(forever.limit()).isEqualTo("no limit");
        assertThat(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(5)).exhausted(5)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofSeconds(1), Duration.ofMinutes(5)))
                .hasMessageContaining("0 for no limit");
    }

    private static HandoffStore.Change change(String key, Instant due) {
        return new HandoffStore.Change(key, "T", "{}", due);
    }

    private int pending(String queue, String key) {
        return jdbc.queryForObject("select count(*) from handoff where queue = ? and record_key = ? and status = 'PENDING'",
                Integer.class, queue, key);
    }
}

package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class InboxStoreTest {
    @Autowired InboxStore inbox;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
    }

    @Test
    void anEventIsStoredOncePerFlowAndKey() {
        assertThat(inbox.storeIfAbsent("despatch", "T:1", "T", "{}")).isTrue();
        assertThat(inbox.storeIfAbsent("despatch", "T:1", "T", "{}")).isFalse();
        assertThat(inbox.storeIfAbsent("stock", "T:1", "T", "{}")).isTrue();
        assertThat(inbox.countByStatus("despatch")).containsEntry("PENDING", 1);
    }

    @Test
    void claimedEventsGoToOneClaimerAndComeBackWhenDueOrStale() {
        inbox.storeIfAbsent("despatch", "a", "T", "{}");
        inbox.storeIfAbsent("despatch", "b", "T", "{}");
        List<InboxEvent> first = inbox.claim("despatch", "one", 10, Duration.ofMinutes(5));
        assertThat(first).extracting(InboxEvent::eventKey).containsExactly("a", "b");
        assertThat(inbox.claim("despatch", "two", 10, Duration.ofMinutes(5))).isEmpty();

        inbox.markDone(List.of(first.get(0).id()));
        inbox.retryLater(first.get(1).id(), 1, Instant.now().plusSeconds(60), "not yet");
        assertThat(inbox.claim("despatch", "two", 10, Duration.ofMinutes(5))).as("not due yet").isEmpty();
        inbox.retryLater(first.get(1).id(), 1, Instant.now().minusSeconds(1), "not yet");
        List<InboxEvent> again = inbox.claim("despatch", "two", 10, Duration.ofMinutes(5));
        assertThat(again).extracting(InboxEvent::attempts).containsExactly(1);

        // "two" dies holding it: a claim older than staleAfter is taken over
        assertThat(inbox.claim("despatch", "three", 10, Duration.ZERO)).hasSize(1);
        inbox.markFailed(again.get(0).id(), 2, "gave up");
        assertThat(inbox.countByStatus("despatch")).containsEntry("DONE", 1).containsEntry("FAILED", 1);
    }
}

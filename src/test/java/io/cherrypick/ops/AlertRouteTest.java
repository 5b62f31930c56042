package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;

/** The {@code ops-alerts} route as written in routes/: on its schedule, a new exception reaches the chat once. */
@SpringBootTest(properties = {
        "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,file:routes/ops-alerts.camel.yaml",
        "cherrypick.alerts.enabled=true",
        "cherrypick.alerts.cron=0/1 * * * * ?"})
@ActiveProfiles("test")
class AlertRouteTest {
    static final ChatReceiver CHAT = new ChatReceiver();

    @DynamicPropertySource
    static void chat(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.alerts.webhook-url", CHAT::url);
    }

    @Autowired ExceptionStore exceptions;

    @Test
    void theScheduledRouteTellsTheChatOnce() {
        exceptions.record(NewException.of("sales-order", "sales-order-to-wms", "R1", Category.MISSING_WAREHOUSE,
                "Pick R1: location 'MIA' maps to no Peoplevox site", "{}", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> !CHAT.bodies().isEmpty());
        assertThat(CHAT.bodies().get(0)).contains("Orders to Peoplevox · Location without a warehouse [MISSING_WAREHOUSE] (for Support) ×1")
                .contains("R1: Pick R1: location 'MIA' maps to no Peoplevox site");
        // later runs have nothing new to tell
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> CHAT.bodies().size() == 1);
    }
}

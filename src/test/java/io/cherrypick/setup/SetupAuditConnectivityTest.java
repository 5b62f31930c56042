package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Connectivity when it is wrong: a subscription key Blue Cherry refuses, a Peoplevox password Peoplevox refuses, and a
 * webhook address where nothing answers. Each is a failed connectivity check that says which setting to fix, and every
 * check that needs a system it could not read fails as "not checked", naming why, instead of passing on no data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cherrypick.bluecherry.subscription-key=not-the-key", "cherrypick.peoplevox.password=not-the-password",
        "cherrypick.webhooks.base-url=http://localhost:1", "cherrypick.flows.despatch.enabled=true",
        "cherrypick.flows.item.enabled=true", "cherrypick.setup.pacing=never"})
@ActiveProfiles("test")
class SetupAuditConnectivityTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired SetupAudit audit;

    @Test
    void wrongCredentialsAndAnUnreachableWebhookFailAndSayWhatToSet() {
        new Simulators(PORT).resetAll();
        AuditReport report = audit.run("connectivity", "test", r -> {
        });
        Map<String, CheckResult> checks = report.checks().stream()
                .collect(Collectors.toMap(CheckResult::id, c -> c));

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(checks.get("connectivity.bluecherry").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(checks.get("connectivity.bluecherry").fix()).contains("BC_SUBSCRIPTION_KEY");
        assertThat(checks.get("connectivity.peoplevox").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(checks.get("connectivity.peoplevox").examples()).singleElement().asString()
                .contains("authentication failed");
        assertThat(checks.get("connectivity.peoplevox").fix()).contains("PVX_CLIENT_ID", "PVX_PASSWORD");
        assertThat(checks.get("connectivity.webhook").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(checks.get("connectivity.webhook").examples()).singleElement().asString()
                .contains("http://localhost:1/", "does not answer");

        for (String id : List.of("catalogue.missing-in-peoplevox", "orders.not-in-peoplevox", "mappings.locations")) {
            assertThat(checks.get(id).verdict()).as(id).isEqualTo(Verdict.FAIL);
            assertThat(checks.get(id).examples()).as(id).singleElement().asString().startsWith("not checked: ")
                    .contains("could not be read");
        }
    }
}

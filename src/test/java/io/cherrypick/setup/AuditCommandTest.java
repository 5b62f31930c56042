package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.support.FreePort;

/**
 * {@code java -jar cherrypick.jar audit}: the command (in this JVM, as main calls it) audits the simulators that a
 * running Cherrypick serves here, with the runtime's configuration, and says so in its exit code: 0 when no check
 * failed (the test environment only warns), 1 when one did, 2 when it could not run. Its JVM starts no web server, no
 * flow, no scheduler and no simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class AuditCommandTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:routes/peoplevox-webhooks.camel.yaml,file:routes/error-handling.camel.yaml");
    }

    @Autowired PeoplevoxClient peoplevox;
    @Autowired BlueCherryClient blueCherry;
    @Autowired Mappings mappings;
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int audit(String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=" + PORT,
                "--cherrypick.setup.pacing=never", "--cherrypick.flows.sales-order.enabled=true",
                "--cherrypick.flows.item.enabled=true", "--cherrypick.flows.despatch.enabled=true"));
        args.addAll(List.of(more));
        return AuditCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroWhenNoCheckFailsWarningsAllowed() {
        new SetupWorld(PORT, peoplevox, blueCherry, mappings).reset();
        assertThat(audit()).as(output() + err).isEqualTo(AuditCommand.PASSED);
        assertThat(output()).contains("Cherrypick setup audit: WARN (0 failed").contains("Peoplevox calls (not paced)")
                .contains("WARN  Configuration    The simulators are off");
    }

    @Test
    void exitsOneWhenACheckFailsAndWritesTheReportAsJsonAndHtml() throws Exception {
        new SetupWorld(PORT, peoplevox, blueCherry, mappings).seedMismatches();
        Path json = dir.resolve("audit.json");
        Path html = dir.resolve("audit.html");
        assertThat(audit("--json=" + json, "--html=" + html)).as(output() + err).isEqualTo(AuditCommand.FAILED);
        assertThat(output()).contains("Cherrypick setup audit: FAIL").contains("Order 910004 is despatched in Peoplevox")
                .contains("Fix: ");
        assertThat(Files.readString(json)).contains("\"id\" : \"orders.cancelled-in-one\"", "\"verdict\" : \"FAIL\"");
        assertThat(Files.readString(html)).contains("<h1>Cherrypick setup audit</h1>", "<svg");
    }

    @Test
    void reportsSettingsTheRuntimeWouldRefuseToStartWithInsteadOfRefusingToRun() {
        new SetupWorld(PORT, peoplevox, blueCherry, mappings).reset();
        assertThat(audit("--cherrypick.demo=false")).as(output() + err).isEqualTo(AuditCommand.FAILED);
        assertThat(output()).contains("FAIL  Configuration    The start-up checks pass")
                .contains("cherrypick.peoplevox.base-url is a simulator's address")
                .as("judged on the runtime's settings, not on the command's own (it runs no simulator)")
                .contains("the built-in simulators run (cherrypick.simulator.enabled=true)");
    }

    @Test
    void exitsTwoWhenItCannotRunAndSaysWhy() {
        assertThat(audit("--cherrypick.setup.examples=0")).isEqualTo(AuditCommand.COULD_NOT_RUN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The setup audit could not run")
                .contains("cherrypick.setup");
    }
}

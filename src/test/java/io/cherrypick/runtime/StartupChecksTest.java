package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import io.cherrypick.CherrypickApplication;

/**
 * Unsafe settings stop the start before anything runs, each problem named with the variable that fixes it: the
 * production profile started without its variables, simulators outside a demo, sign-in off against real systems,
 * {noop} passwords outside a demo. The embedded demo's settings pass.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

    /** The embedded demo's settings (application.yml's values that matter here). */
    private static MockEnvironment demo() {
        return new MockEnvironment()
                .withProperty("cherrypick.demo", "true")
                .withProperty("cherrypick.simulator.enabled", "true")
                .withProperty("cherrypick.security.enabled", "false")
                .withProperty("cherrypick.peoplevox.base-url", "http://localhost:8080/sim/peoplevox")
                .withProperty("cherrypick.peoplevox.client-id", "cherrypick-demo")
                .withProperty("cherrypick.peoplevox.username", "integration")
                .withProperty("cherrypick.peoplevox.password", "demo-password")
                .withProperty("cherrypick.bluecherry.base-url", "http://localhost:8080/sim/bluecherry")
                .withProperty("cherrypick.bluecherry.subscription-key", "demo-subscription-key")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/cherrypick")
                .withProperty("cherrypick.flows.stock.channels.web.url", "http://localhost:8080/sim/channel/stock-levels");
    }

    /** Production as documented: real systems, sign-in on with encoded passwords, PostgreSQL, a real channel. */
    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("cherrypick.demo", "false")
                .withProperty("cherrypick.simulator.enabled", "false")
                .withProperty("cherrypick.security.enabled", "true")
                .withProperty("cherrypick.security.users", "sam:SUPPORT:{bcrypt}$2a$10$abcdefghijklmnopqrstuv,ada:ADMIN:{bcrypt}$2a$10$x")
                .withProperty("cherrypick.peoplevox.base-url", "https://wms.peoplevox.net")
                .withProperty("cherrypick.peoplevox.client-id", "acme1234")
                .withProperty("cherrypick.peoplevox.username", "api.user")
                .withProperty("cherrypick.peoplevox.password", "pvx-secret")
                .withProperty("cherrypick.bluecherry.base-url", "https://apim.example.com/bluecherry")
                .withProperty("cherrypick.bluecherry.subscription-key", "bc-secret")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/cherrypick")
                .withProperty("spring.datasource.username", "cherrypick")
                .withProperty("spring.datasource.password", "db-secret")
                .withProperty("cherrypick.flows.stock.channels.web.url", "https://shop.example.com/stock-levels");
    }

    @Test
    void theDemoAndADocumentedProductionStart() {
        assertThat(StartupChecks.problems(demo())).isEmpty();
        assertThat(StartupChecks.problems(production())).isEmpty();
        // compose's demo: the postgres profile with the simulators of instance 1, sign-in on
        assertThat(StartupChecks.problems(production().withProperty("cherrypick.demo", "true")
                .withProperty("cherrypick.simulator.enabled", "true")
                .withProperty("cherrypick.security.users", "sam:SUPPORT:{noop}sam-pass")
                .withProperty("cherrypick.peoplevox.base-url", "http://cherrypick-1:8080/sim/peoplevox"))).isEmpty();
    }

    @Test
    void everyMissingVariableIsNamed() {
        MockEnvironment env = production();
        for (String p : List.of("cherrypick.peoplevox.base-url", "cherrypick.peoplevox.client-id", "cherrypick.peoplevox.username",
                "cherrypick.peoplevox.password", "cherrypick.bluecherry.base-url", "cherrypick.bluecherry.subscription-key",
                "spring.datasource.username", "spring.datasource.password")) {
            env.setProperty(p, "");
        }
        assertThat(StartupChecks.problems(env)).containsExactly(
                "CHERRYPICK_PEOPLEVOX_BASE_URL is not set (cherrypick.peoplevox.base-url)",
                "PVX_CLIENT_ID is not set (cherrypick.peoplevox.client-id)",
                "PVX_USERNAME is not set (cherrypick.peoplevox.username)",
                "PVX_PASSWORD is not set (cherrypick.peoplevox.password)",
                "CHERRYPICK_BLUECHERRY_BASE_URL is not set (cherrypick.bluecherry.base-url)",
                "BC_SUBSCRIPTION_KEY is not set (cherrypick.bluecherry.subscription-key)",
                "DB_USERNAME is not set (spring.datasource.username)",
                "DB_PASSWORD is not set (spring.datasource.password)");
    }

    @Test
    void signInOffIsRefusedAgainstRealSystemsWhateverTheDatabase() {
        MockEnvironment h2 = production().withProperty("cherrypick.security.enabled", "false")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/cherrypick");
        assertThat(StartupChecks.problems(h2)).singleElement().asString()
                .startsWith("sign-in is off (cherrypick.security.enabled=false) but Cherrypick talks to real systems"
                        + " (cherrypick.peoplevox.base-url=https://wms.peoplevox.net, cherrypick.bluecherry.base-url=")
                .contains("CHERRYPICK_SECURITY_ENABLED=true");
        // one real system is enough
        assertThat(StartupChecks.problems(demo().withProperty("cherrypick.bluecherry.base-url", "https://apim.example.com/bc")))
                .singleElement().asString().contains("cherrypick.bluecherry.base-url=https://apim.example.com/bc")
                .doesNotContain("peoplevox.base-url");
    }

    @Test
    void simulatorsNoopPasswordsAndSimulatedChannelsOnlyInADemo() {
        MockEnvironment env = production().withProperty("cherrypick.simulator.enabled", "true")
                .withProperty("cherrypick.security.users", "sam:SUPPORT:{noop}sam-pass,ada:ADMIN:{bcrypt}$2a$10$x,cleo:BOSS:{bcrypt}y,bad")
                .withProperty("cherrypick.flows.stock.channels.web.url", "http://localhost:8080/sim/channel/stock-levels");
        assertThat(StartupChecks.problems(env)).satisfiesExactly(
                p -> assertThat(p).startsWith("the built-in simulators are on").contains("CHERRYPICK_DEMO=true"),
                p -> assertThat(p).startsWith("cherrypick.flows.stock.channels.web.url is the built-in sales channel simulator")
                        .contains("CHERRYPICK_FLOWS_STOCK_CHANNELS_WEB_URL"),
                p -> assertThat(p).startsWith("cherrypick.security.users (CHERRYPICK_USERS) entry 1 (sam): a {noop} password")
                        .doesNotContain("sam-pass"),
                p -> assertThat(p).isEqualTo("cherrypick.security.users (CHERRYPICK_USERS) entry 3 (cleo): unknown role 'BOSS';"
                        + " roles are [SUPPORT, CX, FINANCE, ADMIN]"),
                p -> assertThat(p).startsWith("cherrypick.security.users (CHERRYPICK_USERS) entry 4 must read name:ROLE"));
        assertThat(StartupChecks.problems(production().withProperty("cherrypick.security.users", "")))
                .singleElement().asString().startsWith("sign-in is on but no user is set: set CHERRYPICK_USERS");
        assertThat(StartupChecks.problems(production()
                .withProperty("cherrypick.peoplevox.base-url", "http://cherrypick-1:8080/sim/peoplevox")))
                .as("a forgotten address left on a simulator's").singleElement().asString()
                .isEqualTo("cherrypick.peoplevox.base-url is a simulator's address (http://cherrypick-1:8080/sim/peoplevox)"
                        + " outside a demo: set CHERRYPICK_PEOPLEVOX_BASE_URL to Peoplevox's address, or CHERRYPICK_DEMO=true"
                        + " for a demo or rehearsal");
        assertThat(StartupChecks.problems(production().withProperty("cherrypick.flows.stock.enabled", "false")
                .withProperty("cherrypick.flows.stock.channels.web.url", "http://localhost:8080/sim/channel/stock-levels")))
                .as("no channel is called with the stock flow off").isEmpty();
    }

    @Test
    void theProductionProfileWithoutItsVariablesStopsBeforeAnythingRunsAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CherrypickApplication.class).profiles("postgres")
                .properties("server.port=0").run())
                .isInstanceOf(StartupChecks.UnsafeSettingsException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cherrypick will not start with these settings:")
                .contains("CHERRYPICK_PEOPLEVOX_BASE_URL is not set", "PVX_CLIENT_ID is not set", "PVX_USERNAME is not set",
                        "PVX_PASSWORD is not set", "CHERRYPICK_BLUECHERRY_BASE_URL is not set", "BC_SUBSCRIPTION_KEY is not set",
                        "DB_URL is not set", "sign-in is on but no user is set")
                .contains("cherrypick.flows.stock.channels.web.url is the built-in sales channel simulator")
                .doesNotContain("Flyway").doesNotContain("Started CherrypickApplication");
    }
}

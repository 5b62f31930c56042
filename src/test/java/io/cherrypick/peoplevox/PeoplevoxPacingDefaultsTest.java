package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Pacing is on by default wherever Peoplevox is not the built-in simulator (the postgres profile included), and off only
 * when switched off or against the simulator; on, the runtime's client passes the budget every instance shares.
 */
class PeoplevoxPacingDefaultsTest {
    @EnableConfigurationProperties(PeoplevoxProperties.class)
    static class Records {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Records.class);

    @Test
    void onForARealPeoplevoxByDefault() {
        app.withPropertyValues("cherrypick.peoplevox.base-url=https://wms.peoplevox.net").run(context -> {
            PeoplevoxProperties pvx = context.getBean(PeoplevoxProperties.class);
            assertThat(pvx.rateLimit().enabled()).isEqualTo(PeoplevoxProperties.Pacing.AUTO);
            assertThat(pvx.paced()).isTrue();
            assertThat(pvx.rateLimit().budget()).as("15 per 15 s less the margin of 1").isEqualTo(14);
            assertThat(pvx.maxRowsPerCall()).isEqualTo(100);
            assertThat(PeoplevoxConfiguration.pacer(pvx, jdbc(), transactions())).isInstanceOf(SharedPacingBudget.class);
        });
    }

    @Test
    void onInThePostgresProfile() {
        app.withPropertyValues("spring.profiles.active=postgres", "CHERRYPICK_PEOPLEVOX_BASE_URL=https://wms.peoplevox.net",
                "PVX_CLIENT_ID=acme", "PVX_USERNAME=api", "PVX_PASSWORD=secret").run(context -> {
                    PeoplevoxProperties pvx = context.getBean(PeoplevoxProperties.class);
                    assertThat(pvx.baseUrl()).isEqualTo("https://wms.peoplevox.net");
                    assertThat(pvx.paced()).isTrue();
                });
    }

    @Test
    void offAgainstTheBuiltInSimulatorUnlessSwitchedOn() {
        app.run(context -> {
            PeoplevoxProperties pvx = context.getBean(PeoplevoxProperties.class);
            assertThat(pvx.baseUrl()).endsWith("/sim/peoplevox");
            assertThat(pvx.paced()).isFalse();
            assertThat(PeoplevoxConfiguration.pacer(pvx, jdbc(), transactions())).isNull();
        });
        app.withPropertyValues("cherrypick.peoplevox.rate-limit.enabled=true").run(context ->
                assertThat(context.getBean(PeoplevoxProperties.class).paced()).as("profile ratelimited").isTrue());
    }

    @Test
    void offOnlyWhenSwitchedOff() {
        app.withPropertyValues("cherrypick.peoplevox.base-url=https://wms.peoplevox.net",
                "cherrypick.peoplevox.rate-limit.enabled=false").run(context ->
                assertThat(context.getBean(PeoplevoxProperties.class).paced()).isFalse());
    }

    @Test
    void aMarginAsLargeAsTheLimitStopsTheStart() {
        app.withPropertyValues("cherrypick.peoplevox.rate-limit.safety-margin=15").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("safety-margin"));
        app.withPropertyValues("cherrypick.peoplevox.rate-limit.refusal-patterns[0]=([unclosed").run(context ->
                assertThat(context).hasFailed());
    }

    private static NamedParameterJdbcTemplate jdbc() {
        return new NamedParameterJdbcTemplate(new DriverManagerDataSource());
    }

    private static DataSourceTransactionManager transactions() {
        return new DataSourceTransactionManager(new DriverManagerDataSource());
    }
}

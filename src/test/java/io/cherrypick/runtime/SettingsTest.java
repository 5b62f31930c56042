package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherryProperties;
import io.cherrypick.catalog.ItemProperties;
import io.cherrypick.flow.amend.AmendmentProperties;
import io.cherrypick.flow.despatch.DespatchProperties;
import io.cherrypick.flow.inbound.InboundProperties;
import io.cherrypick.flow.item.ItemFlowProperties;
import io.cherrypick.flow.order.SalesOrderProperties;
import io.cherrypick.flow.returns.ReturnsProperties;
import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.mapping.ConversionProperties;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.ops.alert.AlertProperties;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.peoplevox.events.WebhookProperties;
import io.cherrypick.security.AccessProperties;
import io.cherrypick.store.LifecycleState;

/**
 * The settings records: every default in application.yml and nowhere else, each setting described
 * in the configuration metadata (IDE completion), a bad value stopping the start with the setting's name, and no
 * secret in any record's text.
 */
class SettingsTest {
    /** The records' prefixes (RuntimeProperties: the cherrypick.* names listed in {@link #RUNTIME}). */
    static final List<String> PREFIXES = List.of("cherrypick.peoplevox.", "cherrypick.bluecherry.", "cherrypick.webhooks.",
            "cherrypick.alerts.", "cherrypick.ops.", "cherrypick.security.", "cherrypick.items.", "cherrypick.flows.",
            "cherrypick.conversion.");
    static final Set<String> RUNTIME = Set.of("cherrypick.demo", "cherrypick.routes-dir", "cherrypick.routes-reload",
            "cherrypick.data-dir", "cherrypick.quartz.shutdown-timeout", "cherrypick.metrics.refresh",
            "cherrypick.handoff.max-recoveries");

    @EnableConfigurationProperties({PeoplevoxProperties.class, BlueCherryProperties.class, WebhookProperties.class,
            AlertProperties.class, OpsProperties.class, AccessProperties.class, ItemProperties.class, RuntimeProperties.class,
            SalesOrderProperties.class, AmendmentProperties.class, DespatchProperties.class, ReturnsProperties.class,
            ItemFlowProperties.class, StockProperties.class, InboundProperties.class, ConversionProperties.class})
    static class Records {
    }

    /** The records bound from application.yml (no profile), as the application binds them. */
    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Records.class);

    @Test
    void theDefaultsInApplicationYmlBindAndPass() {
        app.run(context -> {
            assertThat(context).hasNotFailed();
            PeoplevoxProperties pvx = context.getBean(PeoplevoxProperties.class);
            assertThat(pvx.baseUrl()).isEqualTo("http://localhost:8080/sim/peoplevox");
            assertThat(pvx.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(pvx.maxRowsPerCall()).isEqualTo(100);
            assertThat(pvx.rateLimit()).isEqualTo(new PeoplevoxProperties.RateLimit(PeoplevoxProperties.Pacing.AUTO, 15,
                    Duration.ofSeconds(15), 1, Duration.ofSeconds(15), Duration.ofMinutes(5), List.of("Rate limit exceeded",
                    "too many (requests|calls)", "throttl(ed|ing)", "(request|call|api) limit (exceeded|reached)",
                    "quota (exceeded|reached)")));
            assertThat(pvx.paced()).as("against the built-in simulator").isFalse();
            assertThat(context.getBean(BlueCherryProperties.class).pageSize()).isEqualTo(200);
            WebhookProperties webhooks = context.getBean(WebhookProperties.class);
            assertThat(webhooks.subscribe()).isTrue();
            assertThat(webhooks.path()).isEqualTo("/webhooks/peoplevox");
            assertThat(webhooks.freshFor()).isEqualTo(Duration.ofMinutes(2));
            AlertProperties alerts = context.getBean(AlertProperties.class);
            assertThat(alerts.cron()).isEqualTo("0 * * * * ?");
            assertThat(alerts.timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(alerts.examples()).isEqualTo(3);
            OpsProperties ops = context.getBean(OpsProperties.class);
            assertThat(ops.reportZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(ops.stuckAfter()).containsEntry(LifecycleState.DESPATCHED, Duration.ofHours(2)).hasSize(7);
            AccessProperties access = context.getBean(AccessProperties.class);
            assertThat(access.enabled()).isFalse();
            assertThat(access.loginThrottle()).isEqualTo(new AccessProperties.LoginThrottle(5, 20, Duration.ofMinutes(5)));
            assertThat(context.getBean(ItemProperties.class)).as("a hand-made one defaults to the same values")
                    .isEqualTo(new ItemProperties(null, null));
            RuntimeProperties runtime = context.getBean(RuntimeProperties.class);
            assertThat(runtime.demo()).isTrue();
            assertThat(runtime.quartz().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
            SalesOrderProperties orders = context.getBean(SalesOrderProperties.class);
            assertThat(orders.batchSize()).isEqualTo(100);
            assertThat(orders.sites()).containsEntry("NJ", "PrimarySite");
            assertThat(orders.cancelledStatuses()).containsExactly("V", "C");
            assertThat(orders.closedStatuses()).isEmpty();
            AmendmentProperties amend = context.getBean(AmendmentProperties.class);
            assertThat(amend.cutoffStatuses()).containsExactly("Allocated", "Picking", "Packed", "Despatched");
            assertThat(amend.openStatuses()).containsExactly("New");
            assertThat(amend.cancelledStatus()).isEqualTo("Cancelled");
            assertThat(amend.statusNumbers()).as("Peoplevox's ids are not public").isEmpty();
            ConversionProperties conversion = context.getBean(ConversionProperties.class);
            assertThat(conversion.peoplevox()).isEqualTo(new ConversionProperties.System(ZoneId.of("UTC"),
                    ConversionProperties.WeightUnit.KG, ConversionProperties.VolumeUnit.M3));
            assertThat(conversion.bluecherry()).isEqualTo(new ConversionProperties.System(ZoneId.of("UTC"),
                    ConversionProperties.WeightUnit.LB, ConversionProperties.VolumeUnit.CF));
            DespatchProperties despatch = context.getBean(DespatchProperties.class);
            assertThat(despatch.statuses()).containsEntry("Packed", LifecycleState.PICKING).hasSize(5);
            assertThat(despatch.gs1CompanyPrefix()).isEqualTo("0614141");
            assertThat(despatch.carriers()).hasSize(4);
            ReturnsProperties returns = context.getBean(ReturnsProperties.class);
            assertThat(returns.closedStatuses()).containsExactly("RECEIVED", "CLOSED", "CANCELLED");
            assertThat(returns.reasons()).isEmpty();
            assertThat(returns.enabled()).as("returns rests on resources no public source confirms").isFalse();
            ItemFlowProperties items = context.getBean(ItemFlowProperties.class);
            assertThat(items.maxLength("AttributeColour")).as("a key ending in *").isEqualTo(500);
            assertThat(items.maxLength("Name")).isEqualTo(50);
            assertThat(items.checkBarcodes()).isTrue();
            StockProperties stock = context.getBean(StockProperties.class);
            assertThat(stock.channels()).containsOnlyKeys("web");
            assertThat(stock.peak()).isEqualTo(new StockProperties.Peak(false, List.of(0, 5), 0.25));
            assertThat(stock.buffers()).isEmpty();
            InboundProperties inbound = context.getBean(InboundProperties.class);
            assertThat(inbound.openStage()).isEqualTo("3");
            assertThat(inbound.purchaseOrderResource()).isEqualTo("productionOrderByStage");
            assertThat(inbound.overReceiptTolerance()).isZero();
            assertThat(inbound.goodsInReport()).isEqualTo("Goods in summary");
        });
    }

    @Test
    void aStuckLimitSetAloneKeepsTheOthers() {
        app.withPropertyValues("cherrypick.ops.stuck-after.PICKING=0", "cherrypick.ops.stuck-after.ACKNOWLEDGED=90m")
                .run(context -> assertThat(context.getBean(OpsProperties.class).stuckAfter())
                        .doesNotContainKey(LifecycleState.PICKING)
                        .containsEntry(LifecycleState.ACKNOWLEDGED, Duration.ofMinutes(90))
                        .containsEntry(LifecycleState.DESPATCHED, Duration.ofHours(2)));
    }

    /** Nested settings are named as Spring prints them: the record's prefix and the field's path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "cherrypick.bluecherry.page-size=500       | cherrypick.bluecherry.page-size     | must be less than or equal to 200",
            "cherrypick.bluecherry.page-size=0         | cherrypick.bluecherry.page-size     | must be greater than or equal to 1",
            "cherrypick.peoplevox.timeout=0s           | cherrypick.peoplevox.timeout        | must be longer than or equal to",
            "cherrypick.peoplevox.password=            | cherrypick.peoplevox.password       | must not be blank",
            "cherrypick.peoplevox.rate-limit.requests=0 | 'cherrypick.peoplevox' on field 'rateLimit.requests' | must be greater than or equal to 1",
            "cherrypick.peoplevox.max-rows-per-call=0  | cherrypick.peoplevox.max-rows-per-call | must be greater than or equal to 1",
            "cherrypick.alerts.examples=0              | cherrypick.alerts.examples          | must be greater than or equal to 1",
            "cherrypick.alerts.cron=                   | cherrypick.alerts.cron              | must not be blank",
            "cherrypick.security.login-throttle.max-failures=0 | 'cherrypick.security' on field 'loginThrottle.maxFailures' | must be greater than or equal to 1",
            "cherrypick.ops.report-zone=Mars/Olympus   | cherrypick.ops.report-zone          | Mars/Olympus",
            "cherrypick.items.code-strategy=ISBN       | cherrypick.items.code-strategy      | ISBN",
            "cherrypick.metrics.refresh=0              | cherrypick.metrics.refresh          | must be longer than or equal to",
            "cherrypick.webhooks.fresh-for=soon        | cherrypick.webhooks.fresh-for       | soon",
            "cherrypick.flows.sales-order.batch-size=500 | cherrypick.flows.sales-order.batch-size | must be less than or equal to 100",
            "cherrypick.flows.despatch.gs1-company-prefix=12AB | cherrypick.flows.despatch.gs1-company-prefix | must be 6 to 12 digits",
            "cherrypick.flows.despatch.gs1-extension-digit=12 | cherrypick.flows.despatch.gs1-extension-digit | must be less than or equal to 9",
            "cherrypick.flows.returns.batch-size=0     | cherrypick.flows.returns.batch-size | must be greater than or equal to 1",
            "cherrypick.flows.item.rows-per-call=101   | cherrypick.flows.item.rows-per-call | must be less than or equal to 100",
            "cherrypick.flows.stock.refresh-batch=200  | cherrypick.flows.stock.refresh-batch | must be less than or equal to 100",
            "cherrypick.flows.stock.peak.min-change-share=2 | 'cherrypick.flows.stock' on field 'peak.minChangeShare' | must be less than or equal to 1",
            "cherrypick.flows.stock.channels.shop.token=t | 'cherrypick.flows.stock' on field 'channels[shop].url' | must not be blank",
            "cherrypick.flows.sales-order-change.cutoff-statuses= | cherrypick.flows.sales-order-change.cutoff-statuses | must not be empty",
            "cherrypick.conversion.bluecherry.time-zone=Eastern | cherrypick.conversion.bluecherry.time-zone | Eastern",
            "cherrypick.conversion.peoplevox.weight-unit=STONE | cherrypick.conversion.peoplevox.weight-unit | STONE"})
    void aBadValueStopsTheStartNamingTheSetting(String setting, String name, String reason) {
        app.withPropertyValues(setting.strip()).run(context -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            assertThat(messages).contains(name.strip()).contains(reason.strip());
        });
    }

    @Test
    void noRecordPrintsASecret() {
        String pvx = new PeoplevoxProperties("https://wms.peoplevox.net", "acme", "api.user", "pvx-Secret-1", Duration.ofSeconds(30),
                100, new PeoplevoxProperties.RateLimit(PeoplevoxProperties.Pacing.OFF, 15, Duration.ofSeconds(15), 1,
                Duration.ofSeconds(15), Duration.ofMinutes(5), List.of())).toString();
        String bc = new BlueCherryProperties("https://apim.example.com", "bc-Secret-2", 200, Duration.ofSeconds(30)).toString();
        String webhooks = new WebhookProperties(true, "wh-Secret-3", "https://cp.example.com", "/webhooks/peoplevox",
                Duration.ofMinutes(2), org.springframework.util.unit.DataSize.ofKilobytes(64)).toString();
        String alerts = new AlertProperties(true, "https://hooks.slack.com/services/T0/B0/al-Secret-4", "0 * * * * ?",
                Duration.ofSeconds(10), "", 3).toString();
        AccessProperties access = new AccessProperties(true, List.of("sam:SUPPORT:{bcrypt}$2a$10$hashSecret5",
                "ada:ADMIN:{noop}pw-Secret-6"), new AccessProperties.LoginThrottle(5, 20, Duration.ofMinutes(5)));
        String channel = new StockProperties.Channel("https://shop.example.com/stock", "ch-Secret-7", 10_000L).toString();
        String all = pvx + bc + webhooks + alerts + access + access.parsedUsers() + channel;
        assertThat(all).doesNotContain("Secret").contains("password=(set)", "subscriptionKey=(set)", "token=(set)",
                "webhookUrl=(set)", "sam:SUPPORT:(hidden)", "ada:ADMIN:(hidden)", "https://wms.peoplevox.net");
    }

    @Test
    void everySettingIsDescribedForTheIdeAndHasItsDefaultInApplicationYml() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(new File("target/classes/META-INF/spring-configuration-metadata.json"));
        EnumerablePropertySource<?> yml = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0);
        Set<String> ymlNames = new TreeSet<>(List.of(yml.getPropertyNames()));

        List<String> undescribed = new ArrayList<>();
        List<String> withoutDefault = new ArrayList<>();
        Set<String> runtimeSeen = new TreeSet<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            boolean ours = PREFIXES.stream().anyMatch(name::startsWith) || RUNTIME.contains(name);
            if (!ours) {
                continue;
            }
            if (RUNTIME.contains(name)) {
                runtimeSeen.add(name);
            }
            if (property.path("description").asText("").isBlank()) {
                undescribed.add(name);
            }
            if (ymlNames.stream().noneMatch(y -> y.equals(name) || y.startsWith(name + ".") || y.startsWith(name + "["))) {
                withoutDefault.add(name);
            }
        }
        assertThat(runtimeSeen).isEqualTo(RUNTIME);
        assertThat(undescribed).as("settings without a description in the metadata").isEmpty();
        assertThat(withoutDefault).as("settings without their default in application.yml").isEmpty();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

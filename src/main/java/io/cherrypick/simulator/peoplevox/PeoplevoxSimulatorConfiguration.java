package io.cherrypick.simulator.peoplevox;

import io.cherrypick.simulator.peoplevox.event.EventDelivery;
import io.cherrypick.simulator.peoplevox.event.SubscriptionRegistry;
import io.cherrypick.simulator.peoplevox.report.ReportService;
import io.cherrypick.simulator.peoplevox.soap.CallLog;
import io.cherrypick.simulator.peoplevox.soap.FaultInjector;
import io.cherrypick.simulator.peoplevox.soap.RateLimiter;
import io.cherrypick.simulator.peoplevox.soap.SessionStore;
import io.cherrypick.simulator.peoplevox.template.TemplateService;
import io.cherrypick.simulator.peoplevox.template.Templates;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Peoplevox simulator's plain-Java parts; active with {@code cherrypick.simulator.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class PeoplevoxSimulatorConfiguration {
    /** Simulator time: UTC wall clock (local warehouse time is unknown). */
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    RuntimeSettings peoplevoxRuntimeSettings(PeoplevoxSimulatorProperties properties, Templates peoplevoxTemplates) {
        SimulatorSettings initial = properties.initialSettings();
        // Validate configured templates at start-up so a typo fails fast.
        initial = initial.withTemplates(peoplevoxTemplates.canonical(initial.templates()));
        return new RuntimeSettings(initial);
    }

    @Bean
    Templates peoplevoxTemplates() {
        return new Templates();
    }

    @Bean
    SubscriptionRegistry peoplevoxSubscriptions(PeoplevoxSimulatorProperties properties) {
        return new SubscriptionRegistry(properties.firstSubscriptionId());
    }

    @Bean(destroyMethod = "close")
    EventDelivery peoplevoxEventDelivery(SubscriptionRegistry peoplevoxSubscriptions,
            PeoplevoxSimulatorProperties properties, RuntimeSettings peoplevoxRuntimeSettings) {
        PeoplevoxSimulatorProperties.Delivery delivery = properties.delivery();
        return new EventDelivery(peoplevoxSubscriptions, new EventDelivery.Options(delivery.maxAttempts(),
                delivery.backoff(), delivery.reorderDelay(), delivery.timeout()),
                () -> peoplevoxRuntimeSettings.current().duplicateRate(),
                () -> peoplevoxRuntimeSettings.current().reorderRate());
    }

    @Bean
    Warehouse peoplevoxWarehouse(RuntimeSettings peoplevoxRuntimeSettings, EventDelivery peoplevoxEventDelivery) {
        return new Warehouse(CLOCK, peoplevoxRuntimeSettings::current, peoplevoxEventDelivery);
    }

    @Bean
    TemplateService peoplevoxTemplateService(Templates peoplevoxTemplates, Warehouse peoplevoxWarehouse) {
        return new TemplateService(peoplevoxTemplates, peoplevoxWarehouse);
    }

    @Bean
    ReportService peoplevoxReportService(Warehouse peoplevoxWarehouse) {
        return new ReportService(peoplevoxWarehouse);
    }

    @Bean
    SessionStore peoplevoxSessions() {
        return new SessionStore(CLOCK);
    }

    @Bean
    RateLimiter peoplevoxRateLimiter() {
        return new RateLimiter(CLOCK);
    }

    @Bean
    FaultInjector peoplevoxFaults() {
        return new FaultInjector();
    }

    @Bean
    CallLog peoplevoxCallLog() {
        return new CallLog();
    }
}

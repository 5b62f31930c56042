package io.cherrypick.runtime;

import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifierNamingStrategyDefault;
import org.apache.camel.spi.EventNotifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Times each call a route makes to an endpoint, and nothing else: {@code camel_exchange_event_notifier_seconds} with
 * {@code eventType="ExchangeSentEvent"} and the endpoint's base URI in {@code endpointName} (the sales channels' HTTP
 * calls, Peoplevox and Blue Cherry among them). Route timings come from the route policy.
 * <p>
 * It stands in for camel-micrometer's own exchange notifier ({@code camel.metrics.enable-exchange-event-notifier} is
 * false): that one also handles every exchange's created and completed events, and on each completed exchange looks
 * its "last exchange" gauge up with a search over all meters. At peak that search alone was a tenth of the CPU of the
 * order pull and sender, one completed exchange per pick.
 */
@Configuration
public class EndpointCallTimers {
    @Bean
    EventNotifier endpointCallTimer(MeterRegistry meters) {
        MicrometerExchangeEventNotifier notifier = new MicrometerExchangeEventNotifier();
        notifier.setMeterRegistry(meters);
        notifier.setNamingStrategy(new MicrometerExchangeEventNotifierNamingStrategyDefault(true));
        notifier.setIgnoreExchangeCreatedEvent(true);
        notifier.setIgnoreExchangeCompletedEvent(true);
        notifier.setIgnoreExchangeFailedEvents(true);
        notifier.setIgnoreExchangeRedeliveryEvents(true);
        notifier.setIgnoreExchangeSendingEvents(true);
        notifier.setIgnoreExchangeAsyncProcessingStartedEvents(true);
        notifier.setIgnoreCamelContextEvents(true);
        notifier.setIgnoreCamelContextInitEvents(true);
        notifier.setIgnoreRouteEvents(true);
        notifier.setIgnoreServiceEvents(true);
        notifier.setIgnoreStepEvents(true);
        return notifier;
    }
}

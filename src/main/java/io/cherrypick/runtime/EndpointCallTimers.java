package io.cherrypick.runtime;

import java.util.Set;

import org.apache.camel.Endpoint;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifierNamingStrategyDefault;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.spi.EventNotifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Times each call a route makes to another system or the database, and nothing else:
 * {@code camel_exchange_event_notifier_seconds} with {@code eventType="ExchangeSentEvent"} and the endpoint's base URI
 * in {@code endpointName} (the sales channels' HTTP calls, Peoplevox, Blue Cherry and SQL among them). Steps inside the
 * runtime (a route called with {@code direct:}, a mapping, a log, the hand-off) are not timed here: the route policy
 * times the routes, and a timer per record written to the hand-off was a twentieth of the order pull's CPU.
 * <p>
 * It stands in for camel-micrometer's own exchange notifier ({@code camel.metrics.enable-exchange-event-notifier} is
 * false): that one also handles every exchange's created and completed events, and on each completed exchange looks
 * its "last exchange" gauge up with a search over all meters. At peak that search alone was a tenth of the CPU of the
 * order pull and sender, one completed exchange per pick.
 */
@Configuration
public class EndpointCallTimers {
    /** Components whose endpoints are steps inside the runtime, not calls out of it. */
    static final Set<String> INTERNAL = Set.of("direct", "seda", "handoff", "mapping", "log", "bean", "class", "mock",
            "stub", "controlbus");

    @Bean
    EventNotifier endpointCallTimer(MeterRegistry meters) {
        MicrometerExchangeEventNotifier notifier = new MicrometerExchangeEventNotifier() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeSentEvent sent && !isInternal(sent.getEndpoint())
                        && super.isEnabled(event);
            }
        };
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

    static boolean isInternal(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int colon = uri.indexOf(':');
        return colon > 0 && INTERNAL.contains(uri.substring(0, colon));
    }
}

package io.cherrypick.simulator.peoplevox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Start-up configuration of the Peoplevox simulator ({@code cherrypick.simulator.peoplevox.*}). The values from
 * idleTimeout on are the defaults of the runtime configuration that {@code PUT /sim/peoplevox/_control/config}
 * changes and {@code POST /reset} restores.
 *
 * @param clientId      the one tenant the simulator serves (path and Authenticate clientId)
 * @param statusNames   display names of the order states, keyed NEW, ALLOCATED, PICKING, PACKED, DESPATCHED, CANCELLED
 * @param templates     field lists per template name, replacing the defaults (e.g. {@code templates[Sales orders]})
 * @param maxRecords    sales orders, despatches, received returns and goods receipts kept (each); past it the oldest
 *                      settled ones go first: a despatched or cancelled order, the oldest despatch, return, receipt
 */
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@ConfigurationProperties("cherrypick.simulator.peoplevox")
public record PeoplevoxSimulatorProperties(
        @DefaultValue("cherrypick-demo") String clientId,
        @DefaultValue("integration") String username,
        @DefaultValue("demo-password") String password,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("false") boolean rateLimitEnabled,
        @DefaultValue("15") int rateLimitRequests,
        @DefaultValue("15") int rateLimitWindowSeconds,
        @DefaultValue("1000") int pageCap,
        @DefaultValue("0") double duplicateRate,
        @DefaultValue("0") double reorderRate,
        @DefaultValue("false") boolean autoAllocate,
        @DefaultValue("PrimarySite") String defaultSite,
        @DefaultValue("1") int firstSubscriptionId,
        Map<String, String> statusNames,
        Map<String, List<String>> templates,
        @DefaultValue Delivery delivery,
        @DefaultValue("100000") int maxRecords) {

    /**
     * Event delivery (webhook calls).
     *
     * @param maxAttempts  attempts per delivery before it is logged as FAILED
     * @param backoff      delay before the first retry; doubles each retry
     * @param reorderDelay extra delay of deliveries picked by reorderRate, so later events overtake them
     * @param timeout      connect and response timeout of one attempt
     */
    public record Delivery(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200ms") Duration backoff,
            @DefaultValue("1500ms") Duration reorderDelay,
            @DefaultValue("5s") Duration timeout) {
    }

    public SimulatorSettings initialSettings() {
        return SimulatorSettings.defaults()
                .withIdleTimeoutSeconds(idleTimeout.toSeconds())
                .withRateLimit(rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds)
                .withPageCap(pageCap)
                .withDeliveryRates(duplicateRate, reorderRate)
                .withAllocation(autoAllocate, defaultSite)
                .withStatusNames(statusNames == null ? Map.of() : statusNames)
                .withTemplates(templates == null ? Map.of() : templates)
                .withMaxRecords(maxRecords);
    }
}

package io.cherrypick.flow.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The order flow's settings ({@code cherrypick.flows.sales-order}). {@code sites} and {@code shippers} seed the
 * mapping tables at start (operators change them through the ops API afterwards); {@code cancelledStatuses} lists the
 * Blue Cherry {@code ord_status} codes that mean a pick was voided or cancelled. {@code batchLinger}: how long a partial
 * batch may wait for more picks before it is sent anyway (fuller batches = fewer Peoplevox calls per order).
 */
@ConfigurationProperties("cherrypick.flows.sales-order")
public record SalesOrderProperties(boolean enabled, String pullCron, long sendInterval, int batchSize, int maxAttempts,
                                   Duration retryBackoff, Duration staleClaimAfter, Duration batchLinger,
                                   Map<String, String> sites,
                                   Map<String, String> shippers, List<String> cancelledStatuses, String channelName) {
    public SalesOrderProperties {
        if (batchSize <= 0 || batchSize > 100) {
            batchSize = 100;
        }
        if (maxAttempts <= 0) {
            maxAttempts = 5;
        }
        if (retryBackoff == null) {
            retryBackoff = Duration.ofSeconds(5);
        }
        if (staleClaimAfter == null) {
            staleClaimAfter = Duration.ofMinutes(2);
        }
        if (batchLinger == null) {
            batchLinger = Duration.ofMillis(500);
        }
        sites = sites == null ? Map.of() : sites;
        shippers = shippers == null ? Map.of() : shippers;
        if (cancelledStatuses == null) {
            cancelledStatuses = List.of("V", "C");
        }
        if (channelName == null) {
            channelName = "Blue Cherry";
        }
    }
}

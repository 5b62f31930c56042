package io.cherrypick.flow.amend;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Amendments and cancellations of picks already in Peoplevox ({@code cherrypick.flows.sales-order-change}).
 * {@code cutoffStatuses}: the Peoplevox sales-order statuses from which Cherrypick stops changing an order by itself
 * (default: from allocation onward); a change after the cut-off becomes an AFTER_CUTOFF exception for people.
 */
@ConfigurationProperties("cherrypick.flows.sales-order-change")
public record AmendmentProperties(boolean enabled, long interval, List<String> cutoffStatuses, int maxAttempts,
                                  Duration retryBackoff) {
    public AmendmentProperties {
        if (interval <= 0) {
            interval = 2000;
        }
        if (cutoffStatuses == null || cutoffStatuses.isEmpty()) {
            cutoffStatuses = List.of("Allocated", "Picking", "Packed", "Despatched");
        }
        if (maxAttempts <= 0) {
            maxAttempts = 5;
        }
        if (retryBackoff == null) {
            retryBackoff = Duration.ofSeconds(5);
        }
    }
}

package io.cherrypick.flow.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The order flow ({@code cherrypick.flows.sales-order}): released Blue Cherry picks to Peoplevox sales orders. The
 * schedules, sizes and retries are read by routes/sales-order-to-wms.camel.yaml; defaults in application.yml. The
 * mapping's own settings (e.g. {@code channel-name}) have their defaults in routes/mappings/sales-order.yaml.
 *
 * @param enabled           run the flow (its route group starts)
 * @param pullCron          how often Blue Cherry is asked for released picks (Quartz cron; clustered, so one instance
 *                          asks)
 * @param sendInterval      ms between sender runs while no pick waits
 * @param batchSize         picks per Peoplevox SaveData call (Peoplevox takes up to 100 rows)
 * @param maxAttempts       attempts of a failing send before the pick becomes an exception (0: not
 *                  counted; the time budget cherrypick.handoff.retry-for decides)
 * @param retryBackoff      the first wait before a failed send is tried again (doubling each attempt)
 * @param staleClaimAfter   a claim older than this belongs to an instance that stopped: its picks are taken over (and
 *                          looked up in Peoplevox first)
 * @param batchLinger       how long a partial batch may wait for more picks before it is sent anyway (a full batch
 *                          costs Peoplevox the same single call)
 * @param sites             Blue Cherry location to Peoplevox site reference; seeds mapping kind "site" at start
 *                          (operators change it through /api/mappings afterwards)
 * @param shippers          Blue Cherry shipper to Peoplevox service type; seeds mapping kind "shipper"
 * @param cancelledStatuses Blue Cherry ord_status codes that mean a pick was voided or cancelled: it is cancelled in
 *                          Peoplevox, or never sent (the codes are not public: V and C are assumed)
 * @param closedStatuses    Blue Cherry ord_status codes that mean a pick was closed or completed: nothing is sent or
 *                          cancelled for it (move C here if it means closed, or Cherrypick would cancel shipped orders)
 */
@Validated
@ConfigurationProperties("cherrypick.flows.sales-order")
public record SalesOrderProperties(boolean enabled, @NotBlank String pullCron, @Min(1) long sendInterval,
                                   @Min(1) @Max(100) int batchSize, @Min(0) int maxAttempts,
                                   @NotNull @DurationMin(millis = 1) Duration retryBackoff,
                                   @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter,
                                   @NotNull Duration batchLinger, Map<String, String> sites,
                                   Map<String, String> shippers, @NotNull List<String> cancelledStatuses,
                                   @NotNull List<String> closedStatuses) {
    public SalesOrderProperties {
        // set to nothing, a map binds as null: no mappings to seed
        sites = sites == null ? Map.of() : sites;
        shippers = shippers == null ? Map.of() : shippers;
    }
}

package io.cherrypick.setup;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The setup audit's settings ({@code cherrypick.setup}); defaults in application.yml. The audit reads the same
 * settings as the runtime for everything else (addresses, credentials, mappings, flows).
 *
 * @param examples          how many examples each check names (the count is always complete)
 * @param pacing            keeping to Peoplevox's rate limit: {@code auto} paces the audit's own calls at
 *                          cherrypick.peoplevox.rate-limit.requests per period when the client does not pace already,
 *                          unless Peoplevox is the built-in simulator; {@code always}; {@code never} (a simulator only)
 * @param pageSize          rows per Peoplevox GetData or GetReportData page (Peoplevox gives at most 1,000)
 * @param ordersLookback    order drift compares the picks and orders of this period (and every open pick, however old)
 * @param ordersGrace       a pick released less than this long ago may still be on its way to Peoplevox: not reported
 * @param returnsLookback   the returns received in this period give the return reasons and conditions to check
 * @param openStatuses      Blue Cherry ord_status codes of a pick the warehouse may still ship (assumed: O open, P
 *                          partly shipped; cancelled ones are cherrypick.flows.sales-order.cancelled-statuses)
 * @param stockResource     the Blue Cherry resource that lists stock on hand per SKU and location (no public Blue Cherry
 *                          API is known for it; the simulator's is x-sim/inventory); empty leaves the stock check out
 * @param largestVariances  how many of the largest stock variances the report lists and charts
 * @param capacityWarnAfter the capacity check warns when the work it estimates takes longer than this under the rate
 *                          limit
 * @param keepRuns          how many finished audits of POST /api/audit are kept in the database
 */
@Validated
@ConfigurationProperties("cherrypick.setup")
public record SetupProperties(@Min(1) @Max(100) int examples, @NotNull Pacing pacing, @Min(1) @Max(1000) int pageSize,
                              @NotNull @DurationMin(seconds = 1) Duration ordersLookback,
                              @NotNull Duration ordersGrace, @NotNull @DurationMin(seconds = 1) Duration returnsLookback,
                              @NotEmpty List<String> openStatuses, String stockResource, @Min(1) @Max(500) int largestVariances,
                              @NotNull Duration capacityWarnAfter, @Min(1) @Max(1000) int keepRuns) {

    /** How the audit keeps to Peoplevox's rate limit. */
    public enum Pacing {
        AUTO, ALWAYS, NEVER
    }

    public SetupProperties {
        stockResource = stockResource == null ? "" : stockResource.trim();
        openStatuses = openStatuses == null ? List.of() : openStatuses.stream().map(String::trim).toList();
    }
}

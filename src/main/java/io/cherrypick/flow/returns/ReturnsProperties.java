package io.cherrypick.flow.returns;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The returns flow's settings ({@code cherrypick.flows.returns}).
 * <ul>
 * <li>{@code pullCron}: when return authorisations are read from Blue Cherry ({@code authorisationResource});
 * {@code sendInterval} (ms), {@code batchSize}: how often and how many RAs go to Peoplevox (rows are sent ≤100 per
 * SaveData); {@code closedStatuses}: Blue Cherry RA statuses that mean nothing is expected any more.</li>
 * <li>{@code expectedReturn}: the Peoplevox template that takes expected returns and its field mapping (Peoplevox field
 * → Cherrypick value, see {@link ExpectedReturnMapper#SOURCES}).</li>
 * <li>{@code inboxInterval} (ms): how often received returns are taken from the inbox; {@code pollCron},
 * {@code pollLookback}, {@code pollOverlap}: the {@code Return summary} report poll.</li>
 * <li>{@code receiptSendInterval} (ms), {@code receiptBatchSize}: receipts to Blue Cherry ({@code receiptResource}).</li>
 * <li>{@code dispositions}: Peoplevox return condition → Blue Cherry disposition (A restock, D damaged, Q quarantine),
 * {@code defaultDisposition} for any other condition; {@code reasons}: Peoplevox return reason → Blue Cherry
 * reason_code (else the RA's). Both seed mapping tables that operators change through {@code /api/mappings}.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.returns")
public record ReturnsProperties(boolean enabled, String pullCron, long sendInterval, int batchSize,
                                List<String> closedStatuses, String authorisationResource, ExpectedReturn expectedReturn,
                                long inboxInterval, String pollCron, Duration pollLookback, Duration pollOverlap,
                                long receiptSendInterval, int receiptBatchSize, String receiptResource,
                                List<Disposition> dispositions, String defaultDisposition, List<Reason> reasons,
                                int maxAttempts, Duration retryBackoff, Duration staleClaimAfter) {

    /** The Peoplevox template for expected returns and its fields: Peoplevox field name → Cherrypick value. */
    public record ExpectedReturn(String template, Map<String, String> fields) {
        public ExpectedReturn {
            template = blank(template) ? "Returns" : template.trim();
            if (fields == null || fields.isEmpty()) {
                fields = new LinkedHashMap<>();
                fields.put("RmaNumber", "ra_num");
                fields.put("SalesOrderNumber", "pick_num");
                fields.put("ItemCode", "item_code");
                fields.put("Quantity", "quantity");
                fields.put("ReturnReason", "reason_code");
                fields.put("Comments", "comments");
                fields.put("Site", "site");
            }
            fields = new LinkedHashMap<>(fields);
        }
    }

    /** A Peoplevox return condition and the Blue Cherry disposition it gets. */
    public record Disposition(String condition, String disposition) {
    }

    /** A Peoplevox return reason and the Blue Cherry reason_code it gets. */
    public record Reason(String peoplevox, String bluecherry) {
    }

    public ReturnsProperties {
        pullCron = blank(pullCron) ? "0 0/5 * * * ?" : pullCron;
        sendInterval = sendInterval <= 0 ? 5000 : sendInterval;
        batchSize = batchSize <= 0 || batchSize > 100 ? 100 : batchSize;
        closedStatuses = closedStatuses == null ? List.of("RECEIVED", "CLOSED", "CANCELLED") : List.copyOf(closedStatuses);
        authorisationResource = blank(authorisationResource) ? "x-sim/returnAuthorization" : authorisationResource.trim();
        expectedReturn = expectedReturn == null ? new ExpectedReturn(null, null) : expectedReturn;
        inboxInterval = inboxInterval <= 0 ? 1000 : inboxInterval;
        pollCron = blank(pollCron) ? "0 0/10 * * * ?" : pollCron;
        pollLookback = pollLookback == null ? Duration.ofDays(2) : pollLookback;
        pollOverlap = pollOverlap == null ? Duration.ofHours(1) : pollOverlap;
        receiptSendInterval = receiptSendInterval <= 0 ? 5000 : receiptSendInterval;
        receiptBatchSize = receiptBatchSize <= 0 || receiptBatchSize > 200 ? 50 : receiptBatchSize;
        receiptResource = blank(receiptResource) ? "x-sim/ReturnReceiptAdvice" : receiptResource.trim();
        dispositions = dispositions == null
                ? List.of(new Disposition("Good", "A"), new Disposition("Damaged", "D"))
                : List.copyOf(dispositions);
        defaultDisposition = blank(defaultDisposition) ? "Q" : defaultDisposition.trim();
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        staleClaimAfter = staleClaimAfter == null ? Duration.ofMinutes(2) : staleClaimAfter;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

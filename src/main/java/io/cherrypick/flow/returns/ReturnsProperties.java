package io.cherrypick.flow.returns;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The returns flow's settings ({@code cherrypick.flows.returns}) that its Java steps read; the schedules, batch sizes,
 * resources and retries are read by routes/returns.camel.yaml, the expected-return and receipt fields by
 * routes/mappings/expected-return.yaml and return-receipt.yaml.
 * <ul>
 * <li>{@code closedStatuses}: Blue Cherry RA statuses that mean nothing is expected any more.</li>
 * <li>{@code dispositions}: Peoplevox return condition → Blue Cherry disposition (A restock, D damaged, Q quarantine),
 * {@code defaultDisposition} for any other condition; {@code reasons}: Peoplevox return reason → Blue Cherry
 * reason_code (else the RA's). Both seed mapping tables that operators change through {@code /api/mappings}.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.returns")
public record ReturnsProperties(boolean enabled, List<String> closedStatuses, List<Disposition> dispositions,
                                String defaultDisposition, List<Reason> reasons) {

    /** A Peoplevox return condition and the Blue Cherry disposition it gets. */
    public record Disposition(String condition, String disposition) {
    }

    /** A Peoplevox return reason and the Blue Cherry reason_code it gets. */
    public record Reason(String peoplevox, String bluecherry) {
    }

    public ReturnsProperties {
        closedStatuses = closedStatuses == null ? List.of("RECEIVED", "CLOSED", "CANCELLED") : List.copyOf(closedStatuses);
        dispositions = dispositions == null
                ? List.of(new Disposition("Good", "A"), new Disposition("Damaged", "D"))
                : List.copyOf(dispositions);
        defaultDisposition = defaultDisposition == null || defaultDisposition.isBlank() ? "Q" : defaultDisposition.trim();
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

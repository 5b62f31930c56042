package io.cherrypick.flow.returns;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.mapping.MappingSourceAdapter;
import io.cherrypick.mapping.TypedSource;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ValueMappingStore;

/**
 * The returns flow's start-up: the Peoplevox {@code Returns} event (stored by the webhook in queue
 * {@code return-receipt-events}), the mapping sources of its two mapping files, and the disposition and reason mappings
 * seeded from configuration. The flow itself is routes/returns.camel.yaml.
 */
@Configuration
public class ReturnsFlow implements InitializingBean {
    /** Queue (and exceptions' flow) of Blue Cherry RAs on their way to Peoplevox, as routes/returns.camel.yaml names it. */
    public static final String AUTHORISATION_FLOW = "return-authorisation";
    /** Queue (and exceptions' flow) of received returns on their way to Blue Cherry, as routes/returns.camel.yaml names it. */
    public static final String RECEIPT_FLOW = "return-receipt";
    /** Mapping kind: Peoplevox return condition to Blue Cherry disposition (A, D, Q). */
    public static final String DISPOSITION_MAPPING = "return-disposition";
    /** Mapping kind: Peoplevox return reason to Blue Cherry reason_code. */
    public static final String REASON_MAPPING = "return-reason";

    /** The Peoplevox report a return is read from before anything is credited (routes/returns.camel.yaml polls it too). */
    public static final String RETURN_REPORT = "Return summary";

    static final List<String> EVENT_FIELDS = List.of("ReturnCode", "SalesOrderNumber", "ItemCode", "Quantity",
            "ReturnReason", "ReturnCondition", "SiteReference", "RmaNumber");

    private final ReturnsProperties props;
    private final ValueMappingStore mappings;

    public ReturnsFlow(ReturnsProperties props, ValueMappingStore mappings) {
        this.props = props;
        this.mappings = mappings;
    }

    /**
     * Peoplevox {@code Returns}: only the trigger to read the return from the Return summary report. Keyed
     * Returns:code|item|quantity, so a redelivery is stored once and a later booking of another quantity is a new event
     * (a later booking of the same quantity is brought by the report poll, whose key carries the return date).
     */
    @Bean
    EventSpec returnsEvents() {
        return new EventSpec("Returns", RECEIPT_FLOW, EVENT_FIELDS, List.of("ReturnCode", "ItemCode", "Quantity"),
                List.of("ReturnCode", "ItemCode", "Quantity"), props.enabled());
    }

    /** {@code source: return-authorisation} in routes/mappings/expected-return.yaml. */
    @Bean
    MappingSourceAdapter returnAuthorisationSource() {
        return new TypedSource("return-authorisation", ExpectedReturn.class);
    }

    /** {@code source: return-receipt} in routes/mappings/return-receipt.yaml. */
    @Bean
    MappingSourceAdapter returnReceiptSource() {
        return new TypedSource("return-receipt", ReceiptCredit.class);
    }

    /** Runs before any route starts: the configured dispositions and reasons, unless an operator already set them. */
    @Override
    public void afterPropertiesSet() {
        for (ReturnsProperties.Disposition d : props.dispositions()) {
            if (d.condition() != null && d.disposition() != null) {
                mappings.putIfAbsent(DISPOSITION_MAPPING, d.condition().trim(), d.disposition().trim());
            }
        }
        for (ReturnsProperties.Reason r : props.reasons()) {
            if (r.peoplevox() != null && r.bluecherry() != null) {
                mappings.putIfAbsent(REASON_MAPPING, r.peoplevox().trim(), r.bluecherry().trim());
            }
        }
    }
}

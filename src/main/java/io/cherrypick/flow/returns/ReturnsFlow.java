package io.cherrypick.flow.returns;

import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxFailureHandler.FlowRetryPolicy;
import io.cherrypick.flow.OutboxFlow;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.ValueMappingStore;

/**
 * The returns flow's wiring: two outbox flows (RAs to Peoplevox, receipts to Blue Cherry) with their retry policies and
 * what a given-up or replayed record means for the return's state, the Peoplevox {@code Returns} event, the idempotent
 * repository of receipts, and the disposition and reason mappings seeded from configuration.
 */
@Configuration
public class ReturnsFlow implements InitializingBean {
    /** Outbox flow: Blue Cherry RAs on their way to Peoplevox (business key = ra_num). */
    public static final String AUTHORISATION_FLOW = "return-authorisation";
    /** Inbox and outbox flow: Peoplevox received returns on their way to Blue Cherry (key = return code|item). */
    public static final String RECEIPT_FLOW = "return-receipt";
    public static final String PULL_ROUTE = "return-authorisation-pull";
    public static final String SEND_ROUTE = "return-authorisation-to-wms";
    public static final String INBOX_ROUTE = "return-receipt-inbox";
    public static final String POLL_ROUTE = "return-summary-poll";
    public static final String RECEIPT_ROUTE = "return-receipt-to-erp";
    /** Mapping kind: Peoplevox return condition to Blue Cherry disposition (A, D, Q). */
    public static final String DISPOSITION_MAPPING = "return-disposition";
    /** Mapping kind: Peoplevox return reason to Blue Cherry reason_code. */
    public static final String REASON_MAPPING = "return-reason";

    static final String RETURNS_EVENT = "Returns";
    /** Inbox event type of a return found by the report poll. */
    static final String REPORT_ROW = "ReturnSummary";
    static final List<String> EVENT_FIELDS = List.of("ReturnCode", "SalesOrderNumber", "ItemCode", "Quantity",
            "ReturnReason", "ReturnCondition", "SiteReference", "RmaNumber");

    private final ReturnsProperties props;
    private final ReturnStore store;
    private final ValueMappingStore mappings;

    public ReturnsFlow(ReturnsProperties props, ReturnStore store, ValueMappingStore mappings) {
        this.props = props;
        this.store = store;
        this.mappings = mappings;
    }

    /** Peoplevox {@code Returns}: one inbox event per return code + item, whatever the number of deliveries. */
    @Bean
    EventSpec returnsEvents() {
        return new EventSpec(RETURNS_EVENT, RECEIPT_FLOW, EVENT_FIELDS, List.of("ReturnCode", "ItemCode", "Quantity"),
                List.of("ReturnCode", "ItemCode"), props.enabled());
    }

    @Bean
    FlowRetryPolicy returnAuthorisationRetryPolicy() {
        return new FlowRetryPolicy(AUTHORISATION_FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }

    @Bean
    FlowRetryPolicy returnReceiptRetryPolicy() {
        return new FlowRetryPolicy(RECEIPT_FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }

    /** Receipts Blue Cherry accepted, by return code|item (Camel JDBC idempotent repository, table CAMEL_MESSAGEPROCESSED). */
    @Bean
    JdbcMessageIdRepository returnReceiptsSent(DataSource dataSource, TransactionTemplate tx) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(dataSource, tx, RECEIPT_ROUTE);
        repo.setCreateTableIfNotExists(false);
        return repo;
    }

    @Bean
    OutboxFlow returnAuthorisationOutbox() {
        return new OutboxFlow() {
            @Override
            public String flow() {
                return AUTHORISATION_FLOW;
            }

            @Override
            public String routeId() {
                return SEND_ROUTE;
            }

            @Override
            public void onGivenUp(OutboxRow row, Category category, String message) {
                store.flagException(row.businessKey(), true);
                store.note(row.businessKey(), message);
            }

            @Override
            public void onReplay(OutboxRow row) {
                store.note(row.businessKey(), "replayed by an operator: queued for Peoplevox again");
            }
        };
    }

    @Bean
    OutboxFlow returnReceiptOutbox() {
        return new OutboxFlow() {
            @Override
            public String flow() {
                return RECEIPT_FLOW;
            }

            @Override
            public String routeId() {
                return RECEIPT_ROUTE;
            }

            @Override
            public void onGivenUp(OutboxRow row, Category category, String message) {
                String[] key = splitKey(row.businessKey());
                store.receiptState(key[0], key[1], ReceiptState.EXCEPTION, message);
            }

            @Override
            public void onReplay(OutboxRow row) {
                String[] key = splitKey(row.businessKey());
                store.receiptState(key[0], key[1], ReceiptState.RECEIVED, "replayed: matched and sent to Blue Cherry again");
            }
        };
    }

    /** Return code and item code of a receipt's business key. */
    static String[] splitKey(String businessKey) {
        int bar = businessKey.indexOf('|');
        return bar < 0 ? new String[] {businessKey, ""} : new String[] {businessKey.substring(0, bar), businessKey.substring(bar + 1)};
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

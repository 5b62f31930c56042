package io.cherrypick.flow.despatch;

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
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.ValueMappingStore;

/**
 * The despatch flow's wiring: the Peoplevox events it consumes, its outbox name and retry policy, its idempotent
 * repository, and the configured carrier mapping seeded into the mapping table.
 */
@Configuration
public class DespatchFlow implements OutboxFlow, InitializingBean {
    public static final String FLOW = "despatch";
    public static final String INBOX_ROUTE = "despatch-inbox";
    public static final String POLL_ROUTE = "despatch-report-poll";
    public static final String SEND_ROUTE = "despatch-to-blue-cherry";
    /** Mapping kind: Peoplevox service type (or carrier) name to {@code SHIPPER/SCAC} of Blue Cherry. */
    public static final String CARRIER_MAPPING = "carrier";

    static final String TRACKING_NUMBER_RECEIVED = "TrackingNumberReceived";
    static final String STATUS_CHANGES = "SalesOrderStatusChanges";
    static final String PACKAGE_DESPATCHED = "DespatchPackageDespatched";
    static final String PACKAGE_TRACKING = "DespatchPackageTrackingNumberReceived";
    /** Inbox event type of a despatch found by the report poll. */
    static final String REPORT_ROW = "DespatchSummary";

    private final DespatchProperties props;
    private final OrderLifecycleStore lifecycle;
    private final ValueMappingStore mappings;

    public DespatchFlow(DespatchProperties props, OrderLifecycleStore lifecycle, ValueMappingStore mappings) {
        this.props = props;
        this.lifecycle = lifecycle;
        this.mappings = mappings;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public String routeId() {
        return SEND_ROUTE;
    }

    @Override
    public void onGivenUp(OutboxRow row, Category category, String message) {
        // the lifecycle is keyed by pick; the payload names it
        String pick = DespatchPayloads.pickOf(row.payload());
        if (pick != null) {
            lifecycle.flagException(pick, true);
            lifecycle.note(pick, message);
        }
    }

    @Bean
    FlowRetryPolicy despatchRetryPolicy() {
        return new FlowRetryPolicy(FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }

    /** Despatch numbers Blue Cherry accepted (Camel JDBC idempotent repository, table CAMEL_MESSAGEPROCESSED). */
    @Bean
    JdbcMessageIdRepository despatchSentShipments(DataSource dataSource, TransactionTemplate tx) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(dataSource, tx, SEND_ROUTE);
        repo.setCreateTableIfNotExists(false);
        return repo;
    }

    @Bean
    EventSpec despatchTrackingNumberEvents() {
        return new EventSpec(TRACKING_NUMBER_RECEIVED, FLOW, List.of("DespatchNumber", "TrackingNumber", "Carrier.Name",
                "ServiceType.Name", "ServiceType.Code", "Picks.SalesOrder.SalesOrderNumber"), List.of("DespatchNumber"),
                List.of("DespatchNumber", "TrackingNumber"), props.enabled());
    }

    @Bean
    EventSpec despatchPackageDespatchedEvents() {
        return packageSpec(PACKAGE_DESPATCHED, List.of("DespatchNumber", "PackageNumber"));
    }

    @Bean
    EventSpec despatchPackageTrackingEvents() {
        return packageSpec(PACKAGE_TRACKING, List.of("DespatchNumber", "PackageNumber", "TrackingNumber"));
    }

    @Bean
    EventSpec salesOrderStatusEvents() {
        List<String> fields = List.of("SalesOrderNumber", "SalesOrderStatus.Name", "LastModificationTime");
        return new EventSpec(STATUS_CHANGES, FLOW, fields, fields, fields, props.enabled());
    }

    private EventSpec packageSpec(String type, List<String> key) {
        return new EventSpec(type, FLOW, List.of("DespatchNumber", "PackageNumber", "TrackingNumber", "SalesOrderNumber"),
                List.of("DespatchNumber", "PackageNumber"), key, props.enabled());
    }

    /** Runs before any route starts, so the first shipment already sees the configured carriers. */
    @Override
    public void afterPropertiesSet() {
        for (DespatchProperties.Carrier c : props.carriers()) {
            mappings.putIfAbsent(CARRIER_MAPPING, c.service(), c.shipper() + "/" + c.scac());
        }
    }
}

package io.cherrypick.flow.despatch;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ValueMappingStore;

/**
 * The despatch flow's start-up: the Peoplevox events it consumes (stored by the webhook in queue
 * {@code despatch-events}) and the configured carrier mapping seeded into the tenant's code lists. The flow itself is
 * routes/despatch-from-wms.camel.yaml.
 */
@Configuration
public class DespatchFlow implements InitializingBean {
    /** The webhook's flow name: events land in hand-off queue {@code despatch-events}. */
    static final String EVENTS = "despatch";
    /** Mapping kind: Peoplevox service type (or carrier) name to {@code SHIPPER/SCAC} of Blue Cherry. */
    public static final String CARRIER_MAPPING = "carrier";

    private final DespatchProperties props;
    private final ValueMappingStore mappings;

    public DespatchFlow(DespatchProperties props, ValueMappingStore mappings) {
        this.props = props;
        this.mappings = mappings;
    }

    @Bean
    EventSpec despatchTrackingNumberEvents() {
        return new EventSpec("TrackingNumberReceived", EVENTS, List.of("DespatchNumber", "TrackingNumber", "Carrier.Name",
                "ServiceType.Name", "ServiceType.Code", "Picks.SalesOrder.SalesOrderNumber"), List.of("DespatchNumber"),
                List.of("DespatchNumber", "TrackingNumber"), props.enabled());
    }

    @Bean
    EventSpec despatchPackageDespatchedEvents() {
        return packageSpec("DespatchPackageDespatched", List.of("DespatchNumber", "PackageNumber"));
    }

    @Bean
    EventSpec despatchPackageTrackingEvents() {
        return packageSpec("DespatchPackageTrackingNumberReceived", List.of("DespatchNumber", "PackageNumber", "TrackingNumber"));
    }

    @Bean
    EventSpec salesOrderStatusEvents() {
        List<String> fields = List.of("SalesOrderNumber", "SalesOrderStatus.Name", "LastModificationTime");
        return new EventSpec("SalesOrderStatusChanges", EVENTS, fields, fields, fields, props.enabled());
    }

    private EventSpec packageSpec(String type, List<String> key) {
        return new EventSpec(type, EVENTS, List.of("DespatchNumber", "PackageNumber", "TrackingNumber", "SalesOrderNumber"),
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

package io.cherrypick.flow.despatch;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ValueMappingStore;

/**
 * The despatch flow's start-up: the Peoplevox events it consumes (stored by the webhook in queue
 * {@code despatch-events}), the configured carrier mapping seeded into the tenant's code lists, and the check of the
 * Despatch summary report's columns (which mode: one carton per despatch, or per package). The flow itself is
 * routes/despatch-from-wms.camel.yaml.
 */
@Configuration
public class DespatchFlow implements InitializingBean {
    /** The webhook's flow name: events land in hand-off queue {@code despatch-events}. */
    static final String EVENTS = "despatch";
    /** Mapping kind: Peoplevox service type (or carrier) name to {@code SHIPPER/SCAC} of Blue Cherry. */
    public static final String CARRIER_MAPPING = "carrier";

    private static final Logger log = LoggerFactory.getLogger(DespatchFlow.class);

    private final DespatchProperties props;
    private final ValueMappingStore mappings;
    private final PeoplevoxDespatches despatches;

    public DespatchFlow(DespatchProperties props, ValueMappingStore mappings, PeoplevoxDespatches despatches) {
        this.props = props;
        this.mappings = mappings;
        this.despatches = despatches;
    }

    /**
     * Documented (2017 WSDL; placeholders {DespatchNumber} and {TrackingNumber} seen in public client code). The event
     * only says which despatch to read from the Despatch summary report.
     */
    @Bean
    EventSpec despatchTrackingNumberEvents() {
        return new EventSpec("TrackingNumberReceived", EVENTS, List.of("DespatchNumber", "TrackingNumber",
                "Picks.SalesOrder.SalesOrderNumber"), List.of("DespatchNumber"), List.of("DespatchNumber", "TrackingNumber"),
                props.enabled());
    }

    /**
     * Newer event types whose placeholders no public source shows: {DespatchNumber} is assumed, so they are subscribed
     * only with {@code package-events}. No package number is asked for: the event only triggers the read.
     */
    @Bean
    EventSpec despatchPackageDespatchedEvents() {
        return packageSpec("DespatchPackageDespatched");
    }

    @Bean
    EventSpec despatchPackageTrackingEvents() {
        return packageSpec("DespatchPackageTrackingNumberReceived");
    }

    @Bean
    EventSpec salesOrderStatusEvents() {
        List<String> fields = List.of("SalesOrderNumber", "SalesOrderStatus.Name", "LastModificationTime");
        return new EventSpec("SalesOrderStatusChanges", EVENTS, fields, fields, fields, props.enabled());
    }

    private EventSpec packageSpec(String type) {
        return new EventSpec(type, EVENTS, List.of("DespatchNumber", "TrackingNumber"), List.of("DespatchNumber"),
                List.of("DespatchNumber", "TrackingNumber"), props.enabled() && props.packageEvents());
    }

    /** Once the application (and the built-in simulator) answers: which despatch mode the tenant's report allows. */
    @EventListener(ApplicationReadyEvent.class)
    public void detectReportLayout() {
        if (!props.enabled()) {
            return;
        }
        try {
            despatches.detect(); // logs the mode, or the setup error
        } catch (RuntimeException e) {
            log.warn("Despatch confirmations: the columns of Peoplevox report '{}' could not be read at start ({});"
                    + " the first read of a despatch checks them", PeoplevoxDespatches.REPORT, e.getMessage());
        }
    }

    /** Runs before any route starts, so the first shipment already sees the configured carriers. */
    @Override
    public void afterPropertiesSet() {
        for (DespatchProperties.Carrier c : props.carriers()) {
            mappings.putIfAbsent(CARRIER_MAPPING, c.service(), c.shipper() + "/" + c.scac());
        }
    }
}

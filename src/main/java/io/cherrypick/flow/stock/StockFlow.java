package io.cherrypick.flow.stock;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ValueMappingStore;

/**
 * The stock flow's wiring: the Peoplevox events it consumes (AvailabilityChanges, IncrementalChanges; the shared
 * webhook stores them in hand-off queue {@code stock-events}, which routes/stock-from-wms.camel.yaml consumes) and the
 * configured safety buffers seeded into mapping kind {@code stock-buffer}.
 */
@Configuration
public class StockFlow implements InitializingBean {
    /** The flow the webhook stores the events under (queue {@code <flow>-events}). */
    public static final String FLOW = "stock";

    static final String AVAILABILITY_CHANGES = "AvailabilityChanges";
    static final String INCREMENTAL_CHANGES = "IncrementalChanges";

    private final StockProperties props;
    private final ValueMappingStore mappings;

    public StockFlow(StockProperties props, ValueMappingStore mappings) {
        this.props = props;
        this.mappings = mappings;
    }

    /**
     * Availability per SKU and site. Only ItemCode and Available are documented placeholders; the others are asked for
     * and used when Peoplevox fills them. The key holds every value, so a repeated delivery is stored once and two
     * different levels in the same second are both kept; an event without LastModificationTime is never taken for a
     * duplicate (5 → 3 → 5 would otherwise leave the channels at 3; a repeated level is harmless).
     */
    @Bean
    EventSpec stockAvailabilityEvents() {
        List<String> fields = List.of("ItemCode", "Available", "SiteReference", "OnHand", "Allocated", "LastModificationTime");
        return new EventSpec(AVAILABILITY_CHANGES, FLOW, fields, List.of("ItemCode", "Available"), fields, props.enabled(),
                "LastModificationTime");
    }

    /** On hand movements (a despatch moves on hand but not availability): the level is read again. */
    @Bean
    EventSpec stockIncrementalEvents() {
        List<String> fields = List.of("ItemType.ItemCode", "SiteReference", "QuantityChanged", "UpdateTimestamp", "Reason");
        return new EventSpec(INCREMENTAL_CHANGES, FLOW, fields, List.of("ItemType.ItemCode"), fields, props.enabled(),
                "UpdateTimestamp");
    }

    /** Runs before any route starts, so the first push already sees the configured buffers. */
    @Override
    public void afterPropertiesSet() {
        for (StockProperties.Buffer b : props.buffers()) {
            String site = b.site() == null || b.site().isBlank() ? "*" : b.site().trim();
            String source = b.sku() == null || b.sku().isBlank() ? site : site + ":" + b.sku().trim();
            mappings.putIfAbsent(ChannelRules.BUFFER_KIND, source, Integer.toString(Math.max(0, b.units())));
        }
    }
}

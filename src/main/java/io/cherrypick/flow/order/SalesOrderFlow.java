package io.cherrypick.flow.order;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.store.ValueMappingStore;

/**
 * The order flow's start-up: the configured location and shipper mappings ({@code cherrypick.flows.sales-order.sites},
 * {@code shippers}) are seeded into the tenant's code lists unless an operator already set them. The flow itself is
 * routes/sales-order-to-wms.camel.yaml.
 */
@Configuration
public class SalesOrderFlow implements InitializingBean {
    private final SalesOrderProperties props;
    private final ValueMappingStore mappings;

    public SalesOrderFlow(SalesOrderProperties props, ValueMappingStore mappings) {
        this.props = props;
        this.mappings = mappings;
    }

    /** Runs before any route starts, so the first pull already sees the configured mappings. */
    @Override
    public void afterPropertiesSet() {
        props.sites().forEach((location, site) -> mappings.putIfAbsent(ValueMappingStore.SITE, location, site));
        props.shippers().forEach((shipper, service) -> mappings.putIfAbsent(ValueMappingStore.SHIPPER, shipper, service));
    }
}

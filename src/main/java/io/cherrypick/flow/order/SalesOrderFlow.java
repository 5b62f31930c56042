package io.cherrypick.flow.order;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxFailureHandler.FlowRetryPolicy;
import io.cherrypick.flow.OutboxFlow;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.ValueMappingStore;

/**
 * The order flow's wiring: its outbox name, its retry policy, what a given-up order means for its lifecycle, and the
 * configured location and shipper mappings seeded into the mapping table.
 */
@Configuration
public class SalesOrderFlow implements OutboxFlow, InitializingBean {
    public static final String FLOW = "sales-order";
    public static final String CHANGE_FLOW = "sales-order-change";
    public static final String PULL_ROUTE = "sales-order-pull";
    public static final String SEND_ROUTE = "sales-order-to-wms";
    public static final String AMEND_ROUTE = "sales-order-amend";

    private final SalesOrderProperties props;
    private final OrderLifecycleStore lifecycle;
    private final ValueMappingStore mappings;

    public SalesOrderFlow(SalesOrderProperties props, OrderLifecycleStore lifecycle, ValueMappingStore mappings) {
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
        lifecycle.moveTo(row.businessKey(), LifecycleState.HELD_IN_BLUE_CHERRY, message);
        lifecycle.flagException(row.businessKey(), true);
    }

    @Override
    public void onReplay(OutboxRow row) {
        lifecycle.moveTo(row.businessKey(), LifecycleState.QUEUED_IN_CHERRYPICK, "replayed by an operator");
    }

    @Bean
    FlowRetryPolicy salesOrderRetryPolicy() {
        return new FlowRetryPolicy(FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }

    /** Runs before any route starts, so the first pull already sees the configured mappings. */
    @Override
    public void afterPropertiesSet() {
        props.sites().forEach((location, site) -> mappings.putIfAbsent(ValueMappingStore.SITE, location, site));
        props.shippers().forEach((shipper, service) -> mappings.putIfAbsent(ValueMappingStore.SHIPPER, shipper, service));
    }
}

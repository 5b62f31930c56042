package io.cherrypick.flow.item;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxFailureHandler.FlowRetryPolicy;
import io.cherrypick.flow.OutboxFlow;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.store.OutboxRow;

/**
 * The item master flow's wiring: Blue Cherry styles queue in the outbox (one row per style revision) and go to
 * Peoplevox as item types. A style given up after its attempts is an exception like any other; nothing else follows.
 */
@Configuration
public class ItemFlow implements OutboxFlow {
    public static final String FLOW = "item";
    public static final String PULL_ROUTE = "item-pull";
    public static final String SEND_ROUTE = "item-master-to-wms";
    public static final String DRIFT_ROUTE = "item-drift-check";
    public static final String TEMPLATE = "Item types";

    private final ItemFlowProperties props;

    public ItemFlow(ItemFlowProperties props) {
        this.props = props;
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
        // the exception (with the style payload) is the record of it; a replay or the next revision sends it
    }

    @Bean
    FlowRetryPolicy itemRetryPolicy() {
        return new FlowRetryPolicy(FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }
}

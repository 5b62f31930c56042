package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A flow is switched by its routes' group: with cherrypick.flows.sales-order-change.enabled=true and the order flow off
 * (the test profile's default), the amendment route runs, the order routes (group sales-order, templated route included)
 * are loaded but not started, and routes without a group (the dead letters) always run.
 */
@SpringBootTest(properties = {"camel.main.routes-include-pattern=file:routes/*.camel.yaml",
        "cherrypick.flows.sales-order-change.enabled=true"})
@ActiveProfiles("test")
class FlowSwitchTest {
    @Autowired CamelContext camel;

    @Test
    void routesStartWhenTheirFlowIsSwitchedOn() {
        assertThat(status("sales-order-amend")).isEqualTo(ServiceStatus.Started);
        assertThat(status("sales-order-pull")).isEqualTo(ServiceStatus.Stopped);
        assertThat(status("sales-order-to-wms")).as("a templated route").isEqualTo(ServiceStatus.Stopped);
        assertThat(status("dead-letter")).isEqualTo(ServiceStatus.Started);
    }

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }
}

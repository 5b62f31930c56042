package io.cherrypick.runtime;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Switches flows on and off by their routes' {@code group}: a route of group {@code G} starts only when
 * {@code cherrypick.flows.G.enabled} (or, for the watching routes, {@code cherrypick.G.enabled}) is not false. A flow's
 * name is thus declared once, in its routes' group, and its switch is configuration; the route files need no
 * {@code autoStartup} placeholders (which the Camel YAML DSL schema does not allow). Routes without a group always run.
 */
@Component
public class FlowSwitch implements RoutePolicyFactory {
    private static final Logger log = LoggerFactory.getLogger(FlowSwitch.class);

    private final Environment environment;

    public FlowSwitch(Environment environment) {
        this.environment = environment;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode node) {
        String group = groupOf(node);
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                if (group != null && !group.isBlank() && !enabled(group)) {
                    route.setAutoStartup(false);
                    log.debug("route {} not started: flow {} is switched off", route.getRouteId(), group);
                }
            }
        };
    }

    /** The route's group; in a templated route, with the template's parameters filled in (group: "{{flow}}"). */
    private static String groupOf(NamedNode node) {
        if (!(node instanceof RouteDefinition route) || route.getGroup() == null) {
            return null;
        }
        String group = route.getGroup();
        Map<String, Object> parameters = route.getTemplateParameters();
        if (parameters != null) {
            for (Map.Entry<String, Object> p : parameters.entrySet()) {
                group = group.replace("{{" + p.getKey() + "}}", String.valueOf(p.getValue()));
            }
        }
        return group;
    }

    /** Whether the flow named {@code group} runs. */
    public boolean enabled(String group) {
        String flow = environment.getProperty("cherrypick.flows." + group + ".enabled");
        String other = environment.getProperty("cherrypick." + group + ".enabled");
        String value = flow != null ? flow : other;
        return value == null || Boolean.parseBoolean(value.trim());
    }
}

package io.cherrypick.peoplevox;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code peoplevox:} component: Peoplevox IntegrationServiceV4 as Camel endpoints, {@code peoplevox:<operation>}
 * with operation {@code save}, {@code get}, {@code report}, {@code subscribe} or {@code unsubscribe}. Sessions,
 * re-authentication, pacing and the reading of Peoplevox's answers live in the one {@link PeoplevoxClient} every
 * endpoint shares. Registered as the Spring bean {@code peoplevox}.
 */
@Component("peoplevox")
@org.springframework.stereotype.Component("peoplevox")
public class PeoplevoxComponent extends DefaultComponent {
    private final PeoplevoxClient client;

    public PeoplevoxComponent(PeoplevoxClient client) {
        this.client = client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PeoplevoxEndpoint.Operation operation;
        try {
            operation = PeoplevoxEndpoint.Operation.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("peoplevox:" + remaining + " is not an operation; use save, get, report,"
                    + " subscribe or unsubscribe (uri " + uri + ")", unknown);
        }
        PeoplevoxEndpoint endpoint = new PeoplevoxEndpoint(uri, this, operation);
        setProperties(endpoint, parameters);
        endpoint.check();
        return endpoint;
    }

    PeoplevoxClient client() {
        return client;
    }
}

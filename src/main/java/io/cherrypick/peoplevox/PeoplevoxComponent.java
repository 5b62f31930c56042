package io.cherrypick.peoplevox;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SyncCursorStore;

/**
 * The {@code peoplevox:} component: Peoplevox IntegrationServiceV4 as Camel endpoints, {@code peoplevox:<operation>}
 * with operation {@code save}, {@code get}, {@code report}, {@code subscribe} or {@code unsubscribe};
 * {@code from: peoplevox:report} polls a report from a date cursor. Sessions,
 * re-authentication, pacing and the reading of Peoplevox's answers live in the one {@link PeoplevoxClient} every
 * endpoint shares. Registered as the Spring bean {@code peoplevox}.
 */
@Component("peoplevox")
@org.springframework.stereotype.Component("peoplevox")
public class PeoplevoxComponent extends DefaultComponent {
    private final PeoplevoxClient client;
    private final SyncCursorStore cursors;
    private final ExceptionStore exceptions;
    private final TransactionTemplate tx;

    /** Producers only (no report consumer: it needs the cursor store, the exceptions and transactions). */
    public PeoplevoxComponent(PeoplevoxClient client) {
        this(client, null, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public PeoplevoxComponent(PeoplevoxClient client, SyncCursorStore cursors, ExceptionStore exceptions,
                              TransactionTemplate tx) {
        this.client = client;
        this.cursors = cursors;
        this.exceptions = exceptions;
        this.tx = tx;
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

    SyncCursorStore cursors() {
        return required(cursors, "the cursor store");
    }

    ExceptionStore exceptions() {
        return required(exceptions, "the exception store");
    }

    TransactionTemplate tx() {
        return required(tx, "transactions");
    }

    private static <T> T required(T dependency, String what) {
        if (dependency == null) {
            throw new IllegalStateException("peoplevox:report as a consumer needs " + what + "; this component was made"
                    + " for producers only");
        }
        return dependency;
    }
}

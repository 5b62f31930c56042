package io.cherrypick.bluecherry;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code bluecherry:} component: the Blue Cherry REST API as Camel endpoints. {@code from: bluecherry:<resource>}
 * is a polling consumer that reads a resource after a persisted {@code last_mod} watermark, page by page, and routes
 * each new record inside the transaction that advances the watermark; {@code to: bluecherry:<resource>} posts documents
 * ({@code operation=post}) or reads records ({@code operation=get}). Registered as the Spring bean {@code bluecherry}.
 */
@Component("bluecherry")
@org.springframework.stereotype.Component("bluecherry")
public class BlueCherryComponent extends DefaultComponent {
    private final BlueCherryClient client;
    private final IncrementalPull pull;
    private final io.cherrypick.store.ExceptionStore exceptions;
    private final ObjectMapper json;

    public BlueCherryComponent(BlueCherryClient client, IncrementalPull pull, io.cherrypick.store.ExceptionStore exceptions,
                               ObjectMapper json) {
        this.client = client;
        this.pull = pull;
        this.exceptions = exceptions;
        this.json = json;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("bluecherry: needs a resource, e.g. bluecherry:pick (uri " + uri + ")");
        }
        BlueCherryEndpoint endpoint = new BlueCherryEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    BlueCherryClient client() {
        return client;
    }

    IncrementalPull pull() {
        return pull;
    }

    io.cherrypick.store.ExceptionStore exceptions() {
        return exceptions;
    }

    ObjectMapper json() {
        return json;
    }
}

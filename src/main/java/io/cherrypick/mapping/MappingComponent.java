package io.cherrypick.mapping;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code mapping:} component: {@code to: mapping:<name>} maps the message body by {@code routes/mappings/<name>.yaml}
 * ({@link Mappings}); the body becomes the {@link MappedRecord}. Registered as the Spring bean {@code mapping}.
 */
@Component("mapping")
@org.springframework.stereotype.Component("mapping")
public class MappingComponent extends DefaultComponent {
    private final Mappings mappings;

    public MappingComponent(Mappings mappings) {
        this.mappings = mappings;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        mappings.file(remaining); // a missing or malformed mapping fails the route at start, naming the file
        MappingEndpoint endpoint = new MappingEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    Mappings mappings() {
        return mappings;
    }
}

package io.cherrypick.mapping;

import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

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

    /** One mapping file as an endpoint. */
    @UriEndpoint(firstVersion = "0.1.0", scheme = "mapping", title = "Mapping", syntax = "mapping:name", producerOnly = true,
                 category = {Category.TRANSFORMATION})
    public static class MappingEndpoint extends DefaultEndpoint {
        @UriPath(description = "The mapping file's name: routes/mappings/<name>.yaml")
        @Metadata(required = true)
        private final String name;

        public MappingEndpoint(String uri, MappingComponent component, String name) {
            super(uri, component);
            this.name = name;
        }

        public String getName() {
            return name;
        }

        @Override
        public Producer createProducer() {
            Mappings mappings = ((MappingComponent) getComponent()).mappings;
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    exchange.getIn().setBody(mappings.map(name, exchange.getIn().getBody(), exchange.getIn().getHeaders()));
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("mapping: endpoints map a message (to:); they do not consume");
        }
    }
}

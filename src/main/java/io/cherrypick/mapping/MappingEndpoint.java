package io.cherrypick.mapping;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * Maps the message body by a mapping file beside the routes (routes/mappings/name.yaml): the body becomes the mapped
 * record, its rows per part in the file's field order.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mapping", title = "Mapping", syntax = "mapping:name", producerOnly = true,
             category = {Category.TRANSFORMATION}, headersClass = MappingEndpoint.class)
public class MappingEndpoint extends DefaultEndpoint {
    @Metadata(description = "Set by the mapping: the name of the mapping file the body was mapped by (a later step,"
            + " such as a validator quoting the file's expressions, knows where the row came from)", javaType = "String")
    public static final String MAPPING = "CherrypickMapping";

    @UriPath(description = "The mapping file's name: sales-order for routes/mappings/sales-order.yaml")
    @Metadata(required = true)
    private final String name;

    // a route step reading ${body.row('part')} instead would make Camel introspect each mapped record anew (its bean
    // cache is keyed by the object), which cost a tenth of the item flow's CPU at 50,000 SKUs
    @UriParam(description = "A part of the mapping whose one row becomes the body (a map of field to value), instead of"
            + " the whole mapped record with its parts")
    private String part;

    public MappingEndpoint(String uri, MappingComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getPart() {
        return part;
    }

    public void setPart(String part) {
        this.part = part;
    }

    @Override
    public Producer createProducer() {
        Mappings mappings = ((MappingComponent) getComponent()).mappings();
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) {
                MappedRecord mapped = mappings.map(name, exchange.getIn().getBody(), exchange.getIn().getHeaders());
                exchange.getIn().setBody(part == null ? mapped : mapped.row(part));
                exchange.getIn().setHeader(MAPPING, name);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("mapping: endpoints map a message (to:); they do not consume");
    }
}

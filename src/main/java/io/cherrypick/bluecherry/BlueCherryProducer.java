package io.cherrypick.bluecherry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code to: bluecherry:<resource>}: {@code post} sends the body (a JSON document, an array of them, or anything Jackson
 * writes) and puts the pkey Blue Cherry assigned in header {@link BlueCherry#PKEY}; a refusal is a
 * {@link BlueCherryRejection} naming Blue Cherry's messages. {@code get} reads every record matching the filter, page
 * by page; the body becomes the list of records (as maps).
 */
public class BlueCherryProducer extends DefaultProducer {
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private final BlueCherryEndpoint endpoint;

    public BlueCherryProducer(BlueCherryEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        BlueCherryClient client = endpoint.getComponent().client();
        if (endpoint.getOperation() == BlueCherryEndpoint.Operation.get) {
            String filter = in.getHeader(BlueCherry.FILTER, endpoint.getFilter(), String.class);
            List<Map<String, Object>> records = new ArrayList<>();
            for (int page = 1; ; page++) {
                List<JsonNode> got = client.getPage(endpoint.getResource(), filter, page, client.pageSize());
                for (JsonNode record : got) {
                    records.add(endpoint.getComponent().json().convertValue(record, RECORD));
                }
                if (got.size() < client.pageSize()) {
                    break;
                }
            }
            in.setBody(records);
            return;
        }
        Object body = in.getBody();
        JsonNode document = body instanceof JsonNode node ? node
                : body instanceof String text ? endpoint.getComponent().json().readTree(text)
                : endpoint.getComponent().json().valueToTree(body);
        in.setHeader(BlueCherry.PKEY, client.post(endpoint.getResource(), document));
    }
}

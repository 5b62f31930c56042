package io.cherrypick.bluecherry;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The steps of the {@code bluecherry-batch-poster} route template around {@code to: bluecherry:<resource>} (bean
 * {@code blueCherryDocuments}): the records of a batch as the one JSON array Blue Cherry takes, and Blue Cherry's words
 * when it refused a post.
 */
@Component("blueCherryDocuments")
public class BlueCherryDocuments {
    private final ObjectMapper json;

    public BlueCherryDocuments(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One JSON array of the documents the body holds: a batch (a list of messages, each a prepared record) or one
     * record. A record's body is a document, or several (a list or an array), each becoming an element.
     */
    public ArrayNode array(Exchange exchange) throws Exception {
        ArrayNode array = json.createArrayNode();
        Object body = exchange.getIn().getBody();
        if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Message.class::isInstance)) {
            for (Object m : list) {
                add(array, ((Message) m).getBody());
            }
        } else {
            add(array, body);
        }
        return array;
    }

    private void add(ArrayNode array, Object document) throws Exception {
        JsonNode node = document instanceof JsonNode n ? n
                : document instanceof String text ? json.readTree(text)
                : json.valueToTree(document);
        if (node.isArray()) {
            node.forEach(array::add);
        } else {
            array.add(node);
        }
    }

    /** Header {@link BlueCherry#REFUSAL}: the messages of the {@link BlueCherryRejection} the exchange caught. */
    public void refusal(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String words = caught instanceof BlueCherryRejection rejection ? String.join("; ", rejection.messages())
                : caught == null ? "no reason given" : caught.getMessage();
        exchange.getIn().setHeader(BlueCherry.REFUSAL, words);
    }
}

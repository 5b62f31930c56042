package io.cherrypick.bluecherry;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cherrypick.handoff.Handoff;
import io.cherrypick.store.DocumentNumbers;

/**
 * The steps of the {@code bluecherry-batch-poster} route template around {@code to: bluecherry:<resource>} (bean
 * {@code blueCherryDocuments}): the records of a batch as the one JSON array Blue Cherry takes, and Blue Cherry's words
 * when it refused a post, and around each POST the marks of the records' document numbers ({@link DocumentNumbers},
 * kind: the flow's queue, key: the record's key).
 */
@Component("blueCherryDocuments")
public class BlueCherryDocuments {
    /**
     * Header: Blue Cherry may already hold this record's document from an earlier POST (one whose answer was lost, or
     * that it took before the record could be recorded). Only then does a "Duplicate" answer count as posted.
     */
    public static final String MAYBE_POSTED = "CherrypickMaybePosted";

    private final ObjectMapper json;
    private final DocumentNumbers numbers;

    public BlueCherryDocuments(ObjectMapper json, DocumentNumbers numbers) {
        this.json = json;
        this.numbers = numbers;
    }

    /**
     * Before a POST of the body's records (a batch, or one): each record's number is marked as possibly held by Blue
     * Cherry, durably, before the call leaves; header {@link #MAYBE_POSTED} says whether it was so before this attempt
     * (kept true once true within the attempt, so a record posted alone after its batch was refused still knows).
     */
    public void sending(Exchange exchange, String kind) {
        List<Message> records = records(exchange);
        Map<String, Boolean> before = numbers.sending(kind, records.stream().map(BlueCherryDocuments::key).toList());
        for (Message m : records) {
            boolean earlier = Boolean.TRUE.equals(m.getHeader(MAYBE_POSTED, Boolean.class));
            m.setHeader(MAYBE_POSTED, earlier || before.getOrDefault(key(m), false));
        }
    }

    /** Blue Cherry refused the POST of the body's records: it applied none, so their marks go back to before it. */
    public void refused(Exchange exchange, String kind) {
        for (Message m : records(exchange)) {
            numbers.refused(kind, key(m), Boolean.TRUE.equals(m.getHeader(MAYBE_POSTED, Boolean.class)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Message.class::isInstance)) {
            return (List<Message>) list;
        }
        return List.of(exchange.getIn());
    }

    private static String key(Message m) {
        String key = m.getHeader(Handoff.RECORD_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("a record posted to Blue Cherry has no " + Handoff.RECORD_KEY
                    + ": its document number cannot be looked up");
        }
        return key;
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

package io.cherrypick.peoplevox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;

/**
 * Runs one Peoplevox operation for the exchange.
 * <p>
 * {@code save} takes one record or a batch (a list of messages from a hand-off split); each record's rows are its body
 * ({@code rows} names the part of a {@link MappedRecord}, or the body is a row or a list of rows). Records are written
 * with as few calls as possible ({@link RowWriter}); each record's message then says what Peoplevox did
 * ({@link Peoplevox#SAVED}, {@link Peoplevox#REFUSAL}). A record refused by an earlier save (e.g. its header) is not
 * sent by a later one (its lines). With {@code lookBeforeResend}, rows of records an earlier attempt may have written
 * are looked up first and only the missing ones are sent.
 */
public class PeoplevoxProducer extends DefaultProducer {
    private final PeoplevoxEndpoint endpoint;
    private final PeoplevoxClient client;

    public PeoplevoxProducer(PeoplevoxEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.client = endpoint.getComponent().client();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        switch (endpoint.getOperation()) {
            case save -> save(exchange);
            case get -> in.setBody(client.getData(endpoint.getTemplate(), clause(in)).rows());
            case report -> in.setBody(client.getReport(endpoint.getReport(), clause(in), endpoint.getOrderBy(),
                    endpoint.getColumns()).rows());
            case subscribe -> in.setBody(client.subscribePostEvent(required(in, Peoplevox.EVENT_TYPE),
                    in.getHeader(Peoplevox.EVENT_FILTER, "", String.class), required(in, Peoplevox.POST_URL),
                    in.getHeader(Peoplevox.POST_PARAMS, "", String.class)));
            case unsubscribe -> in.setBody(client.unsubscribeEvent(in.getHeader(Peoplevox.SUBSCRIPTION_ID, Integer.class)));
            default -> throw new IllegalStateException("peoplevox:" + endpoint.getOperation());
        }
    }

    private void save(Exchange exchange) {
        List<Message> records = records(exchange);
        Map<Message, List<Map<String, String>>> rowsByRecord = new IdentityHashMap<>();
        List<Message> order = new ArrayList<>();
        for (Message m : records) {
            if (Boolean.FALSE.equals(m.getHeader(Peoplevox.SAVED, Boolean.class))) {
                continue; // refused by an earlier save (its header): its other parts are not sent
            }
            // Peoplevox holds a newer revision of the record (found by an earlier save): none of its parts go
            rowsByRecord.put(m, Boolean.TRUE.equals(m.getHeader(Peoplevox.NEWER_HELD, Boolean.class)) ? List.of() : rowsOf(m));
            order.add(m);
        }
        if (endpoint.isLookBeforeResend()) {
            leaveOutRowsAlreadyHeld(order, rowsByRecord);
        }
        Map<Message, List<Map<String, String>>> ordered = new java.util.LinkedHashMap<>();
        order.forEach(m -> ordered.put(m, rowsByRecord.get(m)));
        RowWriter.Outcome<Message> outcome = RowWriter.save(client, endpoint.getTemplate(), ordered, PeoplevoxProducer::reference,
                endpoint.rowsPerCall(), endpoint.getSaveAction());
        outcome.saved().forEach(m -> m.setHeader(Peoplevox.SAVED, true));
        outcome.refused().forEach((m, why) -> {
            m.setHeader(Peoplevox.SAVED, false);
            m.setHeader(Peoplevox.REFUSAL, why);
            m.setHeader(Peoplevox.REFUSAL_CATEGORY, refusalCategory(why).name());
        });
        exchange.getIn().setHeader(Peoplevox.REFUSED_COUNT,
                records.stream().filter(m -> Boolean.FALSE.equals(m.getHeader(Peoplevox.SAVED, Boolean.class))).count());
    }

    /**
     * For records an earlier attempt may have written, reads what Peoplevox holds for their keys (one call per save) and
     * removes from their rows those Peoplevox already has: same key field, same match fields.
     */
    private void leaveOutRowsAlreadyHeld(List<Message> records, Map<Message, List<Map<String, String>>> rowsByRecord) {
        List<Message> tried = records.stream().filter(m -> Boolean.TRUE.equals(m.getHeader(Handoff.TRIED_BEFORE, Boolean.class)))
                .filter(m -> !rowsByRecord.get(m).isEmpty()).toList();
        if (tried.isEmpty()) {
            return;
        }
        String keyField = endpoint.getKeyField();
        Set<String> keys = new LinkedHashSet<>();
        tried.forEach(m -> rowsByRecord.get(m).forEach(row -> keys.add(row.getOrDefault(keyField, ""))));
        String clause = SearchClauses.anyEquals(keyField, keys);
        String revisionField = endpoint.getRevisionField();
        boolean byRevision = revisionField != null && !revisionField.isBlank();
        // per signature (key and match fields), the newest revision Peoplevox holds ("" without revisionField)
        Map<String, String> held = new HashMap<>();
        client.getData(endpoint.getTemplate(), clause).rows().forEach(row -> held.merge(signature(row, keyField),
                byRevision ? row.getOrDefault(revisionField, "") : "", (a, b) -> compareRevisions(a, b) >= 0 ? a : b));
        for (Message m : tried) {
            if (byRevision && rowsByRecord.get(m).stream().anyMatch(row -> {
                String heldRevision = held.get(signature(row, keyField));
                return heldRevision != null && compareRevisions(heldRevision, row.getOrDefault(revisionField, "")) > 0;
            })) {
                m.setHeader(Peoplevox.NEWER_HELD, true);
                m.setHeader(Peoplevox.ALREADY_HELD, m.getHeader(Peoplevox.ALREADY_HELD, 0, Integer.class)
                        + rowsByRecord.get(m).size());
                rowsByRecord.put(m, List.of());
                continue;
            }
            List<Map<String, String>> missing = rowsByRecord.get(m).stream()
                    .filter(row -> {
                        String heldRevision = held.get(signature(row, keyField));
                        return heldRevision == null || byRevision
                                && compareRevisions(heldRevision, row.getOrDefault(revisionField, "")) < 0;
                    }).toList();
            int alreadyHeld = rowsByRecord.get(m).size() - missing.size();
            if (alreadyHeld > 0) {
                m.setHeader(Peoplevox.ALREADY_HELD, m.getHeader(Peoplevox.ALREADY_HELD, 0, Integer.class) + alreadyHeld);
            }
            rowsByRecord.put(m, missing);
        }
    }

    /**
     * Orders two revisions (Blue Cherry's last_mod of the record): numbers by value, timestamps as text, which in one
     * fixed format (year first, zero-padded) is time order; a 'T' between date and time counts as the space.
     */
    static int compareRevisions(String a, String b) {
        String x = a == null ? "" : a.trim();
        String y = b == null ? "" : b.trim();
        if (x.matches("\\d+") && y.matches("\\d+")) {
            return new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
        }
        return x.replace('T', ' ').compareTo(y.replace('T', ' '));
    }

    private String signature(Map<String, String> row, String keyField) {
        StringBuilder s = new StringBuilder(row.getOrDefault(keyField, ""));
        for (String field : endpoint.matchFieldList()) {
            s.append('\u0000').append(comparable(row.getOrDefault(field, "")));
        }
        return s.toString();
    }

    /**
     * A match field's value as both sides can be compared: Peoplevox gives a date back day-first ({@code 15/01/2030
     * 00:00:00}) however it was sent ({@code 2030-01-15 00:00:00}), so a date compares as the time it names.
     */
    static String comparable(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() < 8 || !Character.isDigit(value.charAt(0))) {
            return value;
        }
        return PeoplevoxDates.parse(value).map(Object::toString).orElse(value);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> rowsOf(Message m) {
        Object body = m.getBody();
        String part = endpoint.getRows();
        if (body instanceof MappedRecord mapped) {
            if (part == null || part.isBlank()) {
                throw new IllegalArgumentException("peoplevox:save to " + endpoint.getTemplate() + " got a mapped record of"
                        + " parts " + mapped.parts().keySet() + "; say which with option rows");
            }
            return mapped.rows(part);
        }
        if (body instanceof Map<?, ?> row) {
            return List.of((Map<String, String>) row);
        }
        if (body instanceof List<?> list) {
            return (List<Map<String, String>>) list;
        }
        throw new IllegalArgumentException("peoplevox:save to " + endpoint.getTemplate() + " cannot write a "
                + (body == null ? "missing body" : body.getClass().getSimpleName()) + " for record " + reference(m)
                + "; map it first (to: mapping:...)");
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Message.class::isInstance)) {
            return (List<Message>) list;
        }
        if (body instanceof List<?> list && list.isEmpty()) {
            return List.of();
        }
        return List.of(exchange.getIn());
    }

    private static String reference(Message m) {
        String key = m.getHeader(Handoff.RECORD_KEY, String.class);
        return key == null ? "" : key;
    }

    private String clause(Message in) {
        String header = in.getHeader(Peoplevox.SEARCH_CLAUSE, String.class);
        String clause = header != null ? header : endpoint.getSearchClause();
        return clause == null ? "" : clause;
    }

    private static String required(Message in, String header) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("peoplevox: needs header " + header);
        }
        return value;
    }

    /** The exception category a Peoplevox refusal points at, from the field it names. */
    public static Category refusalCategory(String peoplevoxMessage) {
        return peoplevoxMessage.contains(RowWriter.UNREADABLE) ? Category.VALIDATION
                : peoplevoxMessage.contains("ItemCode") ? Category.SKU_MISMATCH
                : peoplevoxMessage.contains("Site") ? Category.MISSING_WAREHOUSE : Category.REJECTED;
    }
}

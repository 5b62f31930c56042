package io.cherrypick.peoplevox.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.NewException;

/**
 * The webhook Peoplevox posts events to ({@code POST /webhooks/peoplevox/{eventType}}, form fields as subscribed).
 * <ul>
 * <li>wrong or missing token: 401, nothing stored;</li>
 * <li>an event type no flow consumes: 404;</li>
 * <li>required fields missing: 400, and an exception (MALFORMED_EVENT) that keeps what was posted;</li>
 * <li>otherwise the event is stored in the inbox (once per business key) before the 200 answer.</li>
 * </ul>
 * The token is read from the form field {@code token} (as subscribed) or the {@code X-Cherrypick-Token} header, and is
 * never stored, logged or echoed.
 */
@Component("peoplevoxWebhook")
public class PeoplevoxWebhook {
    public static final String ROUTE_ID = "peoplevox-webhook";
    static final String TOKEN_FIELD = "token";
    static final String TOKEN_HEADER = "X-Cherrypick-Token";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxWebhook.class);

    private final EventSpecs specs;
    private final WebhookToken token;
    private final InboxStore inbox;
    private final ExceptionStore exceptions;
    private final ObjectMapper json;

    public PeoplevoxWebhook(EventSpecs specs, WebhookToken token, InboxStore inbox, ExceptionStore exceptions,
                            ObjectMapper json) {
        this.specs = specs;
        this.token = token;
        this.inbox = inbox;
        this.exceptions = exceptions;
        this.json = json;
    }

    /** The outcome of one delivery, as answered to Peoplevox. */
    public record Outcome(int status, String text) {
    }

    public void receive(Exchange exchange) {
        Message message = exchange.getMessage();
        String eventType = message.getHeader("eventType", String.class);
        Map<String, String> form = formOf(message);
        String presented = form.containsKey(TOKEN_FIELD) ? form.get(TOKEN_FIELD) : message.getHeader(TOKEN_HEADER, String.class);
        Outcome outcome = handle(eventType, presented, form);
        // nothing received goes back as a response header (the token least of all)
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, outcome.status());
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(outcome.text());
    }

    /** Checks, validates and stores one event; {@code form} holds the posted fields. */
    public Outcome handle(String eventType, String presentedToken, Map<String, String> form) {
        if (!token.matches(presentedToken)) {
            log.warn("Peoplevox webhook {}: refused a delivery with a {} token", eventType,
                    presentedToken == null || presentedToken.isEmpty() ? "missing" : "wrong");
            return new Outcome(401, "unauthorised");
        }
        EventSpec spec = specs.find(eventType).orElse(null);
        if (spec == null) {
            return new Outcome(404, "no flow consumes Peoplevox event " + eventType);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : spec.fields()) {
            values.put(field, form.getOrDefault(field, "").trim());
        }
        String payload = toJson(values);
        List<String> missing = spec.missing(values);
        if (!missing.isEmpty()) {
            String message = "Peoplevox event " + eventType + " for flow " + spec.flow() + " is malformed: field(s) "
                    + String.join(", ", missing) + " missing or empty; the event was refused (HTTP 400) and is kept here";
            // one exception per distinct malformed body: repeats of the same body count as attempts
            String key = eventType + ":malformed:" + Hashing.sha256Hex(payload).substring(0, 12);
            exceptions.record(NewException.of(spec.flow(), ROUTE_ID, key, Category.MALFORMED_EVENT,
                    message, payload, null));
            log.warn("{}", message);
            return new Outcome(400, "malformed event: missing " + String.join(", ", missing));
        }
        boolean stored = inbox.storeIfAbsent(spec.flow(), spec.eventKey(values), eventType, payload);
        return new Outcome(200, stored ? "stored" : "duplicate");
    }

    private String toJson(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /**
     * The posted form fields. The HTTP layer parses the form into message headers (decoded); Camel 4.17 also leaves the
     * fields in a body map with the values still URL-encoded, or a raw {@code a=b&c=d} body may come: headers win, the
     * body fills what they lack.
     */
    static Map<String, String> formOf(Message message) {
        Map<String, String> form = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String s) {
                form.put(name, s);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                form.put(name, String.valueOf(list.get(0)));
            }
        });
        Object body = message.getBody();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> form.putIfAbsent(String.valueOf(k), URLDecoder.decode(
                    v instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(v), StandardCharsets.UTF_8)));
        } else {
            String text = message.getBody(String.class);
            if (text != null && !text.isBlank() && text.contains("=")) {
                parseForm(text).forEach(form::putIfAbsent);
            }
        }
        return form;
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }
}

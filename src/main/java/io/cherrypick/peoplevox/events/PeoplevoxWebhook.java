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
import io.cherrypick.handoff.Handoff;

/**
 * The steps of the webhook Peoplevox posts events to (route {@code peoplevox-webhook}, {@code POST
 * /webhooks/peoplevox/{eventType}}, form fields as subscribed). {@link #read} checks and reads one delivery and says
 * what it is in header {@link #VERDICT}; the route stores an accepted event in the consuming flow's hand-off queue
 * ({@code <flow>-events}, once per business key) and a malformed one in the dead letters; {@link #answer} writes the
 * HTTP answer:
 * <ul>
 * <li>wrong or missing token: 401, nothing stored;</li>
 * <li>an event type no flow consumes: 404;</li>
 * <li>required fields missing: 400, and an exception (MALFORMED_EVENT) that keeps what was posted;</li>
 * <li>otherwise 200 once the event is stored ("stored", or "duplicate" when that event was stored before).</li>
 * </ul>
 * The token is read from the form field {@code token} (as subscribed) or the {@code X-Cherrypick-Token} header, and is
 * never stored, logged or echoed.
 */
@Component("peoplevoxWebhook")
public class PeoplevoxWebhook {
    /** Header: ACCEPTED (store it), MALFORMED (dead letter), or REFUSED (answer only). */
    public static final String VERDICT = "CherrypickWebhookVerdict";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String MALFORMED = "MALFORMED";
    public static final String REFUSED = "REFUSED";
    static final String TOKEN_FIELD = "token";
    static final String TOKEN_HEADER = "X-Cherrypick-Token";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxWebhook.class);

    private final EventSpecs specs;
    private final WebhookToken token;
    private final ObjectMapper json;

    public PeoplevoxWebhook(EventSpecs specs, WebhookToken token, ObjectMapper json) {
        this.specs = specs;
        this.token = token;
        this.json = json;
    }

    /**
     * Checks the token and the fields of one delivery. Every received header is dropped (nothing received goes back in
     * the answer, the token least of all); the message keeps only the verdict, the answer, and for an event to store
     * its flow, key, type and fields (JSON body).
     */
    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        String eventType = message.getHeader("eventType", String.class);
        Map<String, String> form = formOf(message);
        String presented = form.containsKey(TOKEN_FIELD) ? form.get(TOKEN_FIELD) : message.getHeader(TOKEN_HEADER, String.class);
        message.getHeaders().clear();
        message.setBody(null);
        if (!token.matches(presented)) {
            log.warn("Peoplevox webhook {}: refused a delivery with a {} token", eventType,
                    presented == null || presented.isEmpty() ? "missing" : "wrong");
            verdict(message, REFUSED, 401, "unauthorised");
            return;
        }
        EventSpec spec = specs.find(eventType).orElse(null);
        if (spec == null) {
            verdict(message, REFUSED, 404, "no flow consumes Peoplevox event " + eventType);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : spec.fields()) {
            values.put(field, form.getOrDefault(field, "").trim());
        }
        String payload = toJson(values);
        message.setBody(payload);
        message.setHeader(Handoff.FLOW, spec.flow());
        message.setHeader(Handoff.RECORD_TYPE, eventType);
        List<String> missing = spec.missing(values);
        if (!missing.isEmpty()) {
            // one exception per distinct malformed body: repeats of the same body count as attempts
            message.setHeader(Handoff.RECORD_KEY, eventType + ":malformed:" + Hashing.sha256Hex(payload).substring(0, 12));
            message.setHeader(Handoff.CATEGORY, Category.MALFORMED_EVENT.name());
            message.setHeader(Handoff.REASON, "Peoplevox event " + eventType + " for flow " + spec.flow() + " is malformed:"
                    + " field(s) " + String.join(", ", missing) + " missing or empty; the event was refused (HTTP 400) and"
                    + " is kept here");
            verdict(message, MALFORMED, 400, "malformed event: missing " + String.join(", ", missing));
            return;
        }
        message.setHeader(Handoff.RECORD_KEY, spec.eventKey(values));
        verdict(message, ACCEPTED, 200, null);
    }

    /** Writes the answer Peoplevox gets, with no header of the delivery in it. */
    public void answer(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
        String text = status == 200 ? (Boolean.FALSE.equals(message.getHeader(Handoff.STORED, Boolean.class)) ? "duplicate" : "stored")
                : message.getHeader(ANSWER, "", String.class);
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(text);
    }

    private static final String ANSWER = "CherrypickWebhookAnswer";

    private static void verdict(Message message, String verdict, int status, String answer) {
        message.setHeader(VERDICT, verdict);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (answer != null) {
            message.setHeader(ANSWER, answer);
        }
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

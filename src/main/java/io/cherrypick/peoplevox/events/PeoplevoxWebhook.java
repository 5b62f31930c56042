package io.cherrypick.peoplevox.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;

/**
 * The steps of the webhook Peoplevox posts events to (route {@code peoplevox-webhook}, {@code POST
 * /webhooks/peoplevox/{eventType}}, form fields as subscribed). Every delivery has passed the {@link WebhookGate}
 * first: token (path or header), size and decoding are checked there, before the body is read, and the decoded form
 * waits in a request attribute. {@link #read} reads one delivery and says what it is in header {@link #VERDICT}; the
 * route stores an accepted event in the consuming flow's hand-off queue ({@code <flow>-events}, once per business key)
 * and a malformed one in the dead letters; {@link #answer} writes the HTTP answer:
 * <ul>
 * <li>(the gate) wrong or missing token: 401; too large: 413; undecodable: 400; nothing stored;</li>
 * <li>a delivery that did not come through the gate: 401, nothing stored;</li>
 * <li>an event type no flow consumes: 404;</li>
 * <li>required fields missing: 400, and an exception (MALFORMED_EVENT) that keeps what was posted;</li>
 * <li>otherwise 200 once the event is stored ("stored", or "duplicate" when that event was stored before).</li>
 * </ul>
 * Only the subscribed fields are kept: the token is never stored, logged or echoed.
 */
@Component("peoplevoxWebhook")
public class PeoplevoxWebhook {
    /** Header: ACCEPTED (store it), MALFORMED (dead letter), or REFUSED (answer only). */
    public static final String VERDICT = "CherrypickWebhookVerdict";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String MALFORMED = "MALFORMED";
    public static final String REFUSED = "REFUSED";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxWebhook.class);

    private final EventSpecs specs;
    private final ObjectMapper json;

    public PeoplevoxWebhook(EventSpecs specs, ObjectMapper json) {
        this.specs = specs;
        this.json = json;
    }

    /**
     * Reads the fields of one delivery the gate let through. Every received header is dropped (nothing received goes back in
     * the answer, the token least of all); the message keeps only the verdict, the answer, and for an event to store
     * its flow, key, type and fields (JSON body).
     */
    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        String eventType = message.getHeader("eventType", String.class);
        Map<String, String> form = formOf(message);
        message.getHeaders().clear();
        message.setBody(null);
        if (form == null) {
            log.warn("Peoplevox webhook {}: refused a delivery that did not pass the webhook gate", eventType);
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

    /** The form the {@link WebhookGate} decoded; null when the delivery did not come through it. */
    @SuppressWarnings("unchecked")
    static Map<String, String> formOf(Message message) {
        if (message instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(WebhookGate.FORM) instanceof Map<?, ?> form) {
            return (Map<String, String>) form;
        }
        return null;
    }
}

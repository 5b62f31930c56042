package io.cherrypick.ops.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.http.HttpCalls;
import io.cherrypick.ops.StuckOrders;
import io.cherrypick.ops.StuckOrders.StuckOrder;
import io.cherrypick.ops.StuckPurchaseOrders;
import io.cherrypick.ops.StuckPurchaseOrders.StuckPurchaseOrder;
import io.cherrypick.security.Secrets;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;

/**
 * Tells the team's chat what needs a person, in one message per run: the exceptions opened since the last message,
 * grouped by flow and category, the orders that became stuck, grouped by state, and the purchase orders whose delivery
 * is late ({@link StuckPurchaseOrders}). Each exception and each stall is
 * announced once ({@link AlertLog}); a message the chat did not take is sent again on the next run, before newer ones.
 * Runs on the clustered {@code ops-alerts} schedule, so one instance speaks.
 */
@Component("alerter")
public class Alerter {
    private static final Logger log = LoggerFactory.getLogger(Alerter.class);
    /** Exceptions first seen this long ago or less are candidates (older ones were announced, or predate alerting). */
    static final Duration EXCEPTION_LOOKBACK = Duration.ofHours(24);
    static final int CANDIDATES = 1000;
    static final int MAX_TEXT = 7900;

    private final ExceptionStore exceptions;
    private final StuckOrders stuckOrders;
    private final StuckPurchaseOrders stuckPurchaseOrders;
    private final AlertLog alerts;
    private final AlertProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final HttpClient http;

    public Alerter(ExceptionStore exceptions, StuckOrders stuckOrders, StuckPurchaseOrders stuckPurchaseOrders,
                   AlertLog alerts, AlertProperties props, TransactionTemplate tx, ObjectMapper json) {
        this.exceptions = exceptions;
        this.stuckOrders = stuckOrders;
        this.stuckPurchaseOrders = stuckPurchaseOrders;
        this.alerts = alerts;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(props.timeout()).build();
    }

    /** What one run did. */
    public record Run(boolean composed, int delivered, int undelivered) {
    }

    public Run run() {
        Boolean composed = tx.execute(status -> compose());
        int delivered = 0;
        List<AlertLog.Alert> waiting = alerts.undelivered(20);
        for (AlertLog.Alert alert : waiting) {
            if (!deliver(alert)) {
                break; // the chat is not taking messages: keep the order, try again next run
            }
            delivered++;
        }
        return new Run(Boolean.TRUE.equals(composed), delivered, waiting.size() - delivered);
    }

    /** Gathers what is new into one message; false when there is nothing to tell. */
    private boolean compose() {
        Instant now = Instant.now();
        // what was announced is forgotten by retention (routes/ops-retention.camel.yaml) after its keep

        Map<String, ExceptionRecord> exceptionBySubject = new LinkedHashMap<>();
        exceptions.openSince(now.minus(EXCEPTION_LOOKBACK), CANDIDATES)
                .forEach(e -> exceptionBySubject.put("exception:" + e.id(), e));
        Map<String, StuckOrder> stuckBySubject = new LinkedHashMap<>();
        stuckOrders.list(null, CANDIDATES).forEach(o -> stuckBySubject.put(
                "stuck:" + o.pickNum() + ":" + o.state() + ":" + o.since().getEpochSecond(), o));
        // a late purchase order is told once per expected date: a new date that passes too is told again
        Map<String, StuckPurchaseOrder> lateBySubject = new LinkedHashMap<>();
        stuckPurchaseOrders.list(CANDIDATES).forEach(po -> lateBySubject.put(
                "stuck-po:" + po.prodNum() + ":" + po.expectedDate(), po));

        Set<String> told = alerts.announced(exceptionBySubject.keySet());
        exceptionBySubject.keySet().removeAll(told);
        told = alerts.announced(stuckBySubject.keySet());
        stuckBySubject.keySet().removeAll(told);
        told = alerts.announced(lateBySubject.keySet());
        lateBySubject.keySet().removeAll(told);
        if (exceptionBySubject.isEmpty() && stuckBySubject.isEmpty() && lateBySubject.isEmpty()) {
            return false;
        }
        String text = AlertText.of(List.copyOf(exceptionBySubject.values()), List.copyOf(stuckBySubject.values()),
                List.copyOf(lateBySubject.values()), props.examples(), props.linkBase());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "\n…";
        }
        List<String> subjects = new ArrayList<>(exceptionBySubject.keySet());
        subjects.addAll(stuckBySubject.keySet());
        subjects.addAll(lateBySubject.keySet());
        alerts.add(text, subjects);
        return true;
    }

    private boolean deliver(AlertLog.Alert alert) {
        if (props.webhookUrl() == null) {
            log.warn("ALERT (no cherrypick.alerts.webhook-url set, so only logged)\n{}", alert.text());
            alerts.delivered(alert.id());
            return true;
        }
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(props.webhookUrl())).timeout(props.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(alert.text()))).build();
            HttpResponse<String> response = HttpCalls.send(http, request, HttpResponse.BodyHandlers.ofString(),
                    props.timeout());
            if (response.statusCode() / 100 == 2) {
                alerts.delivered(alert.id());
                return true;
            }
            error = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        // the URL holds the webhook's secret: name the alert, never the address, even where an error (or the chat's own
        // answer) quotes it
        error = Secrets.redact(error, props.webhookUrl(), secretPart(props.webhookUrl()));
        log.warn("alert {} not delivered to the chat webhook ({}); trying again next run", alert.id(), error);
        alerts.failed(alert.id(), error);
        return false;
    }

    /** The address's path and query, where a chat webhook keeps its secret (Slack's /services/T.../B.../xyz). */
    static String secretPart(String url) {
        try {
            URI uri = URI.create(url);
            String tail = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return tail.length() > 1 ? tail : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private String body(String text) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("text", text));
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}

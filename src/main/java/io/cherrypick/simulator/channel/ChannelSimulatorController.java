package io.cherrypick.simulator.channel;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP side of the sales-channel receiver: {@code POST /sim/channel/stock-levels}, the control API under
 * {@code /sim/channel/_control} and an HTML view at {@code /sim/channel}.
 */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class ChannelSimulatorController {

    /** The body of a stock-level call. */
    public record StockLevelsRequest(List<StockLevelUpdate> updates) {
    }

    private final ChannelSimulator channel;

    public ChannelSimulatorController(ChannelSimulator channel) {
        this.channel = channel;
    }

    @PostMapping(path = "/sim/channel/stock-levels", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody StockLevelsRequest request) {
        List<StockLevelUpdate> updates = request.updates();
        int updateCount = updates == null ? 0 : updates.size();
        Optional<ChannelFault> fault = channel.takeFault(ChannelFault.STOCK_LEVELS);
        ChannelFault.Type faultType = fault.map(ChannelFault::type).orElse(null);
        if (fault.isPresent()) {
            ChannelFault f = fault.get();
            switch (f.type()) {
                case LATENCY, TIMEOUT -> pause(f.effectiveDelayMs());   // then answer normally
                case HTTP_5XX -> {
                    channel.recordRefusedCall(f.effectiveStatus(), updateCount, faultType, "injected server error");
                    return ResponseEntity.status(f.effectiveStatus()).body(Map.of("error", "simulated server error"));
                }
                case RATE_LIMIT -> {
                    long retryAfterSeconds = Math.max(1, (f.effectiveDelayMs() + 999) / 1000);
                    channel.recordRefusedCall(429, updateCount, faultType, "injected rate limit");
                    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                            .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                            .body(Map.of("errors", "Exceeded the stock-level call rate limit; retry after "
                                    + retryAfterSeconds + " s"));
                }
            }
        }
        if (!channel.isAuthorised(authorization)) {
            channel.recordRefusedCall(401, updateCount, faultType, "missing or invalid bearer token");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(Map.of("error", "missing or invalid bearer token"));
        }
        ChannelSimulator.ReceiveResult result = channel.receive(updates, faultType);
        return ResponseEntity.ok(Map.of("accepted", result.accepted(), "stale", result.stale()));
    }

    @GetMapping("/sim/channel/_control/state")
    public ChannelSimulator.State state() {
        return channel.state();
    }

    @GetMapping("/sim/channel/_control/calls")
    public List<ChannelCall> calls() {
        return channel.calls();
    }

    @GetMapping("/sim/channel/_control/updates")
    public List<ReceivedUpdate> updates() {
        return channel.history();
    }

    @PostMapping("/sim/channel/_control/reset")
    public Map<String, String> reset() {
        channel.reset();
        return Map.of("status", "reset");
    }

    @PostMapping("/sim/channel/_control/faults")
    public ChannelFault addFault(@RequestBody ChannelSimulator.FaultRequest request) {
        return channel.addFault(request);
    }

    /**
     * Settings at run time (until a reset): {@code honoursObservedAt} false makes every update set the level, as a
     * channel that takes a plain "set the level" does, so a call applied late overwrites a newer level.
     */
    @PutMapping("/sim/channel/_control/settings")
    public ChannelSimulator.Settings settings(@RequestBody ChannelSimulator.Settings change) {
        return channel.settings(change);
    }

    @GetMapping("/sim/channel/_control/settings")
    public ChannelSimulator.Settings settings() {
        return channel.settings(null);
    }

    @GetMapping("/sim/channel/_control/faults")
    public List<ChannelFault> faults() {
        return channel.faults();
    }

    @DeleteMapping("/sim/channel/_control/faults")
    public Map<String, String> clearFaults() {
        channel.clearFaults();
        return Map.of("status", "cleared");
    }

    @GetMapping(path = "/sim/channel", produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        ChannelSimulator.State state = channel.state();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Sales channel simulator</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eee}</style></head><body>
                <h1>Sales channel simulator</h1>
                """);
        html.append("<p>").append(state.calls()).append(" calls, ").append(state.updates()).append(" updates (")
                .append(state.accepted()).append(" accepted, ").append(state.stale()).append(" stale), ")
                .append(state.levels().size()).append(" stock levels held.</p>\n");
        html.append("<table><tr><th>SKU</th><th>Site</th><th>Available</th><th>Observed at</th><th>Received at</th></tr>\n");
        for (ChannelStockLevel level : state.levels()) {
            html.append("<tr><td>").append(HtmlUtils.htmlEscape(level.sku()))
                    .append("</td><td>").append(HtmlUtils.htmlEscape(level.site()))
                    .append("</td><td>").append(level.available())
                    .append("</td><td>").append(level.observedAt())
                    .append("</td><td>").append(level.receivedAt())
                    .append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    @ExceptionHandler(ChannelSimulator.InvalidUpdateException.class)
    ResponseEntity<Map<String, String>> invalidUpdate(ChannelSimulator.InvalidUpdateException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** An unreadable body (not JSON, a bad timestamp); a stock-level call is logged so call counts stay complete. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String reason = "unreadable body: " + e.getMostSpecificCause().getMessage();
        if (request.getRequestURI().endsWith("/stock-levels")) {
            channel.recordRefusedCall(400, 0, null, reason);
        }
        return ResponseEntity.badRequest().body(Map.of("error", reason));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

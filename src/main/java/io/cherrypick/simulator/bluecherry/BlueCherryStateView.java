package io.cherrypick.simulator.bluecherry;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code GET /sim/bluecherry}: a plain HTML page of what the simulator holds, for people watching a demo. */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
class BlueCherryStateView {
    private final BlueCherrySimulator simulator;

    BlueCherryStateView(BlueCherrySimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping(value = "/sim/bluecherry", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        Map<String, Object> state = simulator.state();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Blue Cherry simulator</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
                td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:left}</style></head><body>
                <h1>Blue Cherry simulator</h1>
                """);
        html.append("<p>Clock: ").append(escape(((Map<?, ?>) state.get("clock")).get("now"))).append(" &middot; styles: ")
                .append(state.get("styles")).append("</p>");
        for (String section : List.of("picks", "shipments", "invoices", "notifications", "inventory", "adjustments",
                "receipts", "productionOrders", "returnAuthorisations", "returnReceipts", "creditMemos", "locations", "shippers")) {
            html.append(table(section, (List<?>) state.get(section)));
        }
        return html.append("</body></html>").toString();
    }

    private static String table(String title, List<?> rows) {
        StringBuilder t = new StringBuilder("<h2>").append(title).append(" (").append(rows.size()).append(")</h2>");
        if (rows.isEmpty()) {
            return t.toString();
        }
        t.append("<table><tr>");
        Map<?, ?> first = (Map<?, ?>) rows.get(0);
        first.keySet().forEach(k -> t.append("<th>").append(escape(k)).append("</th>"));
        t.append("</tr>");
        for (Object row : rows) {
            t.append("<tr>");
            first.keySet().forEach(k -> t.append("<td>").append(escape(((Map<?, ?>) row).get(k))).append("</td>"));
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    private static String escape(Object value) {
        if (value instanceof List<?> list) {
            return list.size() + (list.size() == 1 ? " row" : " rows");
        }
        if (value instanceof Map<?, ?>) {
            return "{…}";
        }
        return value == null ? "" : HtmlUtils.htmlEscape(String.valueOf(value));
    }
}

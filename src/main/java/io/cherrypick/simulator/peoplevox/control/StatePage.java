package io.cherrypick.simulator.peoplevox.control;

import io.cherrypick.simulator.peoplevox.PeoplevoxSimulator;
import io.cherrypick.simulator.peoplevox.SimulatorViews;
import io.cherrypick.simulator.peoplevox.event.Subscription;
import io.cherrypick.simulator.peoplevox.warehouse.Despatch;
import io.cherrypick.simulator.peoplevox.warehouse.ReceivedReturn;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code GET /sim/peoplevox}: a plain HTML view of the simulator state for people. */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class StatePage {
    private final PeoplevoxSimulator simulator;

    public StatePage(PeoplevoxSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping(value = {"/sim/peoplevox", "/sim/peoplevox/"}, produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        SimulatorViews.State state = simulator.state();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Peoplevox simulator</title><style>body{font-family:sans-serif}table{border-collapse:collapse;"
                + "margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>"
                + "<h1>Peoplevox simulator</h1><p>Control API: <code>/sim/peoplevox/_control</code></p>");
        table(html, "Items", List.of("ItemCode", "Name", "Barcode"), state.items(), item -> List.of(
                text(item.get("ItemCode")), text(item.get("Name")), text(item.get("Barcode"))));
        table(html, "Stock", List.of("Item", "Site", "On hand", "Allocated", "Available"), state.stock(), stock ->
                List.of(stock.itemCode(), stock.site(), text(stock.onHand()), text(stock.allocated()),
                        text(stock.available())));
        table(html, "Sales orders", List.of("Order", "Status", "Site", "Lines (item × qty, despatched)"),
                state.salesOrders(), order -> List.of(order.salesOrderNumber(), order.status(), text(order.site()),
                        order.lines().stream().map(line -> line.itemCode() + " × " + line.quantity() + " ("
                                + line.despatched() + ")").collect(Collectors.joining(", "))));
        table(html, "Despatches", List.of("Despatch", "Order", "Carrier", "Service", "Packages"), state.despatches(),
                despatch -> List.of(despatch.despatchNumber(), despatch.salesOrderNumber(), text(despatch.carrier()),
                        text(despatch.serviceType()), despatch.packages().stream().map(Despatch.Package::trackingNumber)
                                .collect(Collectors.joining(", "))));
        table(html, "Returns", List.of("Return", "Order", "Item", "Qty", "Reason", "Condition", "Reusable"),
                state.returns(), (ReceivedReturn r) -> List.of(r.returnCode(), r.salesOrderNumber(), r.itemCode(),
                        text(r.quantity()), text(r.reason()), text(r.condition()), text(r.reusable())));
        table(html, "Subscriptions", List.of("Id", "Event", "Method", "URL", "Filter"), state.subscriptions(),
                (Subscription s) -> List.of(text(s.id()), s.eventType().name(), s.method(), s.url(), s.filter()));
        return html.append("</body></html>").toString();
    }

    private static <T> void table(StringBuilder html, String title, List<String> headings, List<T> rows,
            Function<T, List<String>> cells) {
        html.append("<h2>").append(title).append(" (").append(rows.size()).append(")</h2><table><tr>");
        headings.forEach(heading -> html.append("<th>").append(HtmlUtils.htmlEscape(heading)).append("</th>"));
        html.append("</tr>");
        for (T row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(cell -> html.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}

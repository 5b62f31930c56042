package io.cherrypick.ops.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cherrypick.ops.StuckOrders.StuckOrder;
import io.cherrypick.ops.StuckPurchaseOrders.StuckPurchaseOrder;
import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.LifecycleState;

/**
 * The words of an alert: plain text with a line per group, readable in any chat. Flows, problems, teams and states are
 * in the console's plain words, the stored constant in brackets (a chat has no tooltip; support searches by it).
 */
final class AlertText {
    private AlertText() {
    }

    static String of(List<ExceptionRecord> newExceptions, List<StuckOrder> newlyStuck, List<StuckPurchaseOrder> newlyLate,
                     int examples, String linkBase) {
        StringBuilder text = new StringBuilder("Cherrypick: ");
        if (!newExceptions.isEmpty()) {
            text.append(plural(newExceptions.size(), "new exception", "new exceptions"));
        }
        if (!newlyStuck.isEmpty()) {
            text.append(newExceptions.isEmpty() ? "" : ", ")
                    .append(plural(newlyStuck.size(), "order newly stuck", "orders newly stuck"));
        }
        if (!newlyLate.isEmpty()) {
            text.append(newExceptions.isEmpty() && newlyStuck.isEmpty() ? "" : ", ")
                    .append(plural(newlyLate.size(), "purchase order overdue", "purchase orders overdue"));
        }
        if (!newExceptions.isEmpty()) {
            text.append("\n\nNew exceptions (").append(linkBase).append("/ops#/exceptions?status=OPEN):");
            Map<String, List<ExceptionRecord>> groups = newExceptions.stream().collect(Collectors.groupingBy(
                    e -> PlainWords.plain(PlainWords.FLOW, e.flow()) + " · " + PlainWords.plain(PlainWords.CATEGORY,
                            e.category()) + " [" + e.category() + "] (for " + PlainWords.plain(PlainWords.OWNER, e.owner())
                            + ")",
                    LinkedHashMap::new, Collectors.toList()));
            groups.forEach((group, records) -> {
                text.append("\n• ").append(group).append(" ×").append(records.size());
                records.stream().limit(examples).forEach(e -> text.append("\n    ").append(e.businessKey()).append(": ")
                        .append(oneLine(e.message())));
                more(text, records.size(), examples);
            });
        }
        if (!newlyStuck.isEmpty()) {
            text.append("\n\nStuck orders (").append(linkBase).append("/ops#/stuck):");
            Map<LifecycleState, List<StuckOrder>> groups = newlyStuck.stream().collect(Collectors.groupingBy(
                    StuckOrder::state, LinkedHashMap::new, Collectors.toList()));
            groups.forEach((state, orders) -> {
                StuckOrder first = orders.get(0);
                text.append("\n• ").append(PlainWords.plain(PlainWords.ORDER_STATE, state)).append(" [").append(state)
                        .append("] for over ").append(duration(first.limitMinutes()))
                        .append(" ×").append(orders.size()).append(", waiting for ").append(first.waitingFor());
                orders.stream().limit(examples).forEach(o -> text.append("\n    pick ").append(o.pickNum())
                        .append(o.ordNum() == null ? "" : " (order " + o.ordNum() + ")").append(": ")
                        .append(duration(o.minutesInState())).append(o.pvxSite() == null ? "" : " at " + o.pvxSite())
                        .append(o.exceptionOpen() ? ", has an open exception" : ""));
                more(text, orders.size(), examples);
            });
        }
        if (!newlyLate.isEmpty()) {
            StuckPurchaseOrder first = newlyLate.get(0);
            text.append("\n\nPurchase orders overdue (").append(linkBase).append("/ops#/purchase-orders):")
                    .append("\n• expected over ").append(duration(first.graceHours() * 60)).append(" ago, units still")
                    .append(" expected ×").append(newlyLate.size()).append(", waiting for the supplier's delivery")
                    .append(" (purchasing) or its booking in (the warehouse)");
            newlyLate.stream().limit(examples).forEach(po -> text.append("\n    purchase order ").append(po.prodNum())
                    .append(po.supplier() == null ? "" : " (" + po.supplier() + ")").append(": ")
                    .append(po.unitsExpected()).append(" of ").append(po.unitsOrdered()).append(" units, expected ")
                    .append(po.expectedDate()).append(po.site() == null ? "" : " at " + po.site())
                    .append(po.exceptionOpen() ? ", has an open exception" : ""));
            more(text, newlyLate.size(), examples);
        }
        return text.toString();
    }

    private static void more(StringBuilder text, int size, int examples) {
        if (size > examples) {
            text.append("\n    and ").append(size - examples).append(" more");
        }
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String oneLine(String message) {
        String s = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    static String duration(long minutes) {
        Duration d = Duration.ofMinutes(minutes);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m" : d.toMinutes() + "m";
    }
}

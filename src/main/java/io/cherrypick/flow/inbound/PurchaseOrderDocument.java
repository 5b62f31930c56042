package io.cherrypick.flow.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.mapping.MappingSource;
import io.cherrypick.store.PurchaseOrderStore.Line;

/**
 * A Blue Cherry purchase order ready for Peoplevox, as routes/mappings/purchase-order.yaml reads it
 * ({@code source: purchase-order}):
 * <ul>
 * <li>{@code prod_num}, {@code supplier} (the name on the address of cherrypick.flows.inbound.supplier-address-type),
 * {@code site} (the Peoplevox site of its location, mapping site), {@code location}, {@code status} (Pending, or
 * Cancelled when it left the open stage), {@code expected_date} (its due_date), and any other header field by its Blue
 * Cherry name (ref_num, orgentdate, prod_type, ...);</li>
 * <li>per line ({@code each: lines}): {@code prod_line}, {@code item_code}, {@code quantity} (prod_qty), {@code cost},
 * {@code upc}, {@code style}, {@code color_code}, {@code size_desc}, {@code line_status} (Pending; Closed for a line
 * Blue Cherry removed since Peoplevox was told). A cancelled purchase order has no lines to send.</li>
 * </ul>
 */
public record PurchaseOrderDocument(JsonNode po, String prodNum, String supplier, String location, String site,
                                    boolean cancelled, List<Line> lines, List<Line> closedLines) implements MappingSource {
    static final Set<String> NAMES = new TreeSet<>(Set.of("prod_num", "supplier", "site", "location", "status",
            "expected_date", "prod_line", "item_code", "quantity", "cost", "upc", "style", "color_code", "size_desc",
            "line_status"));

    @Override
    public String value(String name) {
        return switch (name) {
            case "prod_num" -> prodNum;
            case "supplier" -> supplier;
            case "site" -> site;
            case "location" -> location;
            case "status" -> cancelled ? "Cancelled" : "Pending";
            case "expected_date" -> PurchaseOrderSteps.text(po, "due_date");
            case "prod_line", "item_code", "quantity", "cost", "upc", "style", "color_code", "size_desc", "line_status" ->
                    throw new IllegalArgumentException("'" + name + "' is a value of a purchase order line: use it in a part"
                            + " with each: lines");
            default -> {
                if (po.has(name) && !po.get(name).isContainerNode()) {
                    yield PurchaseOrderSteps.text(po, name);
                }
                throw new IllegalArgumentException("'" + name + "' is not a value of purchase order " + prodNum
                        + "; the names are " + NAMES + " and its header fields");
            }
        };
    }

    @Override
    public List<? extends MappingSource> each(String collection) {
        if (!"lines".equals(collection)) {
            throw new IllegalArgumentException("a purchase order has no repeated part '" + collection + "' (it has lines)");
        }
        List<MappingSource> out = new ArrayList<>();
        if (cancelled) {
            return out;
        }
        lines.forEach(l -> out.add(line(l, "Pending")));
        closedLines.forEach(l -> out.add(line(l, "Closed")));
        return out;
    }

    private MappingSource line(Line l, String status) {
        return name -> switch (name) {
            case "prod_line" -> l.prodLine();
            case "item_code" -> l.itemCode();
            case "quantity" -> Integer.toString(l.ordered());
            case "cost" -> l.cost();
            case "upc" -> l.upc();
            case "style" -> l.style();
            case "color_code" -> l.colorCode();
            case "size_desc" -> l.sizeDesc();
            case "line_status" -> status;
            default -> value(name);
        };
    }
}

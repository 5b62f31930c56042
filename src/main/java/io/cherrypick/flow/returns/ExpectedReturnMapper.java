package io.cherrypick.flow.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a Blue Cherry RA into the rows of Peoplevox's expected-returns template: one row per Peoplevox item (RA lines
 * of the same item are added up, since Peoplevox keys expected returns by RMA number + item). Which Peoplevox field
 * gets which value is configuration ({@code cherrypick.flows.returns.expected-return.fields}), because how Peoplevox
 * takes expected returns is not public: the default is the simulator's assumed {@code Returns} template.
 */
@Component
public class ExpectedReturnMapper {
    /** The values a Peoplevox field can be mapped to. */
    public static final Set<String> SOURCES = Set.of("ra_num", "ord_num", "pick_num", "customer", "location", "reason_code",
            "ra_date", "item_code", "upc", "style", "color_code", "size_desc", "quantity", "site", "comments");

    private final String template;
    private final Map<String, String> fields;

    public ExpectedReturnMapper(ReturnsProperties props) {
        this.template = props.expectedReturn().template();
        this.fields = props.expectedReturn().fields();
        fields.forEach((field, source) -> {
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("cherrypick.flows.returns.expected-return.fields." + field + ": '" + source
                        + "' is not one of " + SOURCES);
            }
        });
        if (!fields.containsValue("ra_num") || !fields.containsValue("item_code")) {
            throw new IllegalArgumentException("cherrypick.flows.returns.expected-return.fields must map a Peoplevox field"
                    + " to ra_num and one to item_code (they identify an expected return), were " + fields);
        }
    }

    public String template() {
        return template;
    }

    /** The rows for one RA, given the pick (Peoplevox sales order) and site it resolved to. */
    public List<Map<String, String>> rows(JsonNode ra, List<AuthorisedLine> lines, String pickNum, String site) {
        Map<String, List<AuthorisedLine>> byItem = new LinkedHashMap<>();
        lines.forEach(l -> byItem.computeIfAbsent(l.itemCode(), k -> new ArrayList<>()).add(l));
        List<Map<String, String>> rows = new ArrayList<>();
        byItem.forEach((itemCode, itemLines) -> {
            AuthorisedLine first = itemLines.get(0);
            Map<String, String> values = new LinkedHashMap<>();
            for (String header : List.of("ra_num", "ord_num", "customer", "location", "reason_code", "ra_date")) {
                values.put(header, AuthorisationReader.text(ra, header));
            }
            values.put("pick_num", pickNum);
            values.put("item_code", itemCode);
            values.put("upc", first.upc());
            values.put("style", first.style());
            values.put("color_code", first.colorCode());
            values.put("size_desc", first.sizeDesc());
            values.put("quantity", Integer.toString(itemLines.stream().mapToInt(AuthorisedLine::raQty).sum()));
            values.put("site", site);
            values.put("comments", "Blue Cherry RA " + values.get("ra_num")
                    + (values.get("ord_num").isEmpty() ? "" : ", order " + values.get("ord_num"))
                    + (values.get("customer").isEmpty() ? "" : ", customer " + values.get("customer")));
            Map<String, String> row = new LinkedHashMap<>();
            fields.forEach((field, source) -> row.put(field, values.get(source)));
            rows.add(row);
        });
        return rows;
    }
}

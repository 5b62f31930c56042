package io.cherrypick.flow.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.Category;
import io.cherrypick.store.ValueMappingStore;

/**
 * Checks a pick before it may go to Peoplevox: its location maps to a site, its shipper to a service type, the ship-to
 * address is complete, every line has an item Peoplevox knows and a positive whole quantity. A pick with any problem is
 * held whole: no line is ever dropped.
 */
@Component
public class SalesOrderValidator {
    static final int MAX_ORDER_NUMBER = 30;
    private static final List<String> SHIP_TO_REQUIRED = List.of("name", "addr1", "city", "country");

    private final ValueMappingStore mappings;
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;

    public SalesOrderValidator(ValueMappingStore mappings, ItemCodes itemCodes, PeoplevoxItemCatalog catalog) {
        this.mappings = mappings;
        this.itemCodes = itemCodes;
        this.catalog = catalog;
    }

    /** Problems per pick number, for a batch of picks; picks without problems are absent. Items are looked up in one go. */
    public Map<String, List<PickProblem>> validate(Map<String, JsonNode> picksByNumber) {
        Set<String> codes = new HashSet<>();
        picksByNumber.values().forEach(p -> lines(p).forEach(l -> codes.add(itemCodes.itemCode(l, l.path("style").asText()))));
        Set<String> missingItems = catalog.missing(codes);
        Map<String, List<PickProblem>> problems = new LinkedHashMap<>();
        picksByNumber.forEach((pickNum, pick) -> {
            List<PickProblem> found = validate(pickNum, pick, missingItems);
            if (!found.isEmpty()) {
                problems.put(pickNum, found);
            }
        });
        return problems;
    }

    List<PickProblem> validate(String pickNum, JsonNode pick, Set<String> missingItems) {
        List<PickProblem> problems = new ArrayList<>();
        String label = "Pick " + pickNum;
        if (text(pick, "pick_num").isEmpty()) {
            problems.add(new PickProblem(Category.VALIDATION, label + ": field pick_num is empty"));
        } else if (pickNum.length() > MAX_ORDER_NUMBER) {
            problems.add(new PickProblem(Category.VALIDATION, label + ": pick_num is " + pickNum.length()
                    + " characters; Peoplevox SalesOrderNumber allows " + MAX_ORDER_NUMBER));
        }
        String location = text(pick, "location");
        if (location.isEmpty()) {
            problems.add(new PickProblem(Category.MISSING_WAREHOUSE, label + ": field location is empty"));
        } else if (mappings.lookup(ValueMappingStore.SITE, location).isEmpty()) {
            problems.add(new PickProblem(Category.MISSING_WAREHOUSE, label + ": location '" + location
                    + "' has no Peoplevox site mapping (add it under mappings 'site')"));
        }
        String shipper = text(pick, "shipper");
        if (!shipper.isEmpty() && mappings.lookup(ValueMappingStore.SHIPPER, shipper).isEmpty()) {
            problems.add(new PickProblem(Category.VALIDATION, label + ": shipper '" + shipper
                    + "' has no Peoplevox service type mapping (add it under mappings 'shipper')"));
        }
        JsonNode shipTo = address(pick, "ST");
        if (shipTo == null) {
            problems.add(new PickProblem(Category.VALIDATION, label + ": pickaddress has no ship-to (addr_type ST) row"));
        } else {
            for (String field : SHIP_TO_REQUIRED) {
                if (text(shipTo, field).isEmpty()) {
                    problems.add(new PickProblem(Category.VALIDATION, label + ": ship-to address field " + field + " is empty"));
                }
            }
        }
        List<JsonNode> lines = lines(pick);
        if (lines.isEmpty()) {
            problems.add(new PickProblem(Category.VALIDATION, label + " has no lines (pickdetail.rows is empty)"));
        }
        Set<String> lineNumbers = new HashSet<>();
        for (JsonNode line : lines) {
            String seq = text(line, "line_seq");
            String lineLabel = label + " line " + (seq.isEmpty() ? "?" : seq);
            String code = itemCodes.itemCode(line, text(line, "style"));
            if (seq.isEmpty()) {
                problems.add(new PickProblem(Category.VALIDATION, lineLabel + ": field line_seq is empty"));
            } else if (!lineNumbers.add(seq)) {
                problems.add(new PickProblem(Category.VALIDATION, lineLabel + ": line_seq " + seq + " appears twice"));
            }
            String qty = text(line, "bk_qty");
            if (!isPositiveWhole(qty)) {
                problems.add(new PickProblem(Category.VALIDATION, lineLabel + " (item " + code + "): bk_qty '" + qty
                        + "' must be a positive whole number"));
            }
            if (code.isEmpty()) {
                problems.add(new PickProblem(Category.VALIDATION, lineLabel + ": field " + itemCodes.sourceFieldName()
                        + " is empty, so the line has no Peoplevox ItemCode"));
            } else if (missingItems.contains(code)) {
                problems.add(new PickProblem(Category.SKU_MISMATCH, lineLabel + ": item " + code + " (style "
                        + text(line, "style") + " " + text(line, "color_code") + " " + text(line, "size_desc")
                        + ") does not exist in Peoplevox"));
            }
        }
        return problems;
    }

    /** The category an exception for these problems gets: the one a person must fix first. */
    public static Category mainCategory(List<PickProblem> problems) {
        for (Category c : List.of(Category.MISSING_WAREHOUSE, Category.SKU_MISMATCH)) {
            if (problems.stream().anyMatch(p -> p.category() == c)) {
                return c;
            }
        }
        return problems.get(0).category();
    }

    static List<JsonNode> lines(JsonNode pick) {
        List<JsonNode> lines = new ArrayList<>();
        pick.path("pickdetail").path("rows").forEach(lines::add);
        return lines;
    }

    static JsonNode address(JsonNode pick, String type) {
        for (JsonNode a : pick.path("pickaddress").path("rows")) {
            if (type.equalsIgnoreCase(a.path("addr_type").asText())) {
                return a;
            }
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.path(field);
        return v == null || v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }

    private static boolean isPositiveWhole(String qty) {
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(qty);
            return value.signum() > 0 && value.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

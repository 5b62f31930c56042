package io.cherrypick.flow.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.PickLine;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Problem;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.ValueMappingStore;

/**
 * Checks a pick before it may go to Peoplevox (bean {@code salesOrderValidator} in routes/): its location maps to a
 * site, its shipper to a service type, the ship-to address is complete, every line has an item Peoplevox knows and a
 * positive whole quantity. A pick with any problem is held whole: no line is ever dropped.
 */
@Component
public class SalesOrderValidator {
    /** Exchange property: the ItemCodes of the batch that Peoplevox does not have (looked up once per batch). */
    public static final String MISSING_ITEMS = "CherrypickMissingItems";
    static final int MAX_ORDER_NUMBER = 30;
    private static final List<String> SHIP_TO_REQUIRED = List.of("name", "addr1", "city", "country");

    private final ValueMappingStore mappings;
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;
    private final ObjectMapper json;

    public SalesOrderValidator(ValueMappingStore mappings, ItemCodes itemCodes, PeoplevoxItemCatalog catalog,
                               ObjectMapper json) {
        this.mappings = mappings;
        this.itemCodes = itemCodes;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * Route step over a batch (a list of messages, each a pick): finds the batch's ItemCodes Peoplevox does not have, in
     * one lookup (Cherrypick's item list first, then one GetData per 100 unknown codes), for {@link #check}.
     */
    public void lookUpItems(Exchange exchange) {
        List<Pick> picks = new ArrayList<>();
        for (Object part : exchange.getIn().getBody(List.class)) {
            Object body = part instanceof Message m ? m.getBody() : part;
            try {
                picks.add(body instanceof Pick pick ? pick : Pick.of(json.readTree(body.toString())));
            } catch (Exception unreadable) {
                // an unreadable pick is held by its own step; it has no items to look up
            }
        }
        exchange.setProperty(MISSING_ITEMS, missingItems(picks));
    }

    /**
     * Route step for one pick: when it has problems, sets the dead-letter headers (category, the sentence naming the
     * pick, line and field, outcome HELD) for the hold path; otherwise leaves the message as it is.
     */
    public void check(Exchange exchange) {
        Message in = exchange.getIn();
        Pick pick = in.getBody(Pick.class);
        @SuppressWarnings("unchecked")
        Set<String> missing = exchange.getProperty(MISSING_ITEMS, Set.class);
        List<Problem> problems = check(in.getHeader(Handoff.RECORD_KEY, pick.getPickNum(), String.class), pick,
                missing != null ? missing : missingItems(List.of(pick)));
        if (!problems.isEmpty()) {
            in.setHeader(Handoff.CATEGORY, mainCategory(problems).name());
            in.setHeader(Handoff.REASON, problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
            in.setHeader(Handoff.OUTCOME, HandoffStore.HELD);
        }
    }

    /** The ItemCodes of these picks that Peoplevox does not have. */
    public Set<String> missingItems(Collection<Pick> picks) {
        Set<String> codes = new HashSet<>();
        picks.forEach(p -> p.getLines().forEach(l -> codes.add(itemCode(l))));
        codes.remove("");
        return catalog.missing(codes);
    }

    /** Every problem of a pick, each a sentence naming the pick, the line and the field; empty when it may go. */
    public List<Problem> check(String pickNum, Pick pick, Set<String> missingItems) {
        List<Problem> problems = new ArrayList<>();
        String label = "Pick " + pickNum;
        if (pick.getPickNum().isEmpty()) {
            problems.add(new Problem(Category.VALIDATION, label + ": field pick_num is empty"));
        } else if (pickNum.length() > MAX_ORDER_NUMBER) {
            problems.add(new Problem(Category.VALIDATION, label + ": pick_num is " + pickNum.length()
                    + " characters; Peoplevox SalesOrderNumber allows " + MAX_ORDER_NUMBER));
        }
        String location = pick.getLocation();
        if (location.isEmpty()) {
            problems.add(new Problem(Category.MISSING_WAREHOUSE, label + ": field location is empty"));
        } else if (mappings.lookup(ValueMappingStore.SITE, location).isEmpty()) {
            problems.add(new Problem(Category.MISSING_WAREHOUSE, label + ": location '" + location
                    + "' has no Peoplevox site mapping (add it under mappings 'site')"));
        }
        String shipper = pick.getShipper();
        if (!shipper.isEmpty() && mappings.lookup(ValueMappingStore.SHIPPER, shipper).isEmpty()) {
            problems.add(new Problem(Category.VALIDATION, label + ": shipper '" + shipper
                    + "' has no Peoplevox service type mapping (add it under mappings 'shipper')"));
        }
        pick.shipTo().ifPresentOrElse(shipTo -> {
            for (String field : SHIP_TO_REQUIRED) {
                if (shipTo.text(field).isEmpty()) {
                    problems.add(new Problem(Category.VALIDATION, label + ": ship-to address field " + field + " is empty"));
                }
            }
        }, () -> problems.add(new Problem(Category.VALIDATION, label + ": pickaddress has no ship-to (addr_type ST) row")));
        if (pick.getLines().isEmpty()) {
            problems.add(new Problem(Category.VALIDATION, label + " has no lines (pickdetail.rows is empty)"));
        }
        Set<String> lineNumbers = new HashSet<>();
        for (PickLine line : pick.getLines()) {
            String seq = line.getLineSeq();
            String lineLabel = label + " line " + (seq.isEmpty() ? "?" : seq);
            String code = itemCode(line);
            if (seq.isEmpty()) {
                problems.add(new Problem(Category.VALIDATION, lineLabel + ": field line_seq is empty"));
            } else if (!lineNumbers.add(seq)) {
                problems.add(new Problem(Category.VALIDATION, lineLabel + ": line_seq " + seq + " appears twice"));
            }
            String qty = line.text("bk_qty");
            if (!isPositiveWhole(qty)) {
                problems.add(new Problem(Category.VALIDATION, lineLabel + " (item " + code + "): bk_qty '" + qty
                        + "' must be a positive whole number"));
            }
            if (code.isEmpty()) {
                problems.add(new Problem(Category.VALIDATION, lineLabel + ": field " + itemCodes.sourceFieldName()
                        + " is empty, so the line has no Peoplevox ItemCode"));
            } else if (missingItems.contains(code)) {
                problems.add(new Problem(Category.SKU_MISMATCH, lineLabel + ": item " + code + " (style "
                        + line.getStyle() + " " + line.text("color_code") + " " + line.text("size_desc")
                        + ") does not exist in Peoplevox"));
            }
        }
        return problems;
    }

    /** The category an exception for these problems gets: the one a person must fix first. */
    public static Category mainCategory(List<Problem> problems) {
        for (Category c : List.of(Category.MISSING_WAREHOUSE, Category.SKU_MISMATCH)) {
            if (problems.stream().anyMatch(p -> p.category() == c)) {
                return c;
            }
        }
        return problems.get(0).category();
    }

    private String itemCode(PickLine line) {
        return itemCodes.itemCode(line.json(), line.getStyle());
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

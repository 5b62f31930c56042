package io.cherrypick.flow.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import io.cherrypick.catalog.ItemIdentityCheck;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Problem;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappingEndpoint;
import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.Peoplevox;

/**
 * Checks a mapped SKU before it may go to Peoplevox (bean {@code itemValidator} in routes/): required fields present,
 * values within the template's lengths, numbers where Peoplevox wants numbers, a UPC-A or EAN-13 barcode with the right
 * check digit; and that its barcode and ItemCode belong to no other item, in Peoplevox (as far as Cherrypick knows) or
 * earlier in the same batch. A SKU with a problem gets the hold headers (category, the sentence naming style, colour,
 * size and field) for the route's hold path.
 */
@Component
public class ItemValidator {
    private final ItemFlowProperties props;
    private final ItemIdentityCheck identities;
    private final Mappings mappings;

    public ItemValidator(ItemFlowProperties props, ItemIdentityCheck identities, Mappings mappings) {
        this.props = props;
        this.identities = identities;
        this.mappings = mappings;
    }

    /**
     * Route step for one SKU (body: its mapped row; header CherrypickSku: the SKU): names it (header CherrypickRecordKey
     * becomes its ItemCode, so its exceptions are keyed by it; CherrypickItemLabel the words that name it) and, when the
     * row fails a check, sets the hold headers. The mapping file the row came from (header CherrypickMapping, set by
     * mapping:) gives the expressions quoted when a field is empty. One argument, not overloaded: Camel binds it without
     * parsing a parameter list for each SKU.
     */
    public void check(Exchange exchange) {
        Message in = exchange.getIn();
        Map<String, String> row = ItemBatch.row(in);
        String itemCode = row.getOrDefault("ItemCode", "");
        String label = ItemBatch.sku(in).label(itemCode);
        in.setHeader(ItemBatch.LABEL, label);
        if (!itemCode.isEmpty()) {
            in.setHeader(Handoff.RECORD_KEY, itemCode);
        }
        String mapping = in.getHeader(MappingEndpoint.MAPPING, String.class);
        List<Problem> problems = problems(label, row, field -> expression(mapping, field));
        if (!problems.isEmpty()) {
            hold(in, problems.get(0).category(), problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Route step over the batch's changed SKUs (a list of messages, each as {@link #check} left it): of the same SKU
     * twice (two revisions of a style) the newer row stays, and a SKU whose ItemCode or barcode is another item's gets
     * the hold headers (see {@link #checkUnique(List)}).
     */
    @SuppressWarnings("unchecked")
    public void checkUnique(Exchange exchange) {
        Map<String, Message> latest = new LinkedHashMap<>();
        for (Message m : (List<Message>) exchange.getIn().getBody(List.class)) {
            latest.put(ItemBatch.row(m).getOrDefault("ItemCode", "") + "\u0000" + ItemBatch.sku(m).describe(), m);
        }
        List<Message> candidates = new ArrayList<>(latest.values());
        List<Problem> problems = identities.check(candidates.stream().map(m -> new ItemIdentityCheck.Candidate(m.getHeader(ItemBatch.LABEL,
                String.class), ItemBatch.sku(m), ItemBatch.row(m).getOrDefault("ItemCode", ""),
                ItemBatch.row(m).getOrDefault("Barcode", ""))).toList());
        for (int i = 0; i < candidates.size(); i++) {
            if (problems.get(i) != null) {
                hold(candidates.get(i), problems.get(i).category(), problems.get(i).message());
            }
        }
        exchange.getIn().setBody(candidates);
    }

    private static void hold(Message m, Category category, String reason) {
        m.setHeader(Handoff.CATEGORY, category.name());
        m.setHeader(Handoff.REASON, reason);
    }

    /** A field's expression in the mapping file (any part), looked up only for a field found empty. */
    private Object expression(String mapping, String field) {
        if (mapping == null) {
            return null;
        }
        for (MappingFile.Part part : mappings.file(mapping).parts()) {
            Object expression = part.fields().get(field);
            if (expression != null) {
                return expression;
            }
        }
        return null;
    }

    /**
     * The problems of one mapped row on its own (empty when it may be sent). {@code expressionOf} gives a field's
     * expression in the mapping, quoted when a required field is empty.
     */
    public List<Problem> problems(String label, Map<String, String> row, Function<String, ?> expressionOf) {
        List<Problem> problems = new ArrayList<>();
        for (String field : props.requiredFields()) {
            if (blank(row.get(field))) {
                Object expression = expressionOf.apply(field);
                problems.add(validation(label + ": Peoplevox field " + field + " is empty (mapped from "
                        + (expression == null ? "nothing: the mapping has no expression for it"
                        : "'" + expression + "'") + ")"));
            }
        }
        row.forEach((field, value) -> {
            int max = props.maxLength(field);
            if (max >= 0 && value.length() > max) {
                problems.add(validation(label + ": Peoplevox field " + field + " is " + value.length()
                        + " characters, Peoplevox allows " + max + " ('" + value + "'); shorten it in Blue Cherry or in the"
                        + " mapping (e.g. {style_name:30})"));
            }
            if (props.numericFields().contains(field) && !value.isEmpty() && !isNumber(value)) {
                problems.add(validation(label + ": Peoplevox field " + field + " '" + value + "' is not a number"));
            }
        });
        String barcode = row.get("Barcode");
        if (props.checkBarcodes() && !blank(barcode) && !Gs1.isValidBarcode(barcode)) {
            problems.add(validation(label + ": Barcode '" + barcode + "' " + whyNotABarcode(barcode)));
        }
        return problems;
    }

    private static String whyNotABarcode(String barcode) {
        boolean digits = barcode.chars().allMatch(Character::isDigit);
        if (digits && (barcode.length() == 12 || barcode.length() == 13)) {
            return "has a wrong check digit (it should end in "
                    + Gs1.checkDigit(barcode.substring(0, barcode.length() - 1)) + ")";
        }
        return "is not a UPC-A (12 digits) or EAN-13 (13 digits) barcode";
    }

    private static Problem validation(String message) {
        return new Problem(Category.VALIDATION, message);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

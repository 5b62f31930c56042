package io.cherrypick.flow.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties.CodeStrategy;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.catalog.PeoplevoxItemCatalog.KnownItem;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.item.SyncedItemStore.SyncedItem;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.Mappings;

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
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;
    private final SyncedItemStore synced;
    private final Mappings mappings;

    public ItemValidator(ItemFlowProperties props, ItemCodes itemCodes, PeoplevoxItemCatalog catalog, SyncedItemStore synced,
                         Mappings mappings) {
        this.props = props;
        this.itemCodes = itemCodes;
        this.catalog = catalog;
        this.synced = synced;
        this.mappings = mappings;
    }

    /** A SKU to check for uniqueness: {@code label} names it for people ("Style 01234 colour BLK size M (ItemCode ...)"). */
    public record Candidate(String label, StyleSku sku, String itemCode, String barcode) {
    }

    /**
     * Route step for one SKU (body: its mapped row; header CherrypickSku: the SKU): names it (header CherrypickRecordKey
     * becomes its ItemCode, so its exceptions are keyed by it; CherrypickItemLabel the words that name it) and, when the
     * row fails a check, sets the hold headers. {@code mapping} is the mapping file the row came from (its expressions
     * are quoted when a field is empty).
     */
    public void check(Exchange exchange, String mapping) {
        Message in = exchange.getIn();
        Map<String, String> row = ItemBatch.row(in);
        String itemCode = row.getOrDefault("ItemCode", "");
        String label = ItemBatch.sku(in).label(itemCode);
        in.setHeader(ItemBatch.LABEL, label);
        if (!itemCode.isEmpty()) {
            in.setHeader(Handoff.RECORD_KEY, itemCode);
        }
        List<ItemProblem> problems = check(label, row, expressions(mapping));
        if (!problems.isEmpty()) {
            hold(in, problems.get(0).category(), problems.stream().map(ItemProblem::message).collect(Collectors.joining("; ")));
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
        List<ItemProblem> problems = checkUnique(candidates.stream().map(m -> new Candidate(m.getHeader(ItemBatch.LABEL,
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

    /** Target field to expression, over every part of the mapping file. */
    private Map<String, Object> expressions(String mapping) {
        Map<String, Object> fields = new HashMap<>();
        for (MappingFile.Part part : mappings.file(mapping).parts()) {
            fields.putAll(part.fields());
        }
        return fields;
    }

    /**
     * The problems of one mapped row on its own (empty when it may be sent). {@code mapping} gives each field's
     * expression, quoted when a required field is empty.
     */
    public List<ItemProblem> check(String label, Map<String, String> row, Map<String, ?> mapping) {
        List<ItemProblem> problems = new ArrayList<>();
        for (String field : props.requiredFields()) {
            if (blank(row.get(field))) {
                Object expression = mapping.get(field);
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

    /**
     * For SKUs that passed {@link #check}: those whose ItemCode or Barcode is another item's, in Peoplevox (pvx_item,
     * item_sku) or in an earlier candidate (first come keeps it). Returns, per candidate in order, its problem or null.
     */
    public List<ItemProblem> checkUnique(List<Candidate> candidates) {
        Set<String> values = new HashSet<>();
        candidates.forEach(c -> {
            values.add(c.itemCode());
            values.add(c.barcode());
        });
        Map<String, KnownItem> knownByCode = new HashMap<>();
        Map<String, List<KnownItem>> knownByBarcode = new HashMap<>();
        for (KnownItem k : catalog.findByCodeOrBarcode(values)) {
            knownByCode.put(k.itemCode(), k);
            if (k.barcode() != null) {
                knownByBarcode.computeIfAbsent(k.barcode(), b -> new ArrayList<>()).add(k);
            }
        }
        Set<String> codes = new HashSet<>(knownByCode.keySet());
        candidates.forEach(c -> codes.add(c.itemCode()));
        Map<String, SyncedItem> syncedByCode = synced.find(codes);
        Category codeClash = itemCodes.strategy() == CodeStrategy.UPC ? Category.DUPLICATE_BARCODE : Category.VALIDATION;

        List<ItemProblem> problems = new ArrayList<>(candidates.size());
        Map<String, Candidate> codeTaken = new HashMap<>();
        Map<String, Candidate> barcodeTaken = new HashMap<>();
        for (Candidate c : candidates) {
            String code = c.itemCode();
            String barcode = c.barcode();
            ItemProblem problem = null;
            SyncedItem owner = syncedByCode.get(code);
            Candidate earlier = codeTaken.get(code);
            if (owner != null && !c.sku().sameSku(owner.style(), owner.colorCode(), owner.lblCode(), owner.dimension(), owner.sizeDesc())) {
                problem = new ItemProblem(codeClash, c.label() + ": ItemCode " + code + " (from " + itemCodes.sourceFieldName()
                        + ") is already the Peoplevox item of " + owner.describe());
            } else if (earlier != null && !earlier.sku().sameSku(c.sku().styleCode(), c.sku().colorCode(), c.sku().lblCode(),
                    c.sku().dimension(), c.sku().sizeDesc())) {
                problem = new ItemProblem(codeClash, c.label() + ": ItemCode " + code + " (from " + itemCodes.sourceFieldName()
                        + ") is also the ItemCode of " + earlier.sku().describe() + ", which was sent first");
            } else if (!barcode.isEmpty()) {
                String clash = barcodeClash(code, barcode, knownByCode, knownByBarcode, syncedByCode, codeTaken, barcodeTaken);
                if (clash != null) {
                    problem = new ItemProblem(Category.DUPLICATE_BARCODE, c.label() + ": " + clash);
                }
            }
            problems.add(problem);
            if (problem == null) {
                codeTaken.putIfAbsent(code, c);
                if (!barcode.isEmpty()) {
                    barcodeTaken.putIfAbsent(barcode, c);
                }
            }
        }
        return problems;
    }

    /** Peoplevox keeps one item per barcode, and a barcode may not be another item's ItemCode, nor the reverse. */
    private static String barcodeClash(String code, String barcode, Map<String, KnownItem> knownByCode,
                                       Map<String, List<KnownItem>> knownByBarcode, Map<String, SyncedItem> syncedByCode,
                                       Map<String, Candidate> codeTaken, Map<String, Candidate> barcodeTaken) {
        for (KnownItem k : knownByBarcode.getOrDefault(barcode, List.of())) {
            if (!k.itemCode().equals(code)) {
                return "Barcode '" + barcode + "' is already the barcode of Peoplevox item " + k.itemCode()
                        + describeOwner(syncedByCode.get(k.itemCode()));
            }
        }
        if (!barcode.equals(code) && knownByCode.containsKey(barcode)) {
            return "Barcode '" + barcode + "' is already the ItemCode of Peoplevox item " + barcode
                    + describeOwner(syncedByCode.get(barcode));
        }
        for (KnownItem k : knownByBarcode.getOrDefault(code, List.of())) {
            if (!k.itemCode().equals(code)) {
                return "ItemCode " + code + " is already the barcode of Peoplevox item " + k.itemCode()
                        + describeOwner(syncedByCode.get(k.itemCode()));
            }
        }
        Candidate sameBarcode = barcodeTaken.get(barcode);
        if (sameBarcode != null && !sameBarcode.itemCode().equals(code)) {
            return "Barcode '" + barcode + "' is also the barcode of " + sameBarcode.sku().describe() + " (ItemCode "
                    + sameBarcode.itemCode() + "), which was sent first";
        }
        Candidate barcodeIsCode = codeTaken.get(barcode);
        if (!barcode.equals(code) && barcodeIsCode != null) {
            return "Barcode '" + barcode + "' is also the ItemCode of " + barcodeIsCode.sku().describe() + ", which was sent first";
        }
        Candidate codeIsBarcode = barcodeTaken.get(code);
        if (codeIsBarcode != null && !codeIsBarcode.itemCode().equals(code)) {
            return "ItemCode " + code + " is also the barcode of " + codeIsBarcode.sku().describe() + " (ItemCode "
                    + codeIsBarcode.itemCode() + "), which was sent first";
        }
        return null;
    }

    private static String describeOwner(SyncedItem owner) {
        return owner == null ? "" : " (" + owner.describe() + ")";
    }

    private static String whyNotABarcode(String barcode) {
        boolean digits = barcode.chars().allMatch(Character::isDigit);
        if (digits && (barcode.length() == 12 || barcode.length() == 13)) {
            return "has a wrong check digit (it should end in "
                    + Gs1.checkDigit(barcode.substring(0, barcode.length() - 1)) + ")";
        }
        return "is not a UPC-A (12 digits) or EAN-13 (13 digits) barcode";
    }

    private static ItemProblem validation(String message) {
        return new ItemProblem(Category.VALIDATION, message);
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

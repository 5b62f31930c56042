package io.cherrypick.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.ItemProperties.CodeStrategy;
import io.cherrypick.catalog.PeoplevoxItemCatalog.KnownItem;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Problem;
import io.cherrypick.store.SyncedItemStore;
import io.cherrypick.store.SyncedItemStore.SyncedItem;

/**
 * Peoplevox keeps one item per ItemCode and per barcode, and a barcode may not be another item's ItemCode: whether SKUs
 * about to be sent keep to that, against the items Peoplevox has (as far as Cherrypick knows: pvx_item, item_sku) and
 * against each other (the first SKU keeps a value). Used by the item flow before it sends.
 */
@Component
public class ItemIdentityCheck {
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;
    private final SyncedItemStore synced;

    public ItemIdentityCheck(ItemCodes itemCodes, PeoplevoxItemCatalog catalog, SyncedItemStore synced) {
        this.itemCodes = itemCodes;
        this.catalog = catalog;
        this.synced = synced;
    }

    /** A SKU to check for uniqueness: {@code label} names it for people ("Style 01234 colour BLK size M (ItemCode ...)"). */
    public record Candidate(String label, StyleSku sku, String itemCode, String barcode) {
    }

    /**
     * For SKUs about to be sent: those whose ItemCode or Barcode is another item's, in Peoplevox (pvx_item,
     * item_sku) or in an earlier candidate (first come keeps it). Returns, per candidate in order, its problem or null.
     */
    public List<Problem> check(List<Candidate> candidates) {
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

        List<Problem> problems = new ArrayList<>(candidates.size());
        Map<String, Candidate> codeTaken = new HashMap<>();
        Map<String, Candidate> barcodeTaken = new HashMap<>();
        for (Candidate c : candidates) {
            String code = c.itemCode();
            String barcode = c.barcode();
            Problem problem = null;
            SyncedItem owner = syncedByCode.get(code);
            Candidate earlier = codeTaken.get(code);
            if (owner != null && !c.sku().sameSku(owner.style(), owner.colorCode(), owner.lblCode(), owner.dimension(), owner.sizeDesc())) {
                problem = new Problem(codeClash, c.label() + ": ItemCode " + code + " (from " + itemCodes.sourceFieldName()
                        + ") is already the Peoplevox item of " + owner.describe());
            } else if (earlier != null && !earlier.sku().sameSku(c.sku().styleCode(), c.sku().colorCode(), c.sku().lblCode(),
                    c.sku().dimension(), c.sku().sizeDesc())) {
                problem = new Problem(codeClash, c.label() + ": ItemCode " + code + " (from " + itemCodes.sourceFieldName()
                        + ") is also the ItemCode of " + earlier.sku().describe() + ", which was sent first");
            } else if (!barcode.isEmpty()) {
                String clash = barcodeClash(code, barcode, knownByCode, knownByBarcode, syncedByCode, codeTaken, barcodeTaken);
                if (clash != null) {
                    problem = new Problem(Category.DUPLICATE_BARCODE, c.label() + ": " + clash);
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
}

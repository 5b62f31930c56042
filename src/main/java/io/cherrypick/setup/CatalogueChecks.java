package io.cherrypick.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.PickLine;
import io.cherrypick.catalog.ItemDrift;
import io.cherrypick.flow.item.ItemFlowProperties;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.runtime.FlowSwitch;
import io.cherrypick.setup.Readings.CatalogueSku;

/**
 * The catalogue: Blue Cherry's SKUs (every style, mapped by routes/mappings/item.yaml and checked by the item flow's
 * rules) against Peoplevox's item types (every one, GetData pages of up to 1,000): missing on either side, one barcode on
 * two items, SKUs the item flow would hold, mapped attributes that differ, and open picks naming a SKU neither system has.
 */
@Component
@Order(3)
class CatalogueChecks implements SetupCheck {
    private final FlowSwitch flows;
    private final ItemFlowProperties items;

    CatalogueChecks(FlowSwitch flows, ItemFlowProperties items) {
        this.flows = flows;
        this.items = items;
    }

    @Override
    public String name() {
        return "Catalogue";
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        return List.of(missingInPeoplevox(audit), unknownToBlueCherry(audit), duplicateBarcodes(audit), invalidSkus(audit),
                invalidPeoplevoxBarcodes(audit), attributeDifferences(audit), unknownOnOpenPicks(audit));
    }

    private static final String READS = "Blue Cherry styles (all), Peoplevox Item types (all)";

    private CheckResult missingInPeoplevox(AuditContext audit) {
        boolean itemFlow = flows.enabled("item");
        return audit.check("catalogue.missing-in-peoplevox", Section.CATALOGUE, "Blue Cherry SKUs missing in Peoplevox",
                c -> {
                    c.reads(READS).fix(itemFlow
                            ? "The item flow sends them as their styles come (a first sync sends every style: see Capacity"
                            + " for how long it takes). A SKU it would hold is listed under 'SKUs the item flow would hold'."
                            : "The item flow is off (cherrypick.flows.item.enabled=false): switch it on, or create these"
                            + " items in Peoplevox. Orders for them are held until they exist.");
                    // a SKU the item flow would hold is counted under invalid SKUs, not here again
                    Map<String, Map<String, String>> peoplevox = audit.readings().itemsByCode();
                    for (CatalogueSku sku : audit.readings().skus()) {
                        c.checked(1);
                        if (sku.problems().isEmpty() && !peoplevox.containsKey(sku.itemCode())) {
                            c.problem(itemFlow ? Verdict.WARN : Verdict.FAIL, sku.label() + " is not in Peoplevox");
                        }
                    }
                });
    }

    private CheckResult unknownToBlueCherry(AuditContext audit) {
        return audit.check("catalogue.unknown-to-bluecherry", Section.CATALOGUE, "Peoplevox items unknown to Blue Cherry",
                c -> {
                    c.reads(READS).fix("Made by hand in Peoplevox, or their style left Blue Cherry. Blue Cherry is the item"
                            + " master: add the SKU to its style there, or deactivate the item in Peoplevox. No Blue Cherry"
                            + " order can name it, and its stock goes nowhere.");
                    Set<String> blueCherry = audit.readings().skuCodes();
                    audit.readings().itemsByCode().forEach((code, row) -> {
                        c.checked(1);
                        if (!blueCherry.contains(code)) {
                            c.problem(Verdict.WARN, "Peoplevox item " + code + " ('" + row.getOrDefault("Name", "")
                                    + "', barcode " + row.getOrDefault("Barcode", "") + ") is in no Blue Cherry style");
                        }
                    });
                });
    }

    private CheckResult duplicateBarcodes(AuditContext audit) {
        return audit.check("catalogue.duplicate-barcodes", Section.CATALOGUE, "One barcode on two items", c -> {
            c.reads(READS).fix("Peoplevox keeps one item per barcode. Correct the barcode in Blue Cherry (or that of the"
                    + " Peoplevox item made by hand): until then the item flow holds the SKU (DUPLICATE_BARCODE).");
            Map<String, Owners> byBarcode = new LinkedHashMap<>();
            for (CatalogueSku sku : audit.readings().skus()) {
                if (!sku.barcode().isEmpty()) {
                    byBarcode.computeIfAbsent(sku.barcode(), b -> new Owners()).blueCherry.put(sku.sku().describe(), sku);
                }
            }
            for (Map<String, String> item : audit.readings().items()) {
                String barcode = item.getOrDefault("Barcode", "").trim();
                String code = item.getOrDefault("ItemCode", "").trim();
                if (!barcode.isEmpty() && !code.contains(ItemDrift.DEACTIVATED)) {
                    byBarcode.computeIfAbsent(barcode, b -> new Owners()).peoplevox.add(code);
                }
            }
            byBarcode.forEach((barcode, owners) -> {
                c.checked(1);
                if (owners.conflict()) {
                    c.problem(Verdict.FAIL, "Barcode " + barcode + " is on " + owners);
                }
            });
        });
    }

    /** Who has one barcode: Blue Cherry SKUs (by style, colour, label, dimension, size) and Peoplevox items (by code). */
    private static final class Owners {
        final Map<String, CatalogueSku> blueCherry = new LinkedHashMap<>();
        final Set<String> peoplevox = new LinkedHashSet<>();

        /** Two Blue Cherry SKUs, two Peoplevox items, or a Peoplevox item that is not the SKU's own. */
        boolean conflict() {
            Set<String> skuCodes = new LinkedHashSet<>();
            blueCherry.values().forEach(s -> skuCodes.add(s.itemCode()));
            return blueCherry.size() > 1 || peoplevox.size() > 1
                    || (!blueCherry.isEmpty() && !peoplevox.isEmpty() && !skuCodes.equals(peoplevox));
        }

        @Override
        public String toString() {
            List<String> who = new ArrayList<>();
            blueCherry.values().forEach(s -> who.add("Blue Cherry s" + s.label().substring(1)));
            peoplevox.forEach(code -> who.add("Peoplevox item " + code));
            return String.join(" and ", who);
        }
    }

    private CheckResult invalidSkus(AuditContext audit) {
        return audit.check("catalogue.invalid-skus", Section.CATALOGUE, "SKUs the item flow would hold (barcode check"
                + " digit, required fields, lengths, numbers)", c -> {
            c.reads("Blue Cherry styles (all), mapped by routes/mappings/item.yaml, checked as the item flow checks (cherrypick"
                    + ".flows.item.*)").fix("Correct the SKU in Blue Cherry, or the mapping in routes/mappings/item.yaml:"
                    + " the item flow holds these SKUs (exceptions owned by DATA) and orders for them wait.");
            for (CatalogueSku sku : audit.readings().skus()) {
                c.checked(1);
                if (!sku.problems().isEmpty()) {
                    c.problem(Verdict.FAIL, String.join("; ", sku.problems()));
                }
            }
        });
    }

    /**
     * The barcodes of Peoplevox's own items (those no Blue Cherry SKU explains: a Blue Cherry SKU's barcode is judged on
     * Blue Cherry's data, above), by the item flow's rule: a UPC-A or EAN-13 with its check digit, unless the tenant's
     * barcodes are not GTINs (cherrypick.flows.item.check-barcodes=false).
     */
    private CheckResult invalidPeoplevoxBarcodes(AuditContext audit) {
        return audit.check("catalogue.invalid-peoplevox-barcodes", Section.CATALOGUE, "Peoplevox items with an invalid"
                + " barcode (made by hand)", c -> {
            c.reads("Peoplevox Item types (all), Blue Cherry styles (all)").fix("Correct the barcode of the item in"
                    + " Peoplevox (Items > the item): a barcode with a wrong check digit does not scan, or scans as"
                    + " another product.");
            if (!Boolean.TRUE.equals(items.checkBarcodes())) {
                c.reads("nothing: barcodes are not checked (cherrypick.flows.item.check-barcodes=false)");
                return;
            }
            Set<String> blueCherry = audit.readings().skuCodes();
            audit.readings().itemsByCode().forEach((code, row) -> {
                String barcode = row.getOrDefault("Barcode", "").trim();
                if (blueCherry.contains(code) || barcode.isEmpty()) {
                    return;
                }
                c.checked(1);
                if (!Gs1.isValidBarcode(barcode)) {
                    c.problem(Verdict.WARN, "Peoplevox item " + code + " ('" + row.getOrDefault("Name", "") + "'): barcode "
                            + barcode + (barcode.chars().allMatch(Character::isDigit) && (barcode.length() == 12
                            || barcode.length() == 13) ? " has a wrong check digit (it should end in "
                            + Gs1.checkDigit(barcode.substring(0, barcode.length() - 1)) + ")"
                            : " is not a UPC-A (12 digits) or EAN-13 (13 digits)"));
                }
            });
        });
    }

    private CheckResult attributeDifferences(AuditContext audit) {
        return audit.check("catalogue.attribute-differences", Section.CATALOGUE, "Mapped attributes that differ", c -> {
            c.reads(READS + ", compared on the fields of routes/mappings/item.yaml").fix("The item flow sends a SKU again"
                    + " when its style changes in Blue Cherry: change the style there (or correct the value edited by hand in"
                    + " Peoplevox). The nightly drift check reports hand edits as DRIFT exceptions.");
            Map<String, Map<String, String>> peoplevox = audit.readings().itemsByCode();
            Map<String, Integer> skusPerCode = new java.util.HashMap<>();
            audit.readings().skus().forEach(s -> skusPerCode.merge(s.itemCode(), 1, Integer::sum));
            for (CatalogueSku sku : audit.readings().skus()) {
                Map<String, String> theirs = peoplevox.get(sku.itemCode());
                // a SKU the item flow would hold, or one whose ItemCode another SKU has too (a duplicate), is reported there
                if (theirs == null || !sku.problems().isEmpty() || skusPerCode.get(sku.itemCode()) > 1) {
                    continue;
                }
                c.checked(1);
                List<String> differences = new ArrayList<>();
                sku.row().forEach((field, ours) -> {
                    if (theirs.containsKey(field) && !ItemDrift.sameValue(ours, theirs.get(field))) {
                        differences.add(field + " '" + ours + "' in Blue Cherry, '" + theirs.get(field) + "' in Peoplevox");
                    }
                });
                if (!differences.isEmpty()) {
                    c.problem(Verdict.WARN, sku.label() + ": " + String.join("; ", differences));
                }
            }
        });
    }

    private CheckResult unknownOnOpenPicks(AuditContext audit) {
        return audit.check("catalogue.unknown-on-open-picks", Section.CATALOGUE, "Open picks with SKUs neither system has",
                c -> {
                    c.reads("Blue Cherry open pick tickets, styles (all), Peoplevox Item types (all)").fix("Correct the pick"
                            + " line in Blue Cherry (its UPC or SKU), or add the SKU to its style: the order flow holds the"
                            + " whole pick (SKU_MISMATCH) until every line's item is in Peoplevox.");
                    Set<String> known = new LinkedHashSet<>(audit.readings().skuCodes());
                    known.addAll(audit.readings().itemsByCode().keySet());
                    for (Pick pick : audit.readings().picks()) {
                        if (!audit.readings().isOpen(pick)) {
                            continue;
                        }
                        for (PickLine line : pick.getLines()) {
                            c.checked(1);
                            String code = audit.readings().itemCode(line.json());
                            if (code.isEmpty() || !known.contains(code)) {
                                c.problem(Verdict.FAIL, "Pick " + pick.getPickNum() + " line " + line.getLineSeq() + ": "
                                        + (code.isEmpty() ? "no ItemCode (upc is empty)"
                                        : "ItemCode " + code + " (style " + line.getStyle() + ") is in neither Blue Cherry's"
                                        + " styles nor Peoplevox"));
                            }
                        }
                    }
                });
    }
}

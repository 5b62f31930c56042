package io.cherrypick.simulator.bluecherry.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.DuplicatePolicy;
import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.Sku;
import io.cherrypick.simulator.bluecherry.model.Stock;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * {@code POST /api/PhysicalInventoryTM} (PIX 605 physical count): each row sets the absolute quantity on hand of one
 * SKU at one location (an overlay, zeros included) and is written to the variance log.
 */
public final class PhysicalInventoryPosting implements Posting {
    private static final List<String> REQUIRED = List.of("adj_num", "style", "size_desc", "upc_num", "location");

    private record Count(Map<String, Object> row, Sku sku, String upc, String location, int quantity) {
    }

    @Override
    public PostOutcome post(List<Map<String, Object>> rows, PostingContext ctx) {
        BlueCherryState state = ctx.state();
        Violations violations = new Violations();
        List<Count> counts = new ArrayList<>();
        List<Long> replayed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String adjNum = Fields.textOrEmpty(row, "adj_num");
            String upc = Fields.textOrEmpty(row, "upc_num");
            String name = adjNum.isEmpty() ? "record " + (i + 1) : "adj_num " + adjNum + (upc.isEmpty() ? "" : " upc_num " + upc);
            RecordCheck check = new RecordCheck(name, row, violations);
            Long original = adjNum.isEmpty() ? null : state.adjNums().get(adjNum);
            if (original != null) {
                if (ctx.settings().duplicatePolicy() == DuplicatePolicy.REJECT) {
                    violations.add("Duplicate adj_num " + adjNum + " (" + name + "): already received as pkey " + original);
                } else {
                    replayed.add(original);
                }
                continue;
            }
            REQUIRED.forEach(check::required);
            Integer quantity = check.quantity("size_qty", false);
            check.fixed("pix_type", "605", "PhysicalInventoryTM");
            check.fixed("pix_code", "00", "PhysicalInventoryTM");
            check.fixed("size_adj", "A", "PhysicalInventoryTM");
            String location = Fields.textOrEmpty(row, "location");
            if (!location.isEmpty() && !state.locationExists(location)) {
                check.fail("location '" + location + "' does not exist in Location");
            }
            String receiptDate = Fields.textOrEmpty(row, "receipt_date");
            if (!receiptDate.isEmpty() && !Timestamps.isDate(receiptDate, Timestamps.ISO_DATE)) {
                check.fail("receipt_date '" + receiptDate + "' must be a date in YYYY-MM-DD format");
            }
            Sku sku = SkuCheck.onFile(check, state, upc);
            if (sku != null && quantity != null) {
                counts.add(new Count(row, sku, upc, location, quantity));
            }
        }
        if (!violations.isEmpty()) {
            return new PostOutcome.Rejected(violations.list());
        }
        if (counts.isEmpty()) {
            return new PostOutcome.Accepted(replayed.get(0));
        }
        long pkey = state.next("PhysicalInventoryTM");
        for (Count count : counts) {
            Stock stock = state.stockOf(count.sku(), count.upc(), count.location());
            long previous = stock.qoh();
            stock.setQoh(count.quantity());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pkey", pkey);
            entry.put("adj_num", Fields.textOrEmpty(count.row(), "adj_num"));
            count.sku().writeTo(entry);
            entry.put("upc", count.upc());
            entry.put("location", count.location());
            entry.put("previous_qoh", previous);
            entry.put("counted_qoh", count.quantity());
            entry.put("variance", count.quantity() - previous);
            entry.put("at", ctx.nowText());
            state.adjustments().add(entry);
            state.adjNums().put(Fields.textOrEmpty(count.row(), "adj_num"), pkey);
        }
        return new PostOutcome.Accepted(pkey);
    }
}

package io.cherrypick.simulator.bluecherry.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.DuplicatePolicy;
import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.ProductionOrder;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * {@code POST /api/ProductionReceiptAdvice} (PIX 100 PO receipt): goods received against a production order at
 * stage 3 raise quantity on hand and reduce the order line's open quantity.
 */
public final class ProductionReceiptPosting implements Posting {
    private static final List<String> REQUIRED = List.of("prod_num", "prod_line", "style", "color_code", "size_desc",
            "upc_num", "isa_num", "vnd_id", "vnd_qual");
    private static final List<String> REQUIRED_MAY_BE_EMPTY = List.of("dimension", "shipment_num");
    private static final String OPEN_STAGE = "3";

    private record Receipt(Map<String, Object> row, ProductionOrder order, ProductionOrder.Line line, int quantity) {
    }

    private record LineKey(String prodNum, String prodLine) {
    }

    @Override
    public PostOutcome post(List<Map<String, Object>> rows, PostingContext ctx) {
        BlueCherryState state = ctx.state();
        Violations violations = new Violations();
        List<Receipt> receipts = new ArrayList<>();
        Map<LineKey, Integer> receivedInCall = new LinkedHashMap<>();
        Map<LineKey, Boolean> overReceiptAllowed = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String prodNum = Fields.textOrEmpty(row, "prod_num");
            String prodLine = Fields.textOrEmpty(row, "prod_line");
            String name = prodNum.isEmpty() ? "record " + (i + 1) : "prod_num " + prodNum + (prodLine.isEmpty() ? "" : " prod_line " + prodLine);
            RecordCheck check = new RecordCheck(name, row, violations);
            REQUIRED.forEach(check::required);
            REQUIRED_MAY_BE_EMPTY.forEach(check::present);
            Integer quantity = check.quantity("size_qty", true);
            check.fixed("pix_type", "100", "ProductionReceiptAdvice");
            check.fixed("pix_code", "01", "ProductionReceiptAdvice");
            check.fixed("adj_type", "A", "ProductionReceiptAdvice");
            check.fixed("size_adj", "A", "ProductionReceiptAdvice");
            check.date("receipt_date", Timestamps.US_DATE, "MM/DD/YYYY");
            check.location("location", state);
            // like OrderShipment: a repeated isa_num is a resend of a receipt Blue Cherry holds already
            String isaNum = Fields.textOrEmpty(row, "isa_num");
            Object original = isaNum.isEmpty() ? null : state.receipts().stream()
                    .filter(r -> isaNum.equals(r.get("isa_num"))).map(r -> r.get("pkey")).findFirst().orElse(null);
            if (original != null) {
                if (ctx.settings().duplicatePolicy() == DuplicatePolicy.REJECT) {
                    violations.add("Duplicate isa_num " + isaNum + " (" + name + "): already received as pkey " + original);
                }
                continue;
            }
            if (prodNum.isEmpty()) {
                continue;
            }
            ProductionOrder order = state.productionOrders().get(prodNum);
            if (order == null) {
                check.fail("production order does not exist");
                continue;
            }
            if (!OPEN_STAGE.equals(order.stageNum())) {
                check.fail("production order is at stage " + order.stageNum() + ", not open for receipt (stage 3)");
                continue;
            }
            ProductionOrder.Line line = prodLine.isEmpty() ? null : order.line(prodLine);
            if (line == null) {
                if (!prodLine.isEmpty()) {
                    check.fail("no such line on the production order");
                }
                continue;
            }
            String upc = Fields.textOrEmpty(row, "upc_num");
            if (SkuCheck.sameAs(check, line.sku(), line.upc(), upc, "the production order line") && quantity != null) {
                LineKey key = new LineKey(prodNum, prodLine);
                receivedInCall.merge(key, quantity, Integer::sum);
                overReceiptAllowed.merge(key, "Y".equalsIgnoreCase(Fields.textOrEmpty(row, "over_recv_ok")), Boolean::logicalAnd);
                receipts.add(new Receipt(row, order, line, quantity));
            }
        }
        receivedInCall.forEach((key, qty) -> {
            ProductionOrder.Line line = state.productionOrders().get(key.prodNum()).line(key.prodLine());
            if (qty > line.open() && !overReceiptAllowed.get(key)) {
                violations.add("prod_num " + key.prodNum() + " prod_line " + key.prodLine() + ": size_qty " + qty
                        + " exceeds the open quantity " + line.open() + " (send over_recv_ok Y to allow over-receipt)");
            }
        });
        if (!violations.isEmpty()) {
            return new PostOutcome.Rejected(violations.list());
        }
        long pkey = state.next("ProductionReceiptAdvice");
        for (Receipt r : receipts) {
            String location = Fields.textOrEmpty(r.row(), "location");
            state.stockOf(r.line().sku(), r.line().upc(), location).addQoh(r.quantity());
            r.line().receive(r.quantity());
            r.order().touch(ctx.now());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pkey", pkey);
            entry.put("prod_num", r.order().prodNum());
            entry.put("prod_line", r.line().prodLine());
            r.line().sku().writeTo(entry);
            entry.put("upc", r.line().upc());
            entry.put("size_qty", r.quantity());
            entry.put("location", location);
            entry.put("receipt_date", Fields.textOrEmpty(r.row(), "receipt_date"));
            entry.put("isa_num", Fields.textOrEmpty(r.row(), "isa_num"));
            entry.put("po_status", r.order().receiptStatus());
            entry.put("at", ctx.nowText());
            state.receipts().add(entry);
        }
        return new PostOutcome.Accepted(pkey);
    }
}

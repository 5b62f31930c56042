package io.cherrypick.simulator.bluecherry.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.ReturnAuthorisation;
import io.cherrypick.simulator.bluecherry.model.Stock;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * {@code POST /api/x-sim/ReturnReceiptAdvice} — invented (no public Blue Cherry returns API): goods received
 * against a return authorisation. Disposition A restocks (quantity on hand), D (damaged) and Q (quarantine) go to
 * the quarantine bucket. Each RA in a call gets one credit-memo stub.
 */
public final class ReturnReceiptPosting implements Posting {
    private static final List<String> REQUIRED = List.of("ra_num", "style", "color_code", "size_desc", "upc_num",
            "reason_code", "disposition");
    private static final Set<String> DISPOSITIONS = Set.of("A", "D", "Q");

    private record Receipt(Map<String, Object> row, ReturnAuthorisation ra, ReturnAuthorisation.Line line, int quantity) {
    }

    private record LineKey(String raNum, int lineSeq) {
    }

    @Override
    public PostOutcome post(List<Map<String, Object>> rows, PostingContext ctx) {
        BlueCherryState state = ctx.state();
        Violations violations = new Violations();
        List<Receipt> receipts = new ArrayList<>();
        Map<LineKey, Integer> receivedInCall = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String raNum = Fields.textOrEmpty(row, "ra_num");
            String upc = Fields.textOrEmpty(row, "upc_num");
            String name = raNum.isEmpty() ? "record " + (i + 1) : "ra_num " + raNum + (upc.isEmpty() ? "" : " upc_num " + upc);
            RecordCheck check = new RecordCheck(name, row, violations);
            REQUIRED.forEach(check::required);
            Integer quantity = check.quantity("size_qty", true);
            check.date("receipt_date", Timestamps.US_DATE, "MM/DD/YYYY");
            check.location("location", state);
            String disposition = Fields.textOrEmpty(row, "disposition");
            if (!disposition.isEmpty() && !DISPOSITIONS.contains(disposition)) {
                check.fail("disposition '" + disposition + "' must be A (restock), D (damaged) or Q (quarantine)");
            }
            if (raNum.isEmpty()) {
                continue;
            }
            ReturnAuthorisation ra = state.returnAuthorisations().get(raNum);
            if (ra == null) {
                check.fail("return authorisation does not exist");
                continue;
            }
            ReturnAuthorisation.Line line = findLine(check, ra, upc);
            if (line != null && SkuCheck.sameAs(check, line.sku(), line.upc(), upc, "the return authorisation line")
                    && quantity != null) {
                receivedInCall.merge(new LineKey(raNum, line.lineSeq()), quantity, Integer::sum);
                receipts.add(new Receipt(row, ra, line, quantity));
            }
        }
        receivedInCall.forEach((key, qty) -> {
            ReturnAuthorisation.Line line = state.returnAuthorisations().get(key.raNum()).lines().stream()
                    .filter(l -> l.lineSeq() == key.lineSeq()).findFirst().orElseThrow();
            if (qty > line.open()) {
                violations.add("ra_num " + key.raNum() + " line_seq " + key.lineSeq() + ": size_qty " + qty
                        + " exceeds the open return quantity " + line.open());
            }
        });
        if (!violations.isEmpty()) {
            return new PostOutcome.Rejected(violations.list());
        }
        long pkey = state.next("ReturnReceiptAdvice");
        Map<String, Map<String, Object>> memoByRa = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            Map<String, Object> memo = memoByRa.computeIfAbsent(r.ra().raNum(), raNum -> newCreditMemo(r.ra(), pkey, ctx));
            String location = Fields.textOrEmpty(r.row(), "location");
            String disposition = Fields.textOrEmpty(r.row(), "disposition");
            Stock stock = state.stockOf(r.line().sku(), r.line().upc(), location);
            if (disposition.equals("A")) {
                stock.addQoh(r.quantity());
            } else {
                stock.addQuarantine(r.quantity());
            }
            r.line().receive(r.quantity());
            r.ra().touch(ctx.now());

            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pkey", pkey);
            entry.put("ra_num", r.ra().raNum());
            entry.put("line_seq", r.line().lineSeq());
            r.line().sku().writeTo(entry);
            entry.put("upc", r.line().upc());
            entry.put("size_qty", r.quantity());
            entry.put("location", location);
            entry.put("disposition", disposition);
            entry.put("reason_code", Fields.textOrEmpty(r.row(), "reason_code"));
            entry.put("receipt_date", Fields.textOrEmpty(r.row(), "receipt_date"));
            entry.put("cm_num", memo.get("cm_num"));
            entry.put("at", ctx.nowText());
            state.returnReceipts().add(entry);

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> memoLines = (List<Map<String, Object>>) memo.get("lines");
            Map<String, Object> memoLine = new LinkedHashMap<>();
            memoLine.put("line_seq", r.line().lineSeq());
            memoLine.put("upc", r.line().upc());
            memoLine.put("size_qty", r.quantity());
            memoLine.put("disposition", disposition);
            memoLines.add(memoLine);
        }
        memoByRa.values().forEach(memo -> {
            memo.put("ra_status", state.returnAuthorisations().get((String) memo.get("ra_num")).status());
            state.creditMemos().add(memo);
        });
        return new PostOutcome.Accepted(pkey);
    }

    /** The RA line a receipt is for: by line_seq when sent, else the first line with the UPC. */
    private static ReturnAuthorisation.Line findLine(RecordCheck check, ReturnAuthorisation ra, String upc) {
        Map<String, Object> row = check.record();
        if (!Fields.isBlank(row, "line_seq")) {
            Long seq = Fields.wholeNumber(row, "line_seq");
            ReturnAuthorisation.Line line = seq == null ? null
                    : ra.lines().stream().filter(l -> l.lineSeq() == seq).findFirst().orElse(null);
            if (line == null) {
                check.fail("line_seq '" + Fields.text(row, "line_seq") + "' is not a line of the return authorisation");
            }
            return line;
        }
        if (upc.isEmpty()) {
            return null;
        }
        ReturnAuthorisation.Line line = ra.lines().stream().filter(l -> l.upc().equals(upc)).findFirst().orElse(null);
        if (line == null) {
            check.fail("upc_num '" + upc + "' is not on the return authorisation");
        }
        return line;
    }

    private static Map<String, Object> newCreditMemo(ReturnAuthorisation ra, long pkey, PostingContext ctx) {
        Map<String, Object> memo = new LinkedHashMap<>();
        memo.put("cm_num", String.valueOf(ctx.state().next("cm_num")));
        memo.put("pkey", pkey);
        memo.put("ra_num", ra.raNum());
        memo.put("ord_num", ra.header("ord_num"));
        memo.put("customer", ra.header("customer"));
        memo.put("lines", new ArrayList<Map<String, Object>>());
        memo.put("at", ctx.nowText());
        return memo;
    }
}

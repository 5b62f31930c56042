package io.cherrypick.simulator.bluecherry.posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.DuplicatePolicy;
import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.SimulatorSettings;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.Pick;
import io.cherrypick.simulator.bluecherry.model.PickLine;
import io.cherrypick.simulator.bluecherry.model.Sku;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * {@code POST /api/OrderShipment}: ship confirmations, one record per pick ticket, with shipped lines
 * ({@code pickDetail}) and cartons ({@code cartonHeader} → {@code cartonDetail}). All records are validated
 * before any is applied, so a refused call changes nothing.
 */
public final class OrderShipmentPosting implements Posting {
    private static final List<String> REQUIRED = List.of("pick_num", "location", "shipfrom", "ship_date", "shipper",
            "scac_code", "trans_type", "cmpl_code", "our_id", "our_qual", "vnd_id", "vnd_qual", "volume_uom", "weight_uom");
    /** Sent by the integrator as copied from the pick; they may be empty but must be there. */
    private static final List<String> REQUIRED_MAY_BE_EMPTY = List.of("ord_num", "po_num", "load_id");
    private static final List<String> LINE_REQUIRED = List.of("pick_num", "style", "color_code", "size_desc", "upc");
    private static final List<String> CARTON_REQUIRED = List.of("carton_num", "pick_num", "volume_uom", "weight_uom");
    private static final List<String> CARTON_LINE_REQUIRED = List.of("carton_num", "pick_num", "style", "color_code",
            "size_desc", "upc", "shipqty_uom");

    private record LineKey(String pickNum, int lineSeq) {
    }

    /** A validated record ready to apply: its pick and the quantity shipped per line. */
    private record Shipment(Map<String, Object> record, Pick pick, Map<Integer, Integer> quantities) {
    }

    @Override
    public PostOutcome post(List<Map<String, Object>> records, PostingContext ctx) {
        BlueCherryState state = ctx.state();
        Violations violations = new Violations();
        List<Shipment> accepted = new ArrayList<>();
        List<Long> replayed = new ArrayList<>();
        Map<LineKey, Integer> shippedInCall = new LinkedHashMap<>();
        Set<String> cartonsInCall = new HashSet<>();

        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            String pickNum = Fields.textOrEmpty(record, "pick_num");
            RecordCheck check = new RecordCheck(pickNum.isEmpty() ? "record " + (i + 1) : "pick_num " + pickNum, record, violations);
            String isaNum = Fields.textOrEmpty(record, "isa_num");
            Long original = isaNum.isEmpty() ? null : state.isaNums().get(isaNum);
            if (original != null) {
                if (ctx.settings().duplicatePolicy() == DuplicatePolicy.REJECT) {
                    violations.add("Duplicate isa_num " + isaNum + " (" + check.name() + "): already received as pkey " + original);
                } else {
                    replayed.add(original);
                }
                continue;
            }
            Shipment shipment = validate(check, pickNum, ctx, cartonsInCall);
            if (shipment != null) {
                shipment.quantities().forEach((seq, qty) -> shippedInCall.merge(new LineKey(pickNum, seq), qty, Integer::sum));
                accepted.add(shipment);
            }
        }
        shippedInCall.forEach((key, qty) -> {
            PickLine line = state.picks().get(key.pickNum()).line(key.lineSeq());
            if (qty > line.open()) {
                violations.add("pick_num " + key.pickNum() + " line_seq " + key.lineSeq() + ": size_qty " + qty
                        + " exceeds the open quantity " + line.open());
            }
        });
        if (!violations.isEmpty()) {
            return new PostOutcome.Rejected(violations.list());
        }
        if (accepted.isEmpty()) {
            return new PostOutcome.Accepted(replayed.get(0)); // a pure replay answers the original pkey
        }
        long pkey = state.next("OrderShipment");
        for (Shipment shipment : accepted) {
            apply(shipment, pkey, ctx);
        }
        return new PostOutcome.Accepted(pkey);
    }

    /** Validates one record; returns it with its pick when the pick can take it (further violations may still exist). */
    private Shipment validate(RecordCheck check, String pickNum, PostingContext ctx, Set<String> cartonsInCall) {
        BlueCherryState state = ctx.state();
        SimulatorSettings settings = ctx.settings();
        Map<String, Object> record = check.record();
        REQUIRED.forEach(check::required);
        REQUIRED_MAY_BE_EMPTY.forEach(check::present);
        check.quantity("carton", false);
        String shipDate = Fields.textOrEmpty(record, "ship_date");
        if (!shipDate.isEmpty() && !Timestamps.isDate(shipDate, Timestamps.US_DATE)) {
            check.fail("ship_date '" + shipDate + "' must be a date in MM/DD/YYYY format");
        }
        String transType = Fields.textOrEmpty(record, "trans_type");
        if (!transType.isEmpty() && !settings.transTypes().contains(transType)) {
            check.fail("trans_type '" + transType + "' is not a valid transportation method (valid: "
                    + String.join(", ", settings.transTypes()) + ")");
        }
        String cmplCode = Fields.textOrEmpty(record, "cmpl_code");
        if (!cmplCode.isEmpty() && !cmplCode.equals("Y") && !cmplCode.equals("N")) {
            check.fail("cmpl_code '" + cmplCode + "' must be Y or N");
        }
        checkUoms(check, settings);
        String shipper = Fields.textOrEmpty(record, "shipper");
        if (!shipper.isEmpty() && !state.shipperExists(shipper)) {
            check.fail("shipper '" + shipper + "' does not exist in Shipper");
        }
        for (String field : List.of("location", "shipfrom")) {
            String code = Fields.textOrEmpty(record, field);
            if (!code.isEmpty() && !state.locationExists(code)) {
                check.fail(field + " '" + code + "' does not exist in Location");
            }
        }

        Pick pick = pickNum.isEmpty() ? null : state.picks().get(pickNum);
        if (!pickNum.isEmpty() && pick == null) {
            check.fail("pick ticket does not exist");
        } else if (pick != null && !pick.status().isOpen()) {
            check.fail("pick ticket is " + pick.status() + " and can no longer be shipped");
            pick = null;
        }
        if (pick != null) {
            compareWithPick(check, pick, "ord_num");
            compareWithPick(check, pick, "location");
        }

        ShippedLines shipped = checkPickDetail(check, pick, state);
        checkCartons(check, pick, shipped, ctx, cartonsInCall);
        return pick == null ? null : new Shipment(record, pick, shipped.quantities());
    }

    private static void compareWithPick(RecordCheck check, Pick pick, String field) {
        String sent = Fields.textOrEmpty(check.record(), field);
        if (check.record().containsKey(field) && !sent.isEmpty() && !sent.equals(pick.header(field))) {
            check.fail(field + " '" + sent + "' does not match the pick's " + field + " '" + pick.header(field) + "'");
        }
    }

    /** Blue Cherry's observed UOM messages name only the value, so they are added verbatim. */
    private static void checkUoms(RecordCheck check, SimulatorSettings settings) {
        String weight = Fields.textOrEmpty(check.record(), "weight_uom");
        if (!weight.isEmpty() && !settings.weightUoms().contains(weight.toUpperCase(Locale.ROOT))) {
            check.failVerbatim(weight + " is not a valid Weight Unit of Measurement");
        }
        String volume = Fields.textOrEmpty(check.record(), "volume_uom");
        if (!volume.isEmpty() && !settings.volumeUoms().contains(volume.toUpperCase(Locale.ROOT))) {
            check.failVerbatim(volume + " is not a valid Volume Unit of Measurement");
        }
    }

    /** Quantity per line_seq of the pickDetail lines that match the pick; {@code allMatched} when no line failed. */
    private record ShippedLines(Map<Integer, Integer> quantities, boolean allMatched) {
    }

    private ShippedLines checkPickDetail(RecordCheck check, Pick pick, BlueCherryState state) {
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        List<Map<String, Object>> lines = check.children("pickDetail");
        if (lines == null || lines.isEmpty()) {
            check.fail("pickDetail must contain at least one line");
            return new ShippedLines(quantities, false);
        }
        boolean allMatched = true;
        String pickNum = Fields.textOrEmpty(check.record(), "pick_num");
        for (int j = 0; j < lines.size(); j++) {
            Map<String, Object> line = lines.get(j);
            Long seq = Fields.wholeNumber(line, "line_seq");
            RecordCheck lc = check.child(seq == null ? "pickDetail line " + (j + 1) : "line_seq " + seq, line);
            if (seq == null) {
                lc.fail("line_seq is required and must be a whole number");
            }
            LINE_REQUIRED.forEach(lc::required);
            Integer qty = lc.quantity("size_qty", false);
            lc.location("location", state);
            String linePick = Fields.textOrEmpty(line, "pick_num");
            if (!linePick.isEmpty() && !linePick.equals(pickNum)) {
                lc.fail("pick_num '" + linePick + "' does not match the shipment's pick_num");
            }
            PickLine pickLine = pick == null || seq == null ? null : matchPickLine(lc, pick, seq.intValue(), line);
            if (pickLine != null && qty != null) {
                quantities.merge(seq.intValue(), qty, Integer::sum);
            } else {
                allMatched = false;
            }
        }
        return new ShippedLines(quantities, allMatched);
    }

    /** The pick line a shipped/carton line refers to, if line_seq, SKU and UPC all agree. */
    private static PickLine matchPickLine(RecordCheck lc, Pick pick, int lineSeq, Map<String, Object> line) {
        PickLine pickLine = pick.line(lineSeq);
        if (pickLine == null) {
            lc.fail("no such line on the pick");
            return null;
        }
        Sku sent = Sku.of(line);
        boolean matches = true;
        if (!sent.equals(pickLine.sku())) {
            lc.fail(sent.describe() + " does not match the pick line (" + pickLine.sku().describe() + ")");
            matches = false;
        }
        String upc = Fields.textOrEmpty(line, "upc");
        if (!upc.isEmpty() && !upc.equals(pickLine.upc())) {
            lc.fail("upc '" + upc + "' does not match the pick line's upc '" + pickLine.upc() + "'");
            matches = false;
        }
        return matches ? pickLine : null;
    }

    private void checkCartons(RecordCheck check, Pick pick, ShippedLines shipped, PostingContext ctx,
                              Set<String> cartonsInCall) {
        List<Map<String, Object>> cartons = check.children("cartonHeader");
        if (cartons == null) {
            return;
        }
        String pickNum = Fields.textOrEmpty(check.record(), "pick_num");
        Map<Integer, Integer> inCartons = new HashMap<>();
        for (int k = 0; k < cartons.size(); k++) {
            Map<String, Object> carton = cartons.get(k);
            String cartonNum = Fields.textOrEmpty(carton, "carton_num");
            RecordCheck cc = check.child(cartonNum.isEmpty() ? "carton " + (k + 1) : "carton_num " + cartonNum, carton);
            CARTON_REQUIRED.forEach(cc::required);
            cc.number("carton_wgt");
            cc.number("ctn_volume");
            if (!cartonNum.isEmpty()) {
                if (!FormatRules.isValidSscc(cartonNum)) {
                    check.fail("carton_num '" + cartonNum + "' must be a 20-digit SSCC with a valid GS1 check digit");
                } else if (!cartonsInCall.add(cartonNum)) {
                    check.fail("carton_num '" + cartonNum + "' appears more than once");
                }
            }
            checkUoms(cc, ctx.settings());
            checkCarrierReference(cc, "track_no", FormatRules::isValidTrackingNumber,
                    "Not a valid tracking number. Either valid tracking number is required or do not send a value");
            checkCarrierReference(cc, "trailer_num", FormatRules::isValidTrailerNumber,
                    "not a valid carrier trailer number. Either valid trailer number is required or do not send a value");

            List<Map<String, Object>> contents = cc.children("cartonDetail");
            if (contents == null || contents.isEmpty()) {
                cc.fail("cartonDetail must contain at least one line");
                continue;
            }
            for (Map<String, Object> content : contents) {
                Long seq = Fields.wholeNumber(content, "line_seq");
                RecordCheck dc = cc.child(seq == null ? "cartonDetail" : "line_seq " + seq, content);
                if (seq == null) {
                    dc.fail("line_seq is required and must be a whole number");
                }
                CARTON_LINE_REQUIRED.forEach(dc::required);
                dc.present("dimension");
                Integer qty = dc.quantity("ship_qty", false);
                dc.quantity("total_qty", false);
                String innerCarton = Fields.textOrEmpty(content, "carton_num");
                if (!innerCarton.isEmpty() && !innerCarton.equals(cartonNum)) {
                    dc.fail("carton_num '" + innerCarton + "' does not match its carton");
                }
                String linePick = Fields.textOrEmpty(content, "pick_num");
                if (!linePick.isEmpty() && !linePick.equals(pickNum)) {
                    dc.fail("pick_num '" + linePick + "' does not match the shipment's pick_num");
                }
                if (pick != null && seq != null && matchPickLine(dc, pick, seq.intValue(), content) != null && qty != null) {
                    inCartons.merge(seq.intValue(), qty, Integer::sum);
                }
            }
        }
        if (!shipped.allMatched()) {
            return; // the line errors already explain the mismatch
        }
        // Cartons must account for exactly what pickDetail says was shipped.
        Set<Integer> lineSeqs = new HashSet<>(shipped.quantities().keySet());
        lineSeqs.addAll(inCartons.keySet());
        for (Integer seq : lineSeqs) {
            int declared = shipped.quantities().getOrDefault(seq, 0);
            int packed = inCartons.getOrDefault(seq, 0);
            if (declared != packed) {
                check.failFor("line_seq " + seq, "cartons hold " + packed + " units but pickDetail size_qty is " + declared);
            }
        }
    }

    /** Optional carrier references: absent or null is fine; any value sent (even empty) must be valid. */
    private static void checkCarrierReference(RecordCheck check, String field, Predicate<String> valid,
                                              String observedMessage) {
        if (check.record().get(field) != null && !valid.test(Fields.text(check.record(), field).trim())) {
            check.failVerbatim(observedMessage);
        }
    }

    private void apply(Shipment shipment, long pkey, PostingContext ctx) {
        BlueCherryState state = ctx.state();
        Map<String, Object> record = shipment.record();
        Pick pick = shipment.pick();
        List<Map<String, Object>> shippedLines = new ArrayList<>();
        List<Map<String, Object>> invoiceLines = new ArrayList<>();
        BigDecimal merchandise = BigDecimal.ZERO;
        for (Map.Entry<Integer, Integer> e : shipment.quantities().entrySet()) {
            PickLine line = pick.line(e.getKey());
            int qty = e.getValue();
            line.ship(qty);
            state.stockOf(line.sku(), line.upc(), line.location()).addQoh(-qty);
            Map<String, Object> shipped = new LinkedHashMap<>();
            shipped.put("line_seq", line.lineSeq());
            line.sku().writeTo(shipped);
            shipped.put("upc", line.upc());
            shipped.put("size_qty", qty);
            shippedLines.add(shipped);

            BigDecimal price = Fields.decimal(line.fields(), "price");
            BigDecimal amount = (price == null ? BigDecimal.ZERO : price).multiply(BigDecimal.valueOf(qty));
            merchandise = merchandise.add(amount);
            Map<String, Object> invoiced = new LinkedHashMap<>(shipped);
            invoiced.put("price", price);
            invoiced.put("amount", amount);
            invoiceLines.add(invoiced);
        }
        boolean closeRemainder = "Y".equals(Fields.textOrEmpty(record, "cmpl_code")) && ctx.settings().cmplCodeClosesRemainder();
        if (closeRemainder) {
            pick.lines().forEach(PickLine::closeRemainder);
        }
        String invNum = String.valueOf(state.next("inv_num"));
        pick.recordShipment(invNum, ctx.now());
        String isaNum = Fields.textOrEmpty(record, "isa_num");
        if (!isaNum.isEmpty()) {
            state.isaNums().put(isaNum, pkey);
        }

        List<Map<String, Object>> cartons = new ArrayList<>();
        List<String> trackingNumbers = new ArrayList<>();
        for (Map<String, Object> carton : cartonsOf(record)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("carton_num", Fields.textOrEmpty(carton, "carton_num"));
            c.put("track_no", Fields.text(carton, "track_no"));
            c.put("trailer_num", Fields.text(carton, "trailer_num"));
            cartons.add(c);
            if (!Fields.isBlank(carton, "track_no")) {
                trackingNumbers.add(Fields.textOrEmpty(carton, "track_no"));
            }
        }

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("pkey", pkey);
        s.put("isa_num", isaNum);
        s.put("pick_num", pick.pickNum());
        s.put("ord_num", pick.header("ord_num"));
        s.put("location", Fields.textOrEmpty(record, "location"));
        s.put("ship_date", Fields.textOrEmpty(record, "ship_date"));
        s.put("shipper", Fields.textOrEmpty(record, "shipper"));
        s.put("scac_code", Fields.textOrEmpty(record, "scac_code"));
        s.put("trans_type", Fields.textOrEmpty(record, "trans_type"));
        s.put("cmpl_code", Fields.textOrEmpty(record, "cmpl_code"));
        s.put("remainder_closed", closeRemainder);
        s.put("pick_status", pick.status().name());
        s.put("inv_num", invNum);
        s.put("lines", shippedLines);
        s.put("cartons", cartons);
        s.put("received_at", ctx.nowText());
        s.put("request", record);
        state.shipments().add(s);

        BigDecimal freight = Fields.decimal(record, "frgt_amt");
        freight = freight == null ? BigDecimal.ZERO : freight;
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("inv_num", invNum);
        invoice.put("shipment_pkey", pkey);
        invoice.put("pick_num", pick.pickNum());
        invoice.put("ord_num", pick.header("ord_num"));
        invoice.put("customer", pick.header("customer"));
        invoice.put("invoice_date", ctx.nowText());
        invoice.put("lines", invoiceLines);
        invoice.put("merchandise", merchandise);
        invoice.put("freight", freight);
        invoice.put("total", merchandise.add(freight));
        state.invoices().add(invoice);

        String email = pick.notificationEmail();
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("id", state.next("notification"));
        notification.put("type", "SHIPMENT_CONFIRMATION");
        notification.put("to", email);
        notification.put("status", email.isEmpty() ? "NO_EMAIL" : "SENT");
        notification.put("pick_num", pick.pickNum());
        notification.put("ord_num", pick.header("ord_num"));
        notification.put("shipment_pkey", pkey);
        notification.put("inv_num", invNum);
        notification.put("subject", "Your order " + pick.header("ord_num") + " has shipped");
        notification.put("body", "Pick ticket " + pick.pickNum() + " shipped on " + Fields.textOrEmpty(record, "ship_date")
                + " with " + Fields.textOrEmpty(record, "shipper")
                + (trackingNumbers.isEmpty() ? "." : ", tracking " + String.join(", ", trackingNumbers) + "."));
        notification.put("tracking_numbers", trackingNumbers);
        notification.put("sent_at", ctx.nowText());
        state.notifications().add(notification);
    }

    /** The cartons of an already validated record. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cartonsOf(Map<String, Object> record) {
        Object cartons = Fields.getIgnoreCase(record, "cartonHeader");
        return cartons == null ? List.of() : (List<Map<String, Object>>) cartons;
    }
}

package io.cherrypick.flow.despatch;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.ValueMappingStore;

/**
 * One Peoplevox despatch and its original pick ticket to one Blue Cherry {@code OrderShipment} record.
 * <pre>
 * pick_num ord_num po_num customer location load_id  from the pick      shipfrom = location
 * ship_date = DespatchDate as MM/DD/YYYY                                shipper / scac_code = mapping "carrier"
 * carton = number of packages      cmpl_code = rule (Y when the pick is complete)      isa_num = despatch sequence
 * weight = sum of package weights  weight_uom / volume_uom / trans_type / our_id / vnd_id = settings
 * pickDetail: per pick line shipped (matched by ItemCode), size_qty = units despatched
 * cartonHeader: per package: carton_num = SSCC (stable per package), carton_wgt, track_no, cartonDetail per line
 * </pre>
 * Package lines are matched to pick lines by the Peoplevox ItemCode of each pick line ({@link ItemCodes}); when a pick
 * holds the same item on several lines, units fill the lines in line order up to each line's {@code bk_qty}.
 */
@Component
public class ShipmentMapper {
    static final DateTimeFormatter SHIP_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    /** Fields echoed from the pick when it has them (Blue Cherry's integrator sent them back). */
    private static final List<String> ECHOED = List.of("altpo", "frgt_amt", "bill_num", "bill_optn", "center_code",
            "consol_num", "pro_num", "appoint_num", "mani_num", "vicsmbol");

    private final ValueMappingStore mappings;
    private final ItemCodes itemCodes;
    private final DespatchProperties props;

    public ShipmentMapper(ValueMappingStore mappings, ItemCodes itemCodes, DespatchProperties props) {
        this.mappings = mappings;
        this.itemCodes = itemCodes;
        this.props = props;
    }

    /** What the despatch needs besides itself: its pick, its numbers, whether it completes the pick. */
    public record Input(PvxDespatch despatch, JsonNode pick, long isaNum, Map<String, String> cartonNumbers,
                        boolean completesPick) {
    }

    /** The shipment, or the problems that keep it from being built (each names the despatch, the pick and the field). */
    public record Mapped(ObjectNode shipment, CarrierCode carrier, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Shipper and SCAC code for a Peoplevox service (or carrier), from the mapping "carrier" ({@code SHIPPER/SCAC}). */
    public record CarrierCode(String source, String shipper, String scac) {
    }

    public Mapped map(Input in) {
        PvxDespatch d = in.despatch();
        JsonNode pick = in.pick();
        String pickNum = text(pick, "pick_num");
        String label = "Despatch " + d.despatchNumber() + " (pick " + pickNum + ")";
        List<String> problems = new ArrayList<>();

        CarrierCode carrier = carrier(d, label, problems);
        String shipDate = PeoplevoxDates.parse(d.despatchDate()).map(SHIP_DATE::format).orElse(null);
        if (shipDate == null) {
            problems.add(label + ": Peoplevox DespatchDate '" + d.despatchDate() + "' is not a date; ship_date needs one");
        }
        String location = text(pick, "location");

        List<JsonNode> pickLines = new ArrayList<>();
        pick.path("pickdetail").path("rows").forEach(pickLines::add);
        Map<Integer, Integer> capacity = new LinkedHashMap<>();
        Map<Integer, JsonNode> lineBySeq = new LinkedHashMap<>();
        Map<Integer, String> codeBySeq = new LinkedHashMap<>();
        for (JsonNode line : pickLines) {
            int seq = line.path("line_seq").asInt();
            lineBySeq.put(seq, line);
            codeBySeq.put(seq, itemCodes.itemCode(line, text(line, "style")));
            capacity.put(seq, new BigDecimal(text(line, "bk_qty").isEmpty() ? "0" : text(line, "bk_qty")).intValue());
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put("pick_num", pickNum);
        s.put("ord_num", text(pick, "ord_num"));
        s.put("po_num", text(pick, "po_num"));
        s.put("customer", text(pick, "customer"));
        s.put("location", location);
        s.put("shipfrom", location);
        s.put("load_id", text(pick, "load_id"));
        s.put("ship_date", shipDate);
        s.put("shipper", carrier == null ? null : carrier.shipper());
        s.put("scac_code", carrier == null ? null : carrier.scac());
        s.put("trans_type", props.transType());
        s.put("carton", d.packages().size());
        s.put("cmpl_code", cmplCode(in.completesPick()));
        s.put("our_id", props.ourId());
        s.put("our_qual", props.ourQual());
        s.put("vnd_id", props.vndId());
        s.put("vnd_qual", props.vndQual());
        s.put("isa_num", String.format("%09d", in.isaNum() % 1_000_000_000L));
        s.put("weight", totalWeight(d));
        s.put("weight_uom", props.weightUom());
        s.put("volume_uom", props.volumeUom());
        s.put("doc_num", text(pick, "edi_doc_num"));
        for (String field : ECHOED) {
            JsonNode v = pick.get(field);
            if (v != null && !v.isNull()) {
                s.set(field, v);
            }
        }

        Map<Integer, Integer> shipped = new LinkedHashMap<>();
        ArrayNode cartons = s.putArray("cartonHeader");
        for (PvxDespatch.Package pkg : d.packages()) {
            String cartonNum = in.cartonNumbers().get(pkg.packageNumber());
            ObjectNode c = cartons.addObject();
            c.put("carton_num", cartonNum);
            c.put("carton_wgt", pkg.weight() == null ? BigDecimal.ZERO : pkg.weight());
            c.put("ctn_volume", new BigDecimal(props.cartonVolume()));
            c.put("pick_num", pickNum);
            c.put("volume_uom", props.volumeUom());
            c.put("weight_uom", props.weightUom());
            // a package without its own number travels under the despatch's (one label, or a multi-piece master)
            String tracking = isBlank(pkg.trackingNumber()) ? d.trackingNumber() : pkg.trackingNumber();
            if (!isBlank(tracking)) {
                c.put("track_no", tracking.trim());
            }
            ArrayNode contents = c.putArray("cartonDetail");
            for (PvxDespatch.Line line : pkg.lines()) {
                List<Integer> candidates = codeBySeq.entrySet().stream().filter(e -> e.getValue().equals(line.itemCode()))
                        .map(Map.Entry::getKey).toList();
                if (candidates.isEmpty()) {
                    problems.add(label + ": package " + pkg.packageNumber() + " holds item " + line.itemCode()
                            + " (" + line.quantity() + " units), which is on no line of the pick");
                    continue;
                }
                int remaining = line.quantity();
                for (int i = 0; i < candidates.size() && remaining > 0; i++) {
                    int seq = candidates.get(i);
                    boolean last = i == candidates.size() - 1;
                    // the last matching line takes any excess, so Blue Cherry's over-shipment check names the line
                    int take = last ? remaining : Math.min(remaining, capacity.get(seq));
                    if (take <= 0) {
                        continue;
                    }
                    capacity.merge(seq, -take, Integer::sum);
                    remaining -= take;
                    shipped.merge(seq, take, Integer::sum);
                    ObjectNode detail = contents.addObject();
                    detail.put("carton_num", cartonNum);
                    detail.put("pick_num", pickNum);
                    putSku(detail, lineBySeq.get(seq));
                    detail.put("ship_qty", take);
                    detail.put("shipqty_uom", "EA");
                    detail.put("total_qty", take);
                }
            }
        }
        ArrayNode pickDetail = f.arrayNode();
        shipped.forEach((seq, qty) -> {
            JsonNode line = lineBySeq.get(seq);
            ObjectNode p = pickDetail.addObject();
            p.put("pick_num", pickNum);
            putSku(p, line);
            p.put("size_qty", qty);
            String lineLocation = text(line, "location");
            p.put("location", lineLocation.isEmpty() ? location : lineLocation);
            JsonNode price = line.get("price");
            if (price != null && !price.isNull()) {
                p.set("price", price);
            }
        });
        s.set("pickDetail", pickDetail);
        if (d.units() <= 0) {
            problems.add(label + ": Peoplevox lists no units in its packages");
        }
        return new Mapped(s, carrier, problems);
    }

    /** The Blue Cherry shipper and SCAC for the despatch's service type, else its carrier; null with a problem when unmapped. */
    CarrierCode carrier(PvxDespatch d, String label, List<String> problems) {
        for (String source : new String[] {d.serviceType(), d.carrier()}) {
            if (source == null || source.isBlank()) {
                continue;
            }
            Optional<String> target = mappings.lookup(DespatchFlow.CARRIER_MAPPING, source.trim());
            if (target.isPresent()) {
                String[] parts = target.get().split("/", 2);
                if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    problems.add(label + ": mapping " + DespatchFlow.CARRIER_MAPPING + " '" + source + "' is '" + target.get()
                            + "'; it must be SHIPPER/SCAC for fields shipper and scac_code");
                    return null;
                }
                return new CarrierCode(source.trim(), parts[0].trim(), parts[1].trim());
            }
        }
        problems.add(label + ": Peoplevox service '" + d.serviceType() + "' (carrier '" + d.carrier() + "') has no "
                + DespatchFlow.CARRIER_MAPPING + " mapping to a Blue Cherry shipper and scac_code; add it with PUT /api/mappings/"
                + DespatchFlow.CARRIER_MAPPING + "/{service} {\"target\":\"SHIPPER/SCAC\"} and replay");
        return null;
    }

    private String cmplCode(boolean completesPick) {
        return switch (props.cmplCode()) {
            case ALWAYS_Y -> "Y";
            case ALWAYS_N -> "N";
            case FULLY_SHIPPED -> completesPick ? "Y" : "N";
        };
    }

    private static BigDecimal totalWeight(PvxDespatch d) {
        return d.packages().stream().map(PvxDespatch.Package::weight).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void putSku(ObjectNode target, JsonNode line) {
        target.set("line_seq", line.get("line_seq"));
        for (String field : List.of("style", "color_code", "lbl_code", "dimension", "size_desc", "upc")) {
            target.put(field, text(line, field));
        }
        if (!text(line, "ean").isEmpty()) {
            target.put("ean", text(line, "ean"));
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package io.cherrypick.flow.despatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.model.PvxDespatch;
import io.cherrypick.store.DespatchRegister;
import io.cherrypick.store.DocumentNumbers;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps that build a Blue Cherry {@code OrderShipment} from a queued despatch (bean {@code orderShipments}), around
 * the field mapping {@code routes/mappings/order-shipment.yaml}:
 * <ol>
 * <li>{@link #prepare}: the pick ticket as the order flow sent it, the despatch's {@code isa_num} and the SSCC serial of
 * each package (from the document-number allocator, {@link DocumentNumbers}: allocated once, so a retry or a replay
 * sends the same numbers), whether it completes the pick, and the
 * carrier mapping; a despatch that cannot be built is held (headers CherrypickCategory and CherrypickReason);</li>
 * <li>the mapping: the shipment's own fields;</li>
 * <li>{@link #document}: the mapped fields plus {@code cartonHeader} (a carton per package, with its lines) and
 * {@code pickDetail} (per pick line shipped). Package lines are matched to pick lines by the Peoplevox ItemCode of each
 * pick line ({@link ItemCodes}); when a pick holds the same item on several lines, units fill the lines in line order up
 * to each line's {@code bk_qty}, the last line taking any excess (so Blue Cherry's over-shipment check names it).</li>
 * </ol>
 * Built at send time, so a replay after a mapping fix sends the corrected shipment.
 */
@Component("orderShipments")
public class OrderShipments {
    /** Header: the shipment a despatch's record is built from (its outcome steps read it). */
    public static final String SHIPMENT = "CherrypickShipment";
    /** Header: the pick (Peoplevox sales order) a despatch belongs to. */
    public static final String PICK = "CherrypickPick";
    /** The queues holding picks as Cherrypick sent them to Peoplevox (the order flow and its amendments). */
    private static final List<String> PICK_QUEUES = List.of("sales-order", "sales-order-change");
    /** The kind of the shipments' isa_num in the allocator: the despatch queue, under which the batch poster marks them. */
    static final String SHIPMENT_NUMBERS = "despatch";
    /** The kind of the carton serials in the document-number allocator (key: despatch number/package number). */
    static final String CARTON_NUMBERS = "despatch-carton";

    private final HandoffStore handoff;
    private final DespatchRegister register;
    private final DocumentNumbers numbers;
    private final OrderLifecycleStore lifecycle;
    private final ValueMappingStore valueMappings;
    private final ItemCodes itemCodes;
    private final DespatchProperties props;
    private final Mappings mappings;
    private final ObjectMapper json;

    public OrderShipments(HandoffStore handoff, DespatchRegister register, DocumentNumbers numbers,
                          OrderLifecycleStore lifecycle, ValueMappingStore valueMappings, ItemCodes itemCodes,
                          DespatchProperties props, Mappings mappings, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.handoff = handoff;
        this.register = register;
        this.numbers = numbers;
        this.valueMappings = valueMappings;
        this.itemCodes = itemCodes;
        this.props = props;
        this.mappings = mappings;
        this.json = json;
    }

    /** The shipment and its problems; the document is null when there are problems. */
    public record Built(ObjectNode document, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Body: the despatch ({@link PvxDespatch}); becomes its {@link Shipment}, or the despatch is held. */
    public void prepare(Exchange exchange) {
        Message in = exchange.getIn();
        PvxDespatch d = in.getBody(PvxDespatch.class);
        in.setHeader(PICK, d.salesOrderNumber());
        Optional<JsonNode> pick = originalPick(d.salesOrderNumber());
        if (pick.isEmpty() && lifecycle.findPick(d.salesOrderNumber()).isPresent()) {
            // the order flow has the pick but has not recorded its send yet (an instance stopped between the save and the
            // record; the pick is taken over after stale-claim-after): the despatch waits for it, it is not held
            throw NotYet.forFlow(Category.VALIDATION, "Despatch " + d.despatchNumber()
                    + " (pick " + d.salesOrderNumber() + "): the order flow has not yet recorded sending pick "
                    + d.salesOrderNumber() + " to Peoplevox; tried again later");
        }
        if (pick.isEmpty()) {
            hold(in, "Despatch " + d.despatchNumber() + " (pick " + d.salesOrderNumber() + "): Peoplevox sales order "
                    + d.salesOrderNumber() + " was not sent by Cherrypick's order flow, so the pick ticket (lines, SKUs)"
                    + " is unknown");
            return;
        }
        List<String> problems = new ArrayList<>();
        Shipment shipment = shipment(d, pick.get(), problems);
        if (!problems.isEmpty()) {
            hold(in, String.join("; ", problems));
            return;
        }
        in.setHeader(SHIPMENT, shipment);
        in.setBody(shipment);
    }

    /** The shipment of a despatch and its pick: numbers assigned (once), carrier looked up; problems added to the list. */
    Shipment shipment(PvxDespatch d, JsonNode pick, List<String> problems) {
        register.register(d.despatchNumber(), d.salesOrderNumber(), d.units()); // taken before, unless replayed from elsewhere
        long isa = numbers.number(SHIPMENT_NUMBERS, d.despatchNumber());
        Map<String, String> cartons = new LinkedHashMap<>();
        for (PvxDespatch.Package pkg : d.packages()) {
            long serial = numbers.number(CARTON_NUMBERS, d.despatchNumber() + "/" + pkg.packageNumber());
            cartons.put(pkg.packageNumber(), Gs1.sscc20(props.gs1ExtensionDigit(), props.gs1CompanyPrefix(), serial));
        }
        boolean completes = register.unitsUpTo(d.salesOrderNumber(), d.despatchNumber()) >= orderedUnits(pick);
        return checked(new Shipment(d, pick, isa, cartons, completes, null), problems);
    }

    /** The shipment with its carrier, after the checks that need no Blue Cherry call (each problem names the field). */
    Shipment checked(Shipment s, List<String> problems) {
        Shipment.CarrierCode carrier = carrier(s.despatch(), s.label(), problems);
        if (PeoplevoxDates.parse(s.despatch().despatchDate()).isEmpty()) {
            problems.add(s.label() + ": Peoplevox report Despatch summary: Despatch date '" + s.despatch().despatchDate()
                    + "' is not a date; ship_date needs one");
        }
        if (s.despatch().units() <= 0) {
            problems.add(s.label() + ": Peoplevox report Despatch summary lists no items (No of items) for it");
        }
        return new Shipment(s.despatch(), s.pick(), s.isaNum(), s.cartonNumbers(), s.completesPick(), carrier);
    }

    /**
     * Body: the shipment's fields as mapped by {@code mapping}; becomes the OrderShipment document, or the despatch is
     * held (an item Peoplevox packed is on no line of the pick).
     */
    public void document(Exchange exchange, String mapping) {
        Message in = exchange.getIn();
        Built built = assemble(in.getHeader(SHIPMENT, Shipment.class), in.getBody(MappedRecord.class),
                mappings.file(mapping).part("shipment"));
        if (!built.ok()) {
            hold(in, String.join("; ", built.problems()));
            return;
        }
        in.setBody(built.document());
    }

    /** The mapped shipment fields (part {@code shipment}) with the cartons and the pick lines shipped. */
    public Built assemble(Shipment s, MappedRecord mapped, MappingFile.Part part) {
        PvxDespatch d = s.despatch();
        String pickNum = s.pickField("pick_num");
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = mapped.row(part.name());
        ObjectNode doc = json.valueToTree(part.json(fields));

        Map<Integer, JsonNode> lineBySeq = new LinkedHashMap<>();
        Map<Integer, String> codeBySeq = new LinkedHashMap<>();
        Map<Integer, Integer> capacity = new LinkedHashMap<>();
        for (JsonNode line : s.pick().path("pickdetail").path("rows")) {
            int seq = line.path("line_seq").asInt();
            lineBySeq.put(seq, line);
            codeBySeq.put(seq, itemCodes.itemCode(line, text(line, "style")));
            capacity.put(seq, new BigDecimal(text(line, "bk_qty").isEmpty() ? "0" : text(line, "bk_qty")).intValue());
        }
        Map<Integer, Integer> shipped = new LinkedHashMap<>();
        ArrayNode cartons = doc.putArray("cartonHeader");
        for (PvxDespatch.Package pkg : d.packages()) {
            String cartonNum = s.cartonNumbers().get(pkg.packageNumber());
            ObjectNode c = cartons.addObject();
            c.put("carton_num", cartonNum);
            // Peoplevox's unit to Blue Cherry's (cherrypick.conversion), as the mapping's blueCherryWeight(weight)
            c.put("carton_wgt", pkg.weight() == null ? BigDecimal.ZERO
                    : mappings.functions().conversions().blueCherryWeight(pkg.weight()));
            c.put("ctn_volume", new BigDecimal(props.cartonVolume()));
            c.put("pick_num", pickNum);
            c.put("volume_uom", fields.get("volume_uom"));
            c.put("weight_uom", fields.get("weight_uom"));
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
                    problems.add(s.label() + ": package " + pkg.packageNumber() + " holds item " + line.itemCode()
                            + " (" + line.quantity() + " units), which is on no line of the pick");
                    continue;
                }
                int remaining = line.quantity();
                for (int i = 0; i < candidates.size() && remaining > 0; i++) {
                    int seq = candidates.get(i);
                    int take = i == candidates.size() - 1 ? remaining : Math.min(remaining, capacity.get(seq));
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
        ArrayNode pickDetail = doc.putArray("pickDetail");
        shipped.forEach((seq, qty) -> {
            JsonNode line = lineBySeq.get(seq);
            ObjectNode p = pickDetail.addObject();
            p.put("pick_num", pickNum);
            putSku(p, line);
            p.put("size_qty", qty);
            String lineLocation = text(line, "location");
            p.put("location", lineLocation.isEmpty() ? s.pickField("location") : lineLocation);
            JsonNode price = line.get("price");
            if (price != null && !price.isNull()) {
                p.set("price", price);
            }
        });
        return new Built(problems.isEmpty() ? doc : null, problems);
    }

    /** The Blue Cherry shipper and SCAC for the despatch's service type, else its carrier; null with a problem when unmapped. */
    Shipment.CarrierCode carrier(PvxDespatch d, String label, List<String> problems) {
        String kind = DespatchFlow.CARRIER_MAPPING;
        for (String source : new String[] {d.serviceType(), d.carrier()}) {
            if (source == null || source.isBlank()) {
                continue;
            }
            Optional<String> target = valueMappings.lookup(kind, source.trim());
            if (target.isPresent()) {
                String[] parts = target.get().split("/", 2);
                if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    problems.add(label + ": mapping " + kind + " '" + source + "' is '" + target.get()
                            + "'; it must be SHIPPER/SCAC for fields shipper and scac_code");
                    return null;
                }
                return new Shipment.CarrierCode(source.trim(), parts[0].trim(), parts[1].trim());
            }
        }
        problems.add(label + ": Peoplevox service '" + d.serviceType() + "' (carrier '" + d.carrier() + "') has no " + kind
                + " mapping to a Blue Cherry shipper and scac_code; add it with PUT /api/mappings/" + kind
                + "/{service} {\"target\":\"SHIPPER/SCAC\"} and replay");
        return null;
    }

    /** The pick ticket as Cherrypick last sent it to Peoplevox (the order flow's hand-off). */
    private Optional<JsonNode> originalPick(String pickNum) {
        return handoff.lastDone(PICK_QUEUES, pickNum).map(HandoffRecord::payload).map(payload -> {
            try {
                return json.readTree(payload);
            } catch (Exception unreadable) {
                return null;
            }
        });
    }

    private static int orderedUnits(JsonNode pick) {
        int units = 0;
        for (JsonNode line : pick.path("pickdetail").path("rows")) {
            String qty = text(line, "bk_qty");
            units += qty.isEmpty() ? 0 : new BigDecimal(qty).intValue();
        }
        return units;
    }

    private static void hold(Message in, String reason) {
        in.setHeader(Handoff.CATEGORY, Category.VALIDATION.name());
        in.setHeader(Handoff.REASON, reason);
        in.setHeader(Handoff.OUTCOME, HandoffStore.HELD);
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

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

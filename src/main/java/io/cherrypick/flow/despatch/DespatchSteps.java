package io.cherrypick.flow.despatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.BlueCherryDocuments;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.peoplevox.model.PvxDespatch;
import io.cherrypick.store.DespatchRegister;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.WarehouseStatuses;

/**
 * The despatch flow's steps on the order lifecycle and its register (bean {@code despatchSteps}), each called by one
 * step of routes/despatch-from-wms.camel.yaml. The lifecycle only moves forward ({@link WarehouseStatuses}).
 */
@Component("despatchSteps")
public class DespatchSteps {
    private static final Logger log = LoggerFactory.getLogger(DespatchSteps.class);

    private final OrderLifecycleStore lifecycle;
    private final DespatchRegister register;
    private final DespatchProperties props;
    private final ObjectMapper json;
    private final StockLevels stock;

    public DespatchSteps(OrderLifecycleStore lifecycle, DespatchRegister register, DespatchProperties props,
                         ObjectMapper json, StockLevels stock) {
        this.stock = stock;
        this.lifecycle = lifecycle;
        this.register = register;
        this.props = props;
        this.json = json;
    }

    /** A SalesOrderStatusChanges event: the pick's lifecycle moves forward (never back, never with an older status). */
    public void status(@Body Map<String, String> fields) {
        String pick = fields.getOrDefault("SalesOrderNumber", "").trim();
        String status = fields.getOrDefault("SalesOrderStatus.Name", "").trim();
        LifecycleState state = WarehouseStatuses.stateFor(props.statuses(), status).orElse(null);
        if (state == null || lifecycle.findPick(pick).isEmpty()) {
            return; // a status the lifecycle does not follow (e.g. New), or an order Cherrypick did not send
        }
        Instant at = PeoplevoxDates.parseInstant(fields.get("LastModificationTime")).orElse(null);
        boolean moved = lifecycle.moveIfIn(pick, state, "Peoplevox status " + status
                        + (at == null ? "" : " at " + fields.get("LastModificationTime")),
                WarehouseStatuses.movableTo(state), at);
        if (!moved) {
            log.debug("pick {}: Peoplevox status {} ({}) ignored: the lifecycle already shows a later one", pick, status,
                    fields.get("LastModificationTime"));
        }
    }

    /** Whether this despatch was taken already (by an earlier event or the report poll). */
    public boolean taken(String despatchNumber) {
        return despatchNumber != null && !register.known(List.of(despatchNumber.trim())).isEmpty();
    }

    /**
     * The despatch an event announced, as this read of the report shows it (header {@link PeoplevoxDespatches#DESPATCH}),
     * is taken only when the read before it, another read, found the same lines: a despatch the report does not show
     * yet, shows for the first time or shows with other lines is a transient failure, and the event is read again later.
     * So a despatch whose rows Peoplevox is still writing is never sent half. Runs before (outside) the transaction that
     * takes the despatch: what this read found is kept, and the event stays claimed for its retry.
     */
    public void confirmedByTwoReads(Exchange exchange) {
        Message in = exchange.getIn();
        PvxDespatch d = in.getHeader(PeoplevoxDespatches.DESPATCH, PvxDespatch.class);
        String number = in.getBody(Map.class).getOrDefault("DespatchNumber", "").toString().trim();
        if (d == null) {
            throw new NotYet(PeoplevoxClient.SYSTEM, Category.VALIDATION, "Despatch " + number
                    + " is announced by Peoplevox but not (yet) in its report '" + PeoplevoxDespatches.REPORT + "'");
        }
        if (taken(d.despatchNumber())) {
            return; // another event of this batch took it: nothing to compare
        }
        String digest;
        try {
            digest = Hashing.sha256Hex(json.writeValueAsString(d));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("despatch " + d.despatchNumber() + " cannot be written as JSON", e);
        }
        if (!register.sameAsLastRead(d.despatchNumber(), digest, in.getHeader(PeoplevoxDespatches.READ, String.class))) {
            throw new NotYet(PeoplevoxClient.SYSTEM, Category.VALIDATION, "Despatch " + number + " ("
                    + d.units() + " unit(s)) is taken when a second read of report '" + PeoplevoxDespatches.REPORT
                    + "' finds the same lines; read again later");
        }
    }

    /**
     * The despatch confirmed by two reads is taken once: registered, the body becomes the despatch to queue (key: its
     * number) and the pick moves to DESPATCHED. Header {@link Handoff#STORED} says whether it was new.
     */
    public void despatched(Exchange exchange) {
        Message in = exchange.getIn();
        PvxDespatch d = in.getHeader(PeoplevoxDespatches.DESPATCH, PvxDespatch.class);
        boolean isNew = register.register(d.despatchNumber(), d.salesOrderNumber(), d.units());
        in.setHeader(Handoff.STORED, isNew);
        register.forgetReads(d.despatchNumber());
        if (!isNew) {
            return;
        }
        in.setHeader(Handoff.RECORD_KEY, d.despatchNumber());
        in.setHeader(Handoff.REVISION, "");
        in.setHeader(Handoff.RECORD_TYPE, "despatch");
        in.setBody(d);
        String note = "Despatch " + d.despatchNumber() + ": " + d.units() + " unit(s) in " + d.packages().size()
                + " package(s), " + d.carrier() + " " + d.serviceType() + "; queued for Blue Cherry";
        String pick = d.salesOrderNumber();
        if (!lifecycle.moveIfIn(pick, LifecycleState.DESPATCHED, note, WarehouseStatuses.movableTo(LifecycleState.DESPATCHED),
                null)) {
            lifecycle.note(pick, note);
        }
        log.info("{} (pick {})", note, pick);
    }

    /** Blue Cherry took these shipments (a batch, or one record): the pick is confirmed, or noted as part despatched. */
    public void confirmed(Exchange exchange) {
        List<SkuSite> moved = new ArrayList<>();
        for (Message m : Handoff.records(exchange)) {
            Shipment s = m.getHeader(OrderShipments.SHIPMENT, Shipment.class);
            String pkey = m.getHeader(BlueCherry.PKEY, String.class);
            PvxDespatch d = s.despatch();
            String units = d.units() + " unit(s) in " + d.packages().size() + " carton(s)";
            if (s.completesPick()) {
                lifecycle.moveIfIn(s.pickNum(), LifecycleState.CONFIRMED_IN_BLUE_CHERRY, "Blue Cherry confirmed despatch "
                        + d.despatchNumber() + " (" + units + ", shipment " + pkey + "); the pick is complete",
                        WarehouseStatuses.movableTo(LifecycleState.CONFIRMED_IN_BLUE_CHERRY), null);
            } else {
                lifecycle.note(s.pickNum(), "Blue Cherry confirmed part despatch " + d.despatchNumber() + " (" + units
                        + ", shipment " + pkey + "); the rest of the pick is still open");
            }
            lifecycle.flagException(s.pickNum(), false);
            // the shipment took the units off Blue Cherry's stock: the next overlay tells it the site's levels again
            d.packages().stream().flatMap(p -> p.lines().stream())
                    .forEach(l -> moved.add(SkuSite.movedAt(l.itemCode(), d.site())));
            log.info("despatch {} confirmed in Blue Cherry as shipment {}", d.despatchNumber(), pkey);
        }
        stock.movedInBlueCherry(moved);
    }

    /**
     * Blue Cherry refused the shipment. True when it only says it holds the shipment's isa_num already and an earlier
     * POST of it may have gone in (its answer was lost): the shipment is there. The same words for a number Cherrypick
     * never posted before are no proof of anything: another document holds the number ({@link #refusal} says so).
     */
    public boolean alreadyHeld(@Header(BlueCherry.REFUSAL) String refusal, @Body JsonNode shipment,
                               @Header(BlueCherryDocuments.MAYBE_POSTED) Boolean maybePosted) {
        return Boolean.TRUE.equals(maybePosted) && onlyDuplicate(refusal, shipment);
    }

    private static boolean onlyDuplicate(String refusal, JsonNode shipment) {
        String duplicate = "Duplicate isa_num " + shipment.path("isa_num").asText();
        return refusal != null && !refusal.isBlank()
                && List.of(refusal.split("; ")).stream().allMatch(m -> m.contains(duplicate));
    }

    /** The sentence for a shipment Blue Cherry refused: the despatch, pick, order, its words and where the carrier came from. */
    public String refusal(@Header(OrderShipments.SHIPMENT) Shipment s, @Header(BlueCherry.REFUSAL) String refusal,
                          @Body JsonNode shipment) {
        String carrierHint = s.carrier() == null ? "" : " [shipper " + s.carrier().shipper() + " and scac_code "
                + s.carrier().scac() + " come from mapping " + DespatchFlow.CARRIER_MAPPING + " '" + s.carrier().source() + "']";
        String what = "Despatch " + s.despatch().despatchNumber() + " (pick " + s.pickNum() + ", order "
                + s.pickField("ord_num") + ") refused by Blue Cherry: " + refusal;
        if (shipment != null && onlyDuplicate(refusal, shipment)) {
            return what + ". Cherrypick never posted isa_num " + shipment.path("isa_num").asText() + " before, so another"
                    + " document holds that number (a restored database or another system): check in Blue Cherry whether"
                    + " this despatch is there; if it is, resolve this exception, if not, enter it in Blue Cherry by hand.";
        }
        return what + carrierHint + ". Fix the data or mapping and replay: the shipment is rebuilt with the mappings then.";
    }

    /** A despatch held or given up: its pick shows the exception and why (the pick from the header, else the payload). */
    public void flagged(Exchange exchange) {
        Message in = exchange.getIn();
        String pick = in.getHeader(OrderShipments.PICK, String.class);
        if (pick == null) {
            pick = pickOf(in.getBody(String.class));
        }
        if (pick != null && !pick.isBlank()) {
            lifecycle.flagException(pick, true);
            lifecycle.note(pick, in.getHeader(Handoff.REASON, String.class));
        }
    }

    /**
     * A despatch whose exception a person resolved or discarded (the queue's skipped hook; body: the despatch as
     * queued; header CherrypickSkipReason: who closed it and why): it is not posted to Blue Cherry; its pick keeps its
     * state, no longer shows the exception, and its note says why.
     */
    public void skipped(Exchange exchange) {
        Message in = exchange.getIn();
        String pick = pickOf(in.getBody(String.class));
        if (pick != null && !pick.isBlank()) {
            lifecycle.flagException(pick, false);
            lifecycle.note(pick, "Despatch " + in.getHeader(Handoff.RECORD_KEY, String.class) + " not posted to Blue Cherry: "
                    + in.getHeader(Handoff.SKIP_REASON, String.class));
        }
    }

    private String pickOf(String payload) {
        try {
            JsonNode node = payload == null ? null : json.readTree(payload);
            return node == null ? null : node.path("salesOrderNumber").asText("");
        } catch (Exception unreadable) {
            return null; // not a despatch (an event): no pick to flag
        }
    }
}

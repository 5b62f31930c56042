package io.cherrypick.flow.despatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.BlueCherryRejection;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;

/**
 * Sends queued despatches to Blue Cherry as {@code OrderShipment} records, many per POST, and records each outcome.
 * <p>
 * Each shipment is built at send time from the stored Peoplevox despatch, the pick ticket as the order flow sent it,
 * and the mappings of that moment, so a replay after a mapping fix sends the corrected shipment. A despatch that cannot
 * be built is held with an exception. When Blue Cherry refuses a POST of several shipments (it validates the whole call
 * before applying any), each is sent alone, so only the refused ones become exceptions.
 * <p>
 * Exactly once: the despatch number goes into Camel's JDBC idempotent repository in the transaction that marks the row
 * sent and is checked before building; each despatch keeps one {@code isa_num}, so a resend after a broken-off attempt
 * carries the same control number (Blue Cherry's answer "Duplicate isa_num" to it counts as received).
 */
@Component("despatchSender")
public class DespatchSender {
    private static final Logger log = LoggerFactory.getLogger(DespatchSender.class);
    static final String RESOURCE = "OrderShipment";
    static final String MORE = "despatchMore";
    private static final List<String> PICK_FLOWS = List.of("sales-order", "sales-order-change");

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final OrderLifecycleStore lifecycle;
    private final DespatchRegister register;
    private final ShipmentMapper mapper;
    private final BlueCherryClient blueCherry;
    private final JdbcMessageIdRepository sent;
    private final DespatchProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public DespatchSender(OutboxStore outbox, ExceptionStore exceptions, OrderLifecycleStore lifecycle,
                          DespatchRegister register, ShipmentMapper mapper, BlueCherryClient blueCherry,
                          @Qualifier("despatchSentShipments") JdbcMessageIdRepository sent, DespatchProperties props,
                          TransactionTemplate tx, ObjectMapper json, @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.lifecycle = lifecycle;
        this.register = register;
        this.mapper = mapper;
        this.blueCherry = blueCherry;
        this.sent = sent;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** A shipment ready to POST, with what its outcome must update. */
    public record ReadyShipment(OutboxRow row, PvxDespatch despatch, ObjectNode shipment, boolean completesPick,
                                ShipmentMapper.CarrierCode carrier) {
        String pickNum() {
            return despatch.salesOrderNumber();
        }

        String isaNum() {
            return shipment.path("isa_num").asText();
        }
    }

    /** Claims one POST's worth of queued despatches; tells the loop whether more may wait. */
    public OutboxBatch claim(Exchange exchange) {
        OutboxBatch batch = new OutboxBatch(DespatchFlow.FLOW,
                outbox.claim(DespatchFlow.FLOW, instanceId, props.batchSize(), props.staleClaimAfter()));
        exchange.setProperty(OutboxBatch.PROPERTY, batch);
        exchange.setProperty(MORE, batch.rows().size() >= props.batchSize());
        return batch;
    }

    /** Settles despatches already confirmed or that cannot be built (held with an exception); returns the rest, built. */
    public List<ReadyShipment> build(OutboxBatch batch) {
        List<ReadyShipment> ready = new ArrayList<>();
        for (OutboxRow row : batch.rows()) {
            if (sent.contains(row.businessKey())) {
                log.info("despatch {} was already confirmed in Blue Cherry; not sending it again", row.businessKey());
                outbox.markSent(List.of(row.id()));
                batch.settle(row.id());
                continue;
            }
            PvxDespatch despatch;
            try {
                despatch = DespatchPayloads.read(row.payload());
            } catch (IllegalArgumentException unreadable) {
                hold(batch, row, null, Category.VALIDATION, "Despatch " + row.businessKey() + ": " + unreadable.getMessage());
                continue;
            }
            Optional<JsonNode> pick = originalPick(despatch.salesOrderNumber());
            if (pick.isEmpty()) {
                hold(batch, row, despatch.salesOrderNumber(), Category.VALIDATION, "Despatch " + despatch.despatchNumber()
                        + " (pick " + despatch.salesOrderNumber() + "): Peoplevox sales order " + despatch.salesOrderNumber()
                        + " was not sent by Cherrypick's order flow, so the pick ticket (lines, SKUs) is unknown");
                continue;
            }
            long isa = register.sequence(despatch.despatchNumber()).orElseGet(() -> {
                register.register(despatch.despatchNumber(), despatch.salesOrderNumber(), despatch.units());
                return register.sequence(despatch.despatchNumber()).orElseThrow();
            });
            Map<String, String> cartons = new LinkedHashMap<>();
            for (PvxDespatch.Package pkg : despatch.packages()) {
                long serial = register.cartonSerial(despatch.despatchNumber(), pkg.packageNumber());
                cartons.put(pkg.packageNumber(), Gs1.sscc20(props.gs1ExtensionDigit(), props.gs1CompanyPrefix(), serial));
            }
            boolean completes = register.unitsUpTo(despatch.salesOrderNumber(), despatch.despatchNumber())
                    >= orderedUnits(pick.get());
            ShipmentMapper.Mapped mapped = mapper.map(new ShipmentMapper.Input(despatch, pick.get(), isa, cartons, completes));
            if (!mapped.ok()) {
                hold(batch, row, despatch.salesOrderNumber(), Category.VALIDATION, String.join("; ", mapped.problems()));
                continue;
            }
            ready.add(new ReadyShipment(row, despatch, mapped.shipment(), completes, mapped.carrier()));
        }
        return ready;
    }

    /** POSTs the shipments as one array; when Blue Cherry refuses the call, sends them one by one. Returns how many went. */
    public int send(List<ReadyShipment> ready, Exchange exchange) {
        OutboxBatch batch = exchange.getProperty(OutboxBatch.PROPERTY, OutboxBatch.class);
        if (ready.isEmpty()) {
            return 0;
        }
        try {
            long pkey = blueCherry.post(RESOURCE, array(ready));
            recordSent(batch, ready, pkey);
            return ready.size();
        } catch (BlueCherryRejection refused) {
            if (ready.size() == 1) {
                reject(batch, ready.get(0), refused);
                return 0;
            }
            log.info("Blue Cherry refused a POST of {} shipments ({}); sending them one by one", ready.size(),
                    refused.getMessage());
        }
        int accepted = 0;
        for (ReadyShipment r : ready) {
            try {
                long pkey = blueCherry.post(RESOURCE, array(List.of(r)));
                recordSent(batch, List.of(r), pkey);
                accepted++;
            } catch (BlueCherryRejection refused) {
                reject(batch, r, refused);
            }
        }
        return accepted;
    }

    private ArrayNode array(List<ReadyShipment> shipments) {
        ArrayNode body = json.createArrayNode();
        shipments.forEach(r -> body.add(r.shipment()));
        return body;
    }

    /** The pick ticket as Cherrypick last sent it to Peoplevox (the order flow's outbox). */
    private Optional<JsonNode> originalPick(String pickNum) {
        return outbox.lastSent(PICK_FLOWS, pickNum).map(row -> {
            try {
                return json.readTree(row.payload());
            } catch (Exception unreadable) {
                return null;
            }
        });
    }

    private static int orderedUnits(JsonNode pick) {
        int units = 0;
        for (JsonNode line : pick.path("pickdetail").path("rows")) {
            String qty = ShipmentMapper.text(line, "bk_qty");
            units += qty.isEmpty() ? 0 : new BigDecimal(qty).intValue();
        }
        return units;
    }

    private void recordSent(OutboxBatch batch, List<ReadyShipment> shipments, long pkey) {
        tx.executeWithoutResult(status -> {
            for (ReadyShipment r : shipments) {
                sent.add(r.row().businessKey());
                exceptions.resolveOpen(DespatchFlow.FLOW, r.row().businessKey(), "confirmed in Blue Cherry");
                String units = r.despatch().units() + " unit(s) in " + r.despatch().packages().size() + " carton(s)";
                if (r.completesPick()) {
                    lifecycle.moveIfIn(r.pickNum(), LifecycleState.CONFIRMED_IN_BLUE_CHERRY, "Blue Cherry confirmed despatch "
                            + r.despatch().despatchNumber() + " (" + units + ", shipment " + pkey + "); the pick is complete",
                            WarehouseStatuses.movableTo(LifecycleState.CONFIRMED_IN_BLUE_CHERRY), null);
                } else {
                    lifecycle.note(r.pickNum(), "Blue Cherry confirmed part despatch " + r.despatch().despatchNumber()
                            + " (" + units + ", shipment " + pkey + "); the rest of the pick is still open");
                }
                lifecycle.flagException(r.pickNum(), false);
            }
            outbox.markSent(shipments.stream().map(r -> r.row().id()).toList());
        });
        shipments.forEach(r -> batch.settle(r.row().id()));
        log.info("{} despatch(es) confirmed in Blue Cherry as shipment {}: {}", shipments.size(), pkey,
                shipments.stream().map(r -> r.row().businessKey()).toList());
    }

    private void reject(OutboxBatch batch, ReadyShipment r, BlueCherryRejection refused) {
        String duplicate = "Duplicate isa_num " + r.isaNum();
        if (!refused.messages().isEmpty() && refused.messages().stream().allMatch(m -> m.contains(duplicate))) {
            // an earlier attempt reached Blue Cherry but its answer was lost: the shipment is there
            log.info("despatch {}: Blue Cherry already holds isa_num {}; recorded as confirmed", r.row().businessKey(), r.isaNum());
            recordSent(batch, List.of(r), 0);
            return;
        }
        String carrierHint = r.carrier() == null ? "" : " [shipper " + r.carrier().shipper() + " and scac_code "
                + r.carrier().scac() + " come from mapping " + DespatchFlow.CARRIER_MAPPING + " '" + r.carrier().source() + "']";
        String message = "Despatch " + r.despatch().despatchNumber() + " (pick " + r.pickNum() + ", order "
                + r.shipment().path("ord_num").asText() + ") refused by Blue Cherry: " + String.join("; ", refused.messages())
                + carrierHint + ". Fix the data or mapping and replay: the shipment is rebuilt with the mappings then.";
        fail(batch, r.row(), r.pickNum(), Category.REJECTED, message);
    }

    private void hold(OutboxBatch batch, OutboxRow row, String pickNum, Category category, String message) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(DespatchFlow.FLOW, DespatchFlow.SEND_ROUTE, row.businessKey(), category,
                    message, row.payload(), row.id()));
            outbox.markHeld(row.id(), message);
            if (pickNum != null) {
                lifecycle.flagException(pickNum, true);
                lifecycle.note(pickNum, message);
            }
        });
        batch.settle(row.id());
        log.warn("despatch held: {}", message);
    }

    private void fail(OutboxBatch batch, OutboxRow row, String pickNum, Category category, String message) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(DespatchFlow.FLOW, DespatchFlow.SEND_ROUTE, row.businessKey(), category,
                    message, row.payload(), row.id()));
            outbox.markFailed(row.id(), message);
            lifecycle.flagException(pickNum, true);
            lifecycle.note(pickNum, message);
        });
        batch.settle(row.id());
        log.warn("{}", message);
    }
}

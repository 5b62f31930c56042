package io.cherrypick.flow.despatch;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.peoplevox.model.PvxDespatch;

/**
 * What one Blue Cherry {@code OrderShipment} is built from: the Peoplevox despatch, the pick ticket as Cherrypick sent
 * it, the despatch's control number ({@code isaNum}), the SSCC of each package, whether the despatch completes the pick,
 * and the shipper and SCAC its service maps to. Built by {@link OrderShipments#prepare}, read by the mapping
 * {@code routes/mappings/order-shipment.yaml} ({@link ShipmentSource}).
 */
public record Shipment(PvxDespatch despatch, JsonNode pick, long isaNum, Map<String, String> cartonNumbers,
                       boolean completesPick, CarrierCode carrier) {

    /** Shipper and SCAC code for a Peoplevox service (or carrier), from the mapping "carrier" ({@code SHIPPER/SCAC}). */
    public record CarrierCode(String source, String shipper, String scac) {
    }

    public String pickNum() {
        return despatch.salesOrderNumber();
    }

    /** "Despatch D (pick P)": how every sentence about this shipment starts. */
    public String label() {
        return "Despatch " + despatch.despatchNumber() + " (pick " + pickNum() + ")";
    }

    /** A field of the pick ticket, trimmed; empty when it has none. */
    public String pickField(String field) {
        JsonNode v = pick == null ? null : pick.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }
}

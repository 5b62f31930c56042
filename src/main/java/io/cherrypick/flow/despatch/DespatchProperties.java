package io.cherrypick.flow.despatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.cherrypick.store.LifecycleState;

/**
 * The despatch flow's settings ({@code cherrypick.flows.despatch}) that its Java steps read; the schedules, batch sizes
 * and retries are read by routes/despatch-from-wms.camel.yaml, the OrderShipment's constant fields (trans_type, our_id,
 * uoms, ...) by routes/mappings/order-shipment.yaml.
 * <ul>
 * <li>{@code statuses}: Peoplevox sales order status name to lifecycle state.</li>
 * <li>{@code carriers}: seeds the {@code carrier} mapping (Peoplevox service type or carrier name to Blue Cherry
 * shipper and SCAC); operators change it through {@code /api/mappings/carrier/{service}} afterwards.</li>
 * <li>{@code cmplCode}: {@code FULLY_SHIPPED} (Y when this despatch completes the pick, else N), {@code ALWAYS_N},
 * {@code ALWAYS_Y}.</li>
 * <li>{@code gs1CompanyPrefix}, {@code gs1ExtensionDigit}: the SSCC carton numbers; {@code cartonVolume}: each
 * carton's ctn_volume.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.despatch")
public record DespatchProperties(boolean enabled, Map<String, LifecycleState> statuses, List<Carrier> carriers,
                                 CmplCodeRule cmplCode, String gs1CompanyPrefix, Integer gs1ExtensionDigit,
                                 String cartonVolume) {

    /** Peoplevox service type (or carrier) name to Blue Cherry shipper code and SCAC. */
    public record Carrier(String service, String shipper, String scac) {
    }

    public enum CmplCodeRule { FULLY_SHIPPED, ALWAYS_N, ALWAYS_Y }

    public DespatchProperties {
        if (statuses == null || statuses.isEmpty()) {
            statuses = new LinkedHashMap<>();
            statuses.put("Allocated", LifecycleState.ALLOCATED);
            statuses.put("Picking", LifecycleState.PICKING);
            statuses.put("Packed", LifecycleState.PICKING);
            statuses.put("Despatched", LifecycleState.DESPATCHED);
            statuses.put("Cancelled", LifecycleState.CANCELLED);
        }
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        cmplCode = cmplCode == null ? CmplCodeRule.FULLY_SHIPPED : cmplCode;
        gs1CompanyPrefix = blank(gs1CompanyPrefix) ? "0614141" : gs1CompanyPrefix.trim();
        gs1ExtensionDigit = gs1ExtensionDigit == null ? 0 : gs1ExtensionDigit;
        cartonVolume = blank(cartonVolume) ? "1" : cartonVolume;
        if (gs1ExtensionDigit < 0 || gs1ExtensionDigit > 9) {
            throw new IllegalArgumentException("cherrypick.flows.despatch.gs1-extension-digit must be 0..9");
        }
        if (!gs1CompanyPrefix.chars().allMatch(Character::isDigit) || gs1CompanyPrefix.length() < 6
                || gs1CompanyPrefix.length() > 12) {
            throw new IllegalArgumentException("cherrypick.flows.despatch.gs1-company-prefix must be 6 to 12 digits");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

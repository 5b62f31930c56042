package io.cherrypick.flow.despatch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.cherrypick.store.LifecycleState;

/**
 * The despatch flow's settings ({@code cherrypick.flows.despatch}).
 * <ul>
 * <li>{@code inboxInterval} (ms): how often events are taken from the inbox; {@code pollCron}: the Despatch summary
 * report poll; {@code pollLookback}: how far back the first poll reads; {@code pollOverlap}: how far before the cursor
 * each poll starts again (report dates have minutes only, and despatches already taken are skipped).</li>
 * <li>{@code sendCron}: when queued shipments go to Blue Cherry; {@code batchSize}: shipments per POST.</li>
 * <li>{@code statuses}: Peoplevox sales order status name to lifecycle state.</li>
 * <li>{@code carriers}: seeds the {@code carrier} mapping (Peoplevox service type or carrier name to Blue Cherry
 * shipper and SCAC); operators change it through {@code /api/mappings/carrier/{service}} afterwards.</li>
 * <li>{@code cmplCode}: {@code FULLY_SHIPPED} (Y when this despatch completes the pick, else N), {@code ALWAYS_N},
 * {@code ALWAYS_Y}.</li>
 * <li>{@code gs1CompanyPrefix}, {@code gs1ExtensionDigit}: the SSCC carton numbers.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.despatch")
public record DespatchProperties(boolean enabled, long inboxInterval, String pollCron, Duration pollLookback,
                                 Duration pollOverlap, String sendCron, int batchSize, int maxAttempts,
                                 Duration retryBackoff, Duration staleClaimAfter, int eventMaxAttempts,
                                 Duration eventRetryBackoff, Map<String, LifecycleState> statuses,
                                 List<Carrier> carriers, CmplCodeRule cmplCode, String gs1CompanyPrefix,
                                 Integer gs1ExtensionDigit, String weightUom, String volumeUom, String transType,
                                 String ourId, String ourQual, String vndId, String vndQual, String cartonVolume) {

    /** Peoplevox service type (or carrier) name to Blue Cherry shipper code and SCAC. */
    public record Carrier(String service, String shipper, String scac) {
    }

    public enum CmplCodeRule { FULLY_SHIPPED, ALWAYS_N, ALWAYS_Y }

    public DespatchProperties {
        inboxInterval = inboxInterval <= 0 ? 1000 : inboxInterval;
        pollCron = blank(pollCron) ? "0 0/10 * * * ?" : pollCron;
        pollLookback = pollLookback == null ? Duration.ofDays(2) : pollLookback;
        pollOverlap = pollOverlap == null ? Duration.ofHours(1) : pollOverlap;
        sendCron = blank(sendCron) ? "0 0/5 * * * ?" : sendCron;
        batchSize = batchSize <= 0 || batchSize > 200 ? 50 : batchSize;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        staleClaimAfter = staleClaimAfter == null ? Duration.ofMinutes(2) : staleClaimAfter;
        eventMaxAttempts = eventMaxAttempts <= 0 ? 10 : eventMaxAttempts;
        eventRetryBackoff = eventRetryBackoff == null ? Duration.ofSeconds(30) : eventRetryBackoff;
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
        weightUom = blank(weightUom) ? "LB" : weightUom;
        volumeUom = blank(volumeUom) ? "CF" : volumeUom;
        transType = blank(transType) ? "M" : transType;
        ourId = blank(ourId) ? "CHERRYPICK" : ourId;
        ourQual = blank(ourQual) ? "ZZ" : ourQual;
        vndId = blank(vndId) ? "PEOPLEVOX" : vndId;
        vndQual = blank(vndQual) ? "ZZ" : vndQual;
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

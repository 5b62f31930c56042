package io.cherrypick.flow.item;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The item flow ({@code cherrypick.flows.item}): Blue Cherry styles to Peoplevox item types. The schedules, sizes and
 * retries are read by routes/item-master-to-wms.camel.yaml, the checks before a SKU goes to Peoplevox by its validator;
 * the field mapping is routes/mappings/item.yaml and the ItemCode strategy {@code cherrypick.items.code-strategy}
 * (shared with the order flow). Defaults in application.yml.
 *
 * @param enabled         run the flow (its route group starts)
 * @param pullCron        how often Blue Cherry is asked for the styles changed since the last pull (Quartz cron;
 *                        clustered)
 * @param driftCron       when Peoplevox's item types are compared with what was sent (Quartz cron; clustered)
 * @param sendInterval    ms between sender runs while no style waits (it loops while there is work)
 * @param stylesPerRun    styles claimed per sender run
 * @param rowsPerCall     item rows per Peoplevox SaveData call (Peoplevox takes up to 100)
 * @param maxAttempts     attempts of a failing send before the style becomes an exception (0: not
 *                  counted; the time budget cherrypick.handoff.retry-for decides)
 * @param retryBackoff    the first wait before a failed send is tried again (doubling each attempt)
 * @param staleClaimAfter a claim older than this belongs to an instance that stopped: its styles are taken over
 * @param requiredFields  item fields that must have a value
 * @param maxLengths      the longest value Peoplevox's item template takes per field; a key ending in * covers every
 *                        field it starts
 * @param numericFields   item fields that must be numbers
 * @param checkBarcodes   whether each barcode must be a UPC-A (12 digits) or EAN-13 (13 digits) with a valid check digit
 */
@Validated
@ConfigurationProperties("cherrypick.flows.item")
public record ItemFlowProperties(boolean enabled, @NotBlank String pullCron, @NotBlank String driftCron,
                                 @Min(1) long sendInterval, @Min(1) int stylesPerRun, @Min(1) @Max(100) int rowsPerCall,
                                 @Min(0) int maxAttempts, @NotNull @DurationMin(millis = 1) Duration retryBackoff,
                                 @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter,
                                 @NotNull List<String> requiredFields, @NotNull Map<String, Integer> maxLengths,
                                 @NotNull List<String> numericFields, boolean checkBarcodes) {

    /** The longest value Peoplevox takes in {@code field}, or -1 when no limit is configured. */
    public int maxLength(String field) {
        Integer exact = maxLengths.get(field);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Integer> e : maxLengths.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("*") && field.startsWith(key.substring(0, key.length() - 1))) {
                return e.getValue();
            }
        }
        return -1;
    }
}

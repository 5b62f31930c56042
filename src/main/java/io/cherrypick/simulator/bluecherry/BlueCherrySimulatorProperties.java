package io.cherrypick.simulator.bluecherry;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up settings of the Blue Cherry simulator ({@code cherrypick.simulator.bluecherry.*}). They are the defaults
 * that {@code POST /_control/reset} restores; {@code PUT /_control/config} changes them at run time.
 *
 * @param subscriptionKeys         APIM subscription keys accepted in {@code Ocp-Apim-Subscription-Key}
 * @param pageCap                  largest {@code _pgsize} served on header/detail resources
 * @param pageCapPolicy            what happens to a larger {@code _pgsize}: reset to the cap, or 400
 * @param defaultPageSize          {@code _pgsize} when the caller sends none
 * @param errorShape               JSON shape of validation errors on POSTs
 * @param weightUoms               accepted {@code weight_uom} codes
 * @param volumeUoms               accepted {@code volume_uom} codes
 * @param transTypes               accepted {@code trans_type} codes (X12 transportation methods)
 * @param duplicatePolicy          repeated {@code isa_num} / {@code adj_num}: refuse, or answer the original pkey
 * @param cmplCodeClosesRemainder  whether {@code cmpl_code} Y on a partial shipment closes the unshipped rest
 * @param timeZone                 zone of the simulator clock that stamps {@code last_mod}
 * @param version                  value of {@code version} in every read envelope
 * @param readOrder                order of the records a read answers (Blue Cherry's own order is not public):
 *                                 {@code STORED} (default: creation order, as a table read without ORDER BY; a record
 *                                 changed later keeps its place, so pages can go back in {@code last_mod}),
 *                                 {@code SHUFFLED} (a fixed pseudo-random order), {@code NEWEST_FIRST} (pages go
 *                                 backwards in {@code last_mod}) or {@code LAST_MOD} (sorted, oldest first)
 * @param headerWhenEmpty          whether an empty header/detail read still answers {@code data.header: []}; false
 *                                 (default) answers {@code data: {}}: whether Blue Cherry sends an empty header is not
 *                                 public
 * @param maxRecords               how many of each kind of record the simulator keeps (picks, production orders, RAs,
 *                                 and each list of posted documents); past it, the oldest settled ones go first: a
 *                                 shipped, voided or cancelled pick, a received production order, a closed RA, the
 *                                 oldest posted document (of which at most 10,000 per list are kept in any case).
 *                                 Open records are never dropped. Default 100,000 (the demo
 *                                 adds about 52,000 orders a day)
 */
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@ConfigurationProperties("cherrypick.simulator.bluecherry")
public record BlueCherrySimulatorProperties(
        List<String> subscriptionKeys,
        Integer pageCap,
        PageCapPolicy pageCapPolicy,
        Integer defaultPageSize,
        ErrorShape errorShape,
        List<String> weightUoms,
        List<String> volumeUoms,
        List<String> transTypes,
        DuplicatePolicy duplicatePolicy,
        Boolean cmplCodeClosesRemainder,
        String timeZone,
        String version,
        ReadOrder readOrder,
        Boolean headerWhenEmpty,
        Integer maxRecords) {

    public BlueCherrySimulatorProperties {
        subscriptionKeys = subscriptionKeys == null ? List.of("demo-subscription-key") : List.copyOf(subscriptionKeys);
        pageCap = pageCap == null ? 200 : pageCap;
        pageCapPolicy = pageCapPolicy == null ? PageCapPolicy.RESET : pageCapPolicy;
        defaultPageSize = defaultPageSize == null ? 25 : defaultPageSize;
        errorShape = errorShape == null ? ErrorShape.ERRORS_ERROR_MESSAGE : errorShape;
        weightUoms = weightUoms == null ? List.of("LB", "KG", "OZ", "G") : List.copyOf(weightUoms);
        volumeUoms = volumeUoms == null ? List.of("CF", "CI", "CM", "M3") : List.copyOf(volumeUoms);
        transTypes = transTypes == null ? List.of("A", "M", "R", "C", "E", "H", "L", "P", "S", "U") : List.copyOf(transTypes);
        duplicatePolicy = duplicatePolicy == null ? DuplicatePolicy.REJECT : duplicatePolicy;
        cmplCodeClosesRemainder = cmplCodeClosesRemainder == null ? Boolean.TRUE : cmplCodeClosesRemainder;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        version = version == null || version.isBlank() ? "sim-1.0" : version;
        readOrder = readOrder == null ? ReadOrder.STORED : readOrder;
        headerWhenEmpty = headerWhenEmpty != null && headerWhenEmpty;
        maxRecords = maxRecords == null ? 100_000 : maxRecords;
    }

    /** The order a read answers in; none is promised by a public source, so a client must not rely on any. */
    public enum ReadOrder { STORED, SHUFFLED, NEWEST_FIRST, LAST_MOD }

    /** What a {@code _pgsize} above the cap does. */
    public enum PageCapPolicy { RESET, REJECT }

    /** The four error-body shapes seen handled by real Blue Cherry clients. */
    public enum ErrorShape { ERRORS_ERROR_MESSAGE, ERRORS_MESSAGE, MESSAGE_ARRAY, MESSAGE }

    /** What a repeated {@code isa_num} (OrderShipment) or {@code adj_num} (PhysicalInventoryTM) does. */
    public enum DuplicatePolicy { REJECT, ACCEPT }
}

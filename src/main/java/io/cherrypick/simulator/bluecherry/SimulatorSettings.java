package io.cherrypick.simulator.bluecherry;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.DuplicatePolicy;
import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.ErrorShape;
import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.PageCapPolicy;
import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.ReadOrder;

/**
 * The simulator's current behaviour switches ({@code GET/PUT /_control/config}). Immutable: an update makes a new
 * value, so a request always sees one consistent set.
 */
public record SimulatorSettings(
        int pageCap,
        PageCapPolicy pageCapPolicy,
        int defaultPageSize,
        ErrorShape errorShape,
        List<String> weightUoms,
        List<String> volumeUoms,
        List<String> transTypes,
        DuplicatePolicy duplicatePolicy,
        boolean cmplCodeClosesRemainder,
        List<String> subscriptionKeys,
        String timeZone,
        ReadOrder readOrder,
        boolean headerWhenEmpty,
        int maxRecords) {

    public SimulatorSettings {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1");
        }
        if (readOrder == null) {
            throw new IllegalArgumentException("readOrder must be one of STORED, SHUFFLED, NEWEST_FIRST, LAST_MOD");
        }
        if (pageCap < 1) {
            throw new IllegalArgumentException("pageCap must be at least 1");
        }
        if (defaultPageSize < 1) {
            throw new IllegalArgumentException("defaultPageSize must be at least 1");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + timeZone + "' is not a known time zone");
        }
        weightUoms = upper(weightUoms);
        volumeUoms = upper(volumeUoms);
        transTypes = upper(transTypes);
        subscriptionKeys = List.copyOf(subscriptionKeys);
    }

    static SimulatorSettings from(BlueCherrySimulatorProperties p) {
        return new SimulatorSettings(p.pageCap(), p.pageCapPolicy(), p.defaultPageSize(), p.errorShape(),
                p.weightUoms(), p.volumeUoms(), p.transTypes(), p.duplicatePolicy(), p.cmplCodeClosesRemainder(),
                p.subscriptionKeys(), p.timeZone(), p.readOrder(), p.headerWhenEmpty(),
                p.maxRecords());
    }

    /** Applies the non-null fields of an update. */
    SimulatorSettings with(Update u) {
        return new SimulatorSettings(
                u.pageCap() != null ? u.pageCap() : pageCap,
                u.pageCapPolicy() != null ? u.pageCapPolicy() : pageCapPolicy,
                u.defaultPageSize() != null ? u.defaultPageSize() : defaultPageSize,
                u.errorShape() != null ? u.errorShape() : errorShape,
                u.weightUoms() != null ? u.weightUoms() : weightUoms,
                u.volumeUoms() != null ? u.volumeUoms() : volumeUoms,
                u.transTypes() != null ? u.transTypes() : transTypes,
                u.duplicatePolicy() != null ? u.duplicatePolicy() : duplicatePolicy,
                u.cmplCodeClosesRemainder() != null ? u.cmplCodeClosesRemainder() : cmplCodeClosesRemainder,
                u.subscriptionKeys() != null ? u.subscriptionKeys() : subscriptionKeys,
                u.timeZone() != null ? u.timeZone() : timeZone,
                u.readOrder() != null ? u.readOrder() : readOrder,
                u.headerWhenEmpty() != null ? u.headerWhenEmpty() : headerWhenEmpty,
                u.maxRecords() != null ? u.maxRecords() : maxRecords);
    }

    /** Body of {@code PUT /_control/config}: only the fields that are present change. */
    public record Update(
            Integer pageCap,
            PageCapPolicy pageCapPolicy,
            Integer defaultPageSize,
            ErrorShape errorShape,
            List<String> weightUoms,
            List<String> volumeUoms,
            List<String> transTypes,
            DuplicatePolicy duplicatePolicy,
            Boolean cmplCodeClosesRemainder,
            List<String> subscriptionKeys,
            String timeZone,
            ReadOrder readOrder,
            Boolean headerWhenEmpty,
            Integer maxRecords) {
    }

    private static List<String> upper(List<String> codes) {
        return codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
    }
}

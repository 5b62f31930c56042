package io.cherrypick.simulator.bluecherry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.PageCapPolicy;
import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.ReadOrder;
import io.cherrypick.simulator.bluecherry.filter.FieldCatalog;
import io.cherrypick.simulator.bluecherry.filter.FieldType;
import io.cherrypick.simulator.bluecherry.filter.FilterException;
import io.cherrypick.simulator.bluecherry.filter.FilterExpression;
import io.cherrypick.simulator.bluecherry.filter.FilterParser;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.ServedRecord;
import io.cherrypick.simulator.bluecherry.model.Templates;

/**
 * GET on a read resource: {@code $filter}, {@code pkey}, {@code stage_num}, the configured order ({@link ReadOrder}:
 * no public source says how Blue Cherry orders a read), paging with {@code _pgno}/{@code _pgsize}, and
 * {@code _include=all}. An empty header/detail read answers {@code data: {}} unless {@code headerWhenEmpty}.
 */
final class ResourceReader {
    private static final Comparator<ServedRecord> BY_LAST_MOD = Comparator
            .comparing(ServedRecord::lastMod, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(ServedRecord::pkey);
    private static final Comparator<ServedRecord> BY_PKEY = Comparator.comparingLong(ServedRecord::pkey);
    /** A fixed order that has nothing to do with last_mod or pkey: the pkey's bits mixed (SplitMix64's finaliser). */
    private static final Comparator<ServedRecord> SHUFFLED = Comparator
            .comparingLong((ServedRecord r) -> mix(r.pkey())).thenComparingLong(ServedRecord::pkey);

    private ResourceReader() {
    }

    /** @param params query parameters with lower-cased names */
    static ApiResponse read(ApiOperation op, Map<String, String> params, BlueCherryState state, SimulatorSettings settings,
                            String version) {
        List<? extends ServedRecord> records = List.copyOf(op.records().apply(state));
        FilterExpression filter;
        try {
            filter = FilterParser.parse(params.get("$filter"), catalog(op, records));
        } catch (FilterException e) {
            return badRequest("Invalid filter: " + e.getMessage());
        }
        Long pkey = null;
        if (params.containsKey("pkey")) {
            pkey = Fields.wholeNumber(params, "pkey");
            if (pkey == null) {
                return badRequest("Invalid pkey: '" + params.get("pkey") + "' must be a whole number");
            }
        }
        Integer pageNumber = pageParameter(params, "_pgno", 1);
        if (pageNumber == null) {
            return badRequest("Invalid _pgno: '" + params.get("_pgno") + "' must be a whole number of at least 1");
        }
        Integer pageSize = pageParameter(params, "_pgsize", settings.defaultPageSize());
        if (pageSize == null) {
            return badRequest("Invalid _pgsize: '" + params.get("_pgsize") + "' must be a whole number of at least 1");
        }
        // Flat lookups are not capped: the observed client reads Location and Shipper with _pgsize=500.
        if (op.kind() == ApiOperation.Kind.HEADER_DETAIL && pageSize > settings.pageCap()) {
            if (settings.pageCapPolicy() == PageCapPolicy.REJECT) {
                return badRequest("_pgsize " + pageSize + " exceeds the maximum page size of " + settings.pageCap());
            }
            pageSize = settings.pageCap();
        }
        String stageNum = op.name().equals("productionOrderByStage") ? params.get("stage_num") : null;
        boolean include = "all".equalsIgnoreCase(params.getOrDefault("_include", ""));

        final Long wantedPkey = pkey;
        List<? extends ServedRecord> matching = records.stream()
                .filter(r -> wantedPkey == null || r.pkey() == wantedPkey)
                .filter(r -> stageNum == null || stageNum.equals(String.valueOf(r.filterView().get("stage_num"))))
                .filter(r -> filter.matches(r.filterView()))
                .sorted(order(settings.readOrder()))
                .toList();
        long from = (long) (pageNumber - 1) * pageSize;
        List<Map<String, Object>> page = matching.stream().skip(from).limit(pageSize)
                .map(r -> r.render(include)).toList();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("data", op.kind() == ApiOperation.Kind.FLAT ? page
                : page.isEmpty() && !settings.headerWhenEmpty() ? Map.of() : Map.of("header", page));
        return new ApiResponse(200, body);
    }

    private static Comparator<ServedRecord> order(ReadOrder readOrder) {
        return switch (readOrder) {
            case STORED -> BY_PKEY;
            case SHUFFLED -> SHUFFLED;
            case NEWEST_FIRST -> BY_LAST_MOD.reversed();
            case LAST_MOD -> BY_LAST_MOD;
        };
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Template fields with their types, plus any extra field a stored record carries (compared as text). A field the
     * template lacks is looked for in the records only when a filter names it: most reads name template fields only,
     * and collecting every record's field names made each read cost grow with the whole history.
     */
    private static FieldCatalog catalog(ApiOperation op, List<? extends ServedRecord> records) {
        Map<String, FieldType> types = new HashMap<>();
        op.template().forEach((field, defaultValue) -> types.put(field.toLowerCase(Locale.ROOT),
                Templates.DATETIME_FIELDS.contains(field) ? FieldType.DATETIME
                        : defaultValue instanceof Number ? FieldType.NUMBER : FieldType.TEXT));
        return field -> {
            FieldType type = types.get(field.toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
            boolean carried = records.stream().anyMatch(r -> r.filterView().keySet().stream().anyMatch(field::equalsIgnoreCase));
            return carried ? FieldType.TEXT : null;
        };
    }

    private static Integer pageParameter(Map<String, String> params, String name, int defaultValue) {
        if (!params.containsKey(name) || params.get(name).isBlank()) {
            return defaultValue;
        }
        Long value = Fields.wholeNumber(params, name);
        return value == null || value < 1 || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static ApiResponse badRequest(String message) {
        return new ApiResponse(400, Map.of("message", message));
    }
}

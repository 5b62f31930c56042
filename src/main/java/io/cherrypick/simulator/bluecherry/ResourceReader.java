package io.cherrypick.simulator.bluecherry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.PageCapPolicy;
import io.cherrypick.simulator.bluecherry.filter.FieldCatalog;
import io.cherrypick.simulator.bluecherry.filter.FieldType;
import io.cherrypick.simulator.bluecherry.filter.FilterException;
import io.cherrypick.simulator.bluecherry.filter.FilterExpression;
import io.cherrypick.simulator.bluecherry.filter.FilterParser;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.ServedRecord;
import io.cherrypick.simulator.bluecherry.model.Templates;

/**
 * GET on a read resource: {@code $filter}, {@code pkey}, {@code stage_num}, ordering by {@code last_mod} then
 * {@code pkey}, paging with {@code _pgno}/{@code _pgsize}, and {@code _include=all}.
 */
final class ResourceReader {
    private static final Comparator<ServedRecord> ORDER = Comparator
            .comparing(ServedRecord::lastMod, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(ServedRecord::pkey);

    private ResourceReader() {
    }

    /** @param params query parameters with lower-cased names */
    static ApiResponse read(ApiOperation op, Map<String, String> params, BlueCherryState state, SimulatorSettings settings,
                            String version) {
        List<? extends ServedRecord> records = List.copyOf(op.records().apply(state));
        // each record's header view built once per request (it is a new map on every call)
        Map<ServedRecord, Map<String, Object>> views = new java.util.IdentityHashMap<>();
        records.forEach(r -> views.put(r, r.headerView()));
        FilterExpression filter;
        try {
            filter = FilterParser.parse(params.get("$filter"), catalog(op, views.values()));
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
                .filter(r -> stageNum == null || stageNum.equals(String.valueOf(views.get(r).get("stage_num"))))
                .filter(r -> filter.matches(views.get(r)))
                .sorted(ORDER)
                .toList();
        long from = (long) (pageNumber - 1) * pageSize;
        List<Map<String, Object>> page = matching.stream().skip(from).limit(pageSize)
                .map(r -> r.render(include)).toList();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("data", op.kind() == ApiOperation.Kind.FLAT ? page : Map.of("header", page));
        return new ApiResponse(200, body);
    }

    /** Template fields with their types, plus any extra field a stored record carries (compared as text). */
    private static FieldCatalog catalog(ApiOperation op, java.util.Collection<Map<String, Object>> headerViews) {
        Map<String, FieldType> types = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> view : headerViews) {
            view.keySet().stream().filter(seen::add).forEach(k -> types.put(k.toLowerCase(Locale.ROOT), FieldType.TEXT));
        }
        op.template().forEach((field, defaultValue) -> types.put(field, Templates.DATETIME_FIELDS.contains(field)
                ? FieldType.DATETIME : defaultValue instanceof Number ? FieldType.NUMBER : FieldType.TEXT));
        return FieldCatalog.of(types);
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

package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A row of a flat resource ({@code Location}, {@code Shipper}, {@code x-sim/inventory}): a code plus its fields. */
public record LookupRecord(long pkey, String code, Map<String, Object> fields) implements ServedRecord {

    /** Builds a row from control-API input; {@code codeField} is {@code location} or {@code shipper}. */
    public static LookupRecord create(long pkey, Map<String, ?> input, Map<String, Object> template, String codeField) {
        String code = Fields.requireText(input, codeField, codeField + " record");
        Map<String, Object> f = Fields.fill(template, input, Set.of());
        f.put("pkey", pkey);
        f.put(codeField, code);
        return new LookupRecord(pkey, code, f);
    }

    @Override
    public LocalDateTime lastMod() {
        return null;
    }

    @Override
    public Map<String, Object> headerView() {
        return new LinkedHashMap<>(fields);
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        return headerView();
    }
}

package io.cherrypick.simulator.bluecherry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.FaultInjector.Fault;

/**
 * The data faults of a read ({@link FaultInjector.FaultType#spoilsData()}): one record of the answer's
 * {@code data.header} (or flat {@code data}) spoilt the way a faulty Blue Cherry, or a faulty customisation of it, could
 * answer; every other record as it was. An answer with fewer records than the fault's index is left alone.
 */
final class DataFaults {
    private static final int LONG_VALUE = 300;

    private DataFaults() {
    }

    @SuppressWarnings("unchecked")
    static Object spoil(Object body, Fault fault) {
        if (!(body instanceof Map<?, ?> envelope) || envelope.get("data") == null) {
            return body;
        }
        Object data = envelope.get("data");
        List<Object> records;
        if (data instanceof List<?> flat) {
            records = new ArrayList<>(flat);
        } else if (data instanceof Map<?, ?> d && d.get("header") instanceof List<?> header) {
            records = new ArrayList<>(header);
        } else {
            return body;
        }
        if (fault.type() == FaultInjector.FaultType.PAGE_OVERFLOW) {
            records.addAll(new ArrayList<>(records));
        } else if (fault.record() < records.size()) {
            records.set(fault.record(), spoilt(records.get(fault.record()), fault));
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) envelope);
        if (data instanceof List<?>) {
            out.put("data", records);
        } else {
            Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) data);
            d.put("header", records);
            out.put("data", d);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object spoilt(Object record, Fault fault) {
        if (fault.type() == FaultInjector.FaultType.NOT_AN_OBJECT) {
            return "record " + fault.record();
        }
        if (!(record instanceof Map<?, ?> fields)) {
            return record;
        }
        Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) fields);
        String field = fault.field();
        String value = r.get(field) == null ? "" : String.valueOf(r.get(field));
        switch (fault.type()) {
            case WRONG_TYPE -> r.put(field, Map.of("unexpected", value));
            case MISSING_FIELD -> r.remove(field);
            case LONG_VALUE -> r.put(field, (value.isEmpty() ? "x" : value).repeat(LONG_VALUE / Math.max(1, value.length()) + 1)
                    .substring(0, LONG_VALUE));
            case CONTROL_CHARACTER -> r.put(field, value + "\u0000");
            default -> {
                // not a record fault
            }
        }
        return r;
    }
}

package io.cherrypick.simulator.peoplevox.template;

import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A template whose records live in one warehouse table and are upserted by key. Subclasses add validation.
 * Delete (Action 2) deactivates: the key gets {@code ~D~} appended (reference §6.2) and the key is free again.
 */
abstract class KeyedTemplate extends Template {
    private static final String DELETED_MARK = "~D~";

    private final Warehouse.Table table;
    private final List<String> requiredFields;

    KeyedTemplate(String name, List<FieldSpec> knownFields, List<String> defaultFields, String referenceField,
            Warehouse.Table table, List<String> requiredFields) {
        super(name, knownFields, defaultFields, referenceField);
        this.table = table;
        this.requiredFields = requiredFields;
    }

    /** The fields that identify a record; they must be in the header. */
    abstract List<String> keyFields(ParsedRow row);

    String keyOf(ParsedRow row) {
        return String.join("\u0000", keyFields(row).stream().map(row::text).toList());
    }

    /** Template rules on the record as it would be saved; null when it may be saved. */
    String validate(Warehouse warehouse, Record merged, Record existing) {
        return null;
    }

    /** Why the record may not be deleted, or null. */
    String validateDelete(Warehouse warehouse, Record existing) {
        return null;
    }

    void afterDelete(Warehouse warehouse, Record deleted, String oldKeyValue) {
    }

    /** Called after a record was created or updated ({@code previous} is null for a new one). */
    void afterSave(Warehouse warehouse, Record previous, Record saved) {
    }

    /** Defaults for a record that is being created. */
    void applyCreateDefaults(Record created) {
    }

    @Override
    public List<Map<String, Object>> exportRows(Warehouse warehouse) {
        return warehouse.table(table).values().stream().map(Record::values).toList();
    }

    @Override
    public List<RowResult> save(Warehouse warehouse, List<ParsedRow> rows, int action) {
        List<RowResult> results = new ArrayList<>();
        Map<String, Record> records = warehouse.table(table);
        for (ParsedRow row : rows) {
            results.add(row.error() != null ? RowResult.failed(row, row.error()) : saveRow(warehouse, records, row, action));
        }
        return results;
    }

    private RowResult saveRow(Warehouse warehouse, Map<String, Record> records, ParsedRow row, int action) {
        for (String keyField : keyFields(row)) {
            if (row.get(keyField) == null) {
                return RowResult.failed(row, keyField + " is required");
            }
        }
        String key = keyOf(row);
        Record existing = records.get(key);
        if (action == 2) {
            return delete(warehouse, records, row, key, existing);
        }
        Record merged = existing == null ? new Record() : existing.copy();
        row.values().forEach(merged::put);
        if (existing == null) {
            applyCreateDefaults(merged);
        }
        for (String required : requiredFields) {
            if (merged.get(required) == null) {
                return RowResult.failed(row, required + " is required");
            }
        }
        String error = validate(warehouse, merged, existing);
        if (error != null) {
            return RowResult.failed(row, error);
        }
        records.put(key, merged);
        afterSave(warehouse, existing, merged);
        return RowResult.saved(row);
    }

    private RowResult delete(Warehouse warehouse, Map<String, Record> records, ParsedRow row, String key,
            Record existing) {
        if (existing == null) {
            return RowResult.failed(row, name() + " record '" + row.reference() + "' does not exist");
        }
        String error = validateDelete(warehouse, existing);
        if (error != null) {
            return RowResult.failed(row, error);
        }
        records.remove(key);
        List<String> keyFields = keyFields(row);
        if (keyFields.size() == 1) {
            String keyField = keyFields.get(0);
            String oldValue = existing.text(keyField);
            String deletedValue = oldValue + DELETED_MARK;
            for (int n = 2; records.containsKey(deletedValue); n++) {
                deletedValue = oldValue + DELETED_MARK + n;
            }
            existing.put(keyField, deletedValue);
            records.put(deletedValue, existing);
            afterDelete(warehouse, existing, oldValue);
        }
        return RowResult.saved(row);
    }
}

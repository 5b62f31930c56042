package io.cherrypick.simulator.peoplevox.template;

import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An integration template (reference §8): the fields it knows, its default field list (what a fresh tenant has
 * configured), how its records are exported and how SaveData rows are applied.
 */
public abstract class Template {
    private final String name;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<String> defaultFields;
    private final String referenceField;

    protected Template(String name, List<FieldSpec> knownFields, List<String> defaultFields, String referenceField) {
        this.name = name;
        knownFields.forEach(field -> fields.put(field.name(), field));
        this.defaultFields = List.copyOf(defaultFields);
        this.referenceField = referenceField;
        defaultFields.forEach(field -> {
            if (!fields.containsKey(field)) {
                throw new IllegalStateException(name + ": default field " + field + " is not a known field");
            }
        });
    }

    public String name() {
        return name;
    }

    public List<FieldSpec> knownFields() {
        return List.copyOf(fields.values());
    }

    /** The field by name, ignoring case; null when the template has no such field. */
    public FieldSpec field(String fieldName) {
        FieldSpec exact = fields.get(fieldName);
        if (exact != null) {
            return exact;
        }
        return fields.values().stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst().orElse(null);
    }

    public List<String> defaultFields() {
        return defaultFields;
    }

    /** The field whose value is each row's Statuses Reference (the record key as sent). */
    public String referenceField() {
        return referenceField;
    }

    public boolean readOnly() {
        return false;
    }

    /** All records as field-name → value maps, in creation order. Called with the warehouse locked. */
    public abstract List<Map<String, Object>> exportRows(Warehouse warehouse);

    /**
     * Applies the rows (including rows that failed conversion, so that grouped templates can fail their
     * group) and returns one result per row, in row order. Called with the warehouse locked.
     *
     * @param action 0 = insert/update, 1 = do not allocate, 2 = delete
     */
    public abstract List<RowResult> save(Warehouse warehouse, List<ParsedRow> rows, int action);
}

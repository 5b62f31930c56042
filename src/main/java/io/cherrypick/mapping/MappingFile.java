package io.cherrypick.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping file of {@code routes/mappings/}, parsed: the source it reads ({@code source: pick}) and its parts, each
 * with its fields in target order:
 * <pre>
 * source: pick
 * parts:
 *   header:                      # one row
 *     fields:
 *       SalesOrderNumber: pick_num
 *   lines:                       # one row per child of the record
 *     each: lines
 *     absent: omit               # leave out fields the record does not carry (default: empty)
 *     numbers: [Quantity]        # optional: fields the target takes as JSON numbers (a JSON document, not a CSV row)
 *     fields:
 *       ItemCode: item_code
 * </pre>
 */
public record MappingFile(String name, String source, List<Part> parts) {

    /**
     * One part: one row, or one row per child ({@code each}). {@code numbers} are the fields a JSON target takes as
     * numbers ({@link #json}); a CSV target (Peoplevox) takes every value as text.
     */
    public record Part(String name, String each, boolean omitAbsent, Map<String, FieldExpression> fields,
                       java.util.Set<String> numbers) {
        public Part {
            numbers = numbers == null ? java.util.Set.of() : java.util.Set.copyOf(numbers);
        }

        public Part(String name, String each, boolean omitAbsent, Map<String, FieldExpression> fields) {
            this(name, each, omitAbsent, fields, java.util.Set.of());
        }

        /**
         * A mapped row of this part as a JSON object's fields: the {@code numbers} fields as numbers (an empty one as
         * null), the others as text. A value of a numbers field that is not a number fails, naming the field.
         */
        public Map<String, Object> json(Map<String, String> row) {
            Map<String, Object> out = new LinkedHashMap<>();
            row.forEach((field, value) -> {
                if (!numbers.contains(field)) {
                    out.put(field, value);
                } else if (value == null || value.isBlank()) {
                    out.put(field, null);
                } else {
                    try {
                        out.put(field, new java.math.BigDecimal(value.trim()));
                    } catch (NumberFormatException notANumber) {
                        throw new IllegalArgumentException("part " + name + ", field " + field + ": '" + value
                                + "' is not a number");
                    }
                }
            });
            return out;
        }
    }

    /** Parses a loaded YAML document; a malformed file fails with a sentence naming the file and the field. */
    @SuppressWarnings("unchecked")
    public static MappingFile parse(String name, Map<String, Object> yaml) {
        if (yaml == null) {
            throw new IllegalArgumentException("mapping " + name + " is empty");
        }
        Object source = yaml.get("source");
        if (!(source instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("mapping " + name + " needs 'source:' (what it reads, e.g. pick)");
        }
        if (!(yaml.get("parts") instanceof Map<?, ?> parts) || parts.isEmpty()) {
            throw new IllegalArgumentException("mapping " + name + " needs 'parts:' with at least one part");
        }
        List<Part> parsed = new ArrayList<>();
        ((Map<String, Object>) parts).forEach((partName, value) -> {
            String where = "mapping " + name + ", part " + partName;
            if (!(value instanceof Map<?, ?> part)) {
                throw new IllegalArgumentException(where + " must be a map with 'fields:'");
            }
            Object fields = part.get("fields");
            if (!(fields instanceof Map<?, ?> fieldMap) || fieldMap.isEmpty()) {
                throw new IllegalArgumentException(where + " needs 'fields:' (target field: expression)");
            }
            Object absent = part.get("absent");
            if (absent != null && !"omit".equals(absent) && !"empty".equals(absent)) {
                throw new IllegalArgumentException(where + ": absent must be omit or empty, not " + absent);
            }
            Map<String, FieldExpression> expressions = new LinkedHashMap<>();
            ((Map<String, Object>) fieldMap).forEach((field, expression) -> expressions.put(field,
                    FieldExpression.parse(where + ", field " + field, expression == null ? null : expression.toString())));
            Object each = part.get("each");
            Object numbers = part.get("numbers");
            if (numbers != null && !(numbers instanceof List<?>)) {
                throw new IllegalArgumentException(where + ": numbers must be a list of field names, not " + numbers);
            }
            java.util.Set<String> numberFields = new java.util.LinkedHashSet<>();
            if (numbers != null) {
                ((List<?>) numbers).forEach(n -> numberFields.add(String.valueOf(n)));
            }
            numberFields.stream().filter(n -> !expressions.containsKey(n)).findFirst().ifPresent(n -> {
                throw new IllegalArgumentException(where + ": numbers names " + n + ", which is not one of its fields");
            });
            parsed.add(new Part(partName, each == null ? null : each.toString(), "omit".equals(absent), expressions,
                    numberFields));
        });
        return new MappingFile(name, ((String) source).trim(), List.copyOf(parsed));
    }

    /** Maps one record: every part's rows, fields in the file's order. */
    public MappedRecord map(MappingSource record, MappingFunctions functions) {
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        for (Part part : parts) {
            List<Map<String, String>> partRows = new ArrayList<>();
            if (part.each() == null) {
                partRows.add(row(part, record, functions));
            } else {
                for (MappingSource child : record.each(part.each())) {
                    partRows.add(row(part, child, functions));
                }
            }
            rows.put(part.name(), partRows);
        }
        return new MappedRecord(rows);
    }

    private static Map<String, String> row(Part part, MappingSource source, MappingFunctions functions) {
        Map<String, String> row = new LinkedHashMap<>();
        part.fields().forEach((field, expression) -> {
            String value;
            try {
                value = expression.evaluate(source, functions);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("part " + part.name() + ", field " + field + " (" + expression + "): "
                        + bad.getMessage(), bad);
            }
            if (value != null) {
                row.put(field, value);
            } else if (!part.omitAbsent()) {
                row.put(field, "");
            }
        });
        return row;
    }

    /**
     * The source names the given parts read (all parts when none is given), in file order: their expressions evaluated
     * over a record that notes every name asked for. {@code header.X} names (message headers) are left out. For a report
     * mapping these are the report columns it needs.
     */
    public java.util.Set<String> namesRead(String... partNames) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        MappingSource noting = new MappingSource() {
            @Override
            public String value(String name) {
                if (!name.startsWith("header.")) {
                    names.add(name);
                }
                return "";
            }

            @Override
            public List<? extends MappingSource> each(String collection) {
                return List.of(this);
            }
        };
        MappingFunctions functions = new MappingFunctions((kind, value) -> null);
        List<String> wanted = List.of(partNames);
        for (Part part : parts) {
            if (wanted.isEmpty() || wanted.contains(part.name())) {
                row(part, noting, functions);
            }
        }
        return names;
    }

    /**
     * Whether what the file gives depends on nothing but the record's own fields (and the file): no part maps a record's
     * children ({@code each}), and no expression reads a message header ({@code header.x}) or the tenant's code lists
     * ({@code lookup}), which change without the record.
     */
    public boolean readsOnlyTheRecord() {
        return parts.stream().allMatch(p -> p.each() == null) && parts.stream()
                .flatMap(p -> p.fields().values().stream()).noneMatch(e -> READS_MORE.matcher(e.toString()).find());
    }

    private static final java.util.regex.Pattern READS_MORE =
            java.util.regex.Pattern.compile("header\\.|lookup\\s*\\(");

    /** A part by name. */
    public Part part(String partName) {
        return parts.stream().filter(p -> p.name().equals(partName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("mapping " + name + " has no part " + partName));
    }
}

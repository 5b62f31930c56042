package io.cherrypick.peoplevox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the rows of several records to one template with as few SaveData calls as possible, and says per record what
 * Peoplevox did. Records are grouped by field set so no row carries a field it does not mean to set (a mixed CSV would
 * blank the others' fields); with a row cap, a group is cut into calls on record boundaries, so one record's rows never
 * straddle a saved call and a refused one. Peoplevox answers one Status per CSV row in row order; a record with any
 * failed row fails with Peoplevox's words about it.
 */
public final class RowWriter {
    /** How a record's refusal begins when Peoplevox could not read the call it was in, even alone. */
    public static final String UNREADABLE = "Peoplevox could not read this record";

    private RowWriter() {
    }

    /** Per record: saved, or the reason it was refused. */
    public record Outcome<K>(List<K> saved, Map<K, String> refused) {
    }

    /**
     * @param maxRows at most this many rows per call (peoplevox:save passes its endpoint's, never above
     *                cherrypick.peoplevox.max-rows-per-call); a record with more rows than the cap goes in calls of its
     *                own, in slices of the cap, and is refused when any slice is (the slices saved before stay in
     *                Peoplevox: a resend with lookBeforeResend sends only the rows Peoplevox lacks)
     * @param action  SaveData action: 0 insert or update, 1 do not allocate (sales orders), 2 delete
     */
    public static <K> Outcome<K> save(PeoplevoxClient peoplevox, String template, Map<K, List<Map<String, String>>> rowsByRecord,
                                      Function<K, String> referenceOf, int maxRows, int action) {
        Map<Set<String>, List<K>> byFields = new LinkedHashMap<>();
        List<K> saved = new ArrayList<>();
        rowsByRecord.forEach((record, rows) -> {
            if (rows.isEmpty()) {
                saved.add(record); // nothing of this record goes to this template
                return;
            }
            Set<String> fields = new LinkedHashSet<>();
            rows.forEach(row -> fields.addAll(row.keySet()));
            byFields.computeIfAbsent(fields, k -> new ArrayList<>()).add(record);
        });
        Map<K, String> refused = new LinkedHashMap<>();
        byFields.forEach((fields, records) -> {
            for (Map<K, List<Map<String, String>>> call : calls(records, rowsByRecord, maxRows)) {
                saveCall(peoplevox, template, List.copyOf(fields), call, referenceOf, action, saved, refused);
            }
        });
        saved.removeAll(refused.keySet()); // a record sliced over several calls is saved only when every slice was
        return new Outcome<>(saved.stream().distinct().toList(), refused);
    }

    /**
     * Cuts records into calls of at most {@code maxRows} rows, never splitting a record that fits in one call; a record
     * with more rows than the cap goes alone, in slices of {@code maxRows} (Peoplevox takes at most 100 rows a call).
     */
    static <K> List<Map<K, List<Map<String, String>>>> calls(List<K> records, Map<K, List<Map<String, String>>> rowsByRecord,
                                                          int maxRows) {
        List<Map<K, List<Map<String, String>>>> calls = new ArrayList<>();
        Map<K, List<Map<String, String>>> current = new LinkedHashMap<>();
        int rows = 0;
        for (K record : records) {
            List<Map<String, String>> recordRows = rowsByRecord.get(record);
            int size = recordRows.size();
            if (maxRows > 0 && size > maxRows) {
                for (int from = 0; from < size; from += maxRows) {
                    calls.add(Map.of(record, recordRows.subList(from, Math.min(size, from + maxRows))));
                }
                continue;
            }
            if (maxRows > 0 && !current.isEmpty() && rows + size > maxRows) {
                calls.add(current);
                current = new LinkedHashMap<>();
                rows = 0;
            }
            current.put(record, recordRows);
            rows += size;
        }
        if (!current.isEmpty()) {
            calls.add(current);
        }
        return calls;
    }

    private static <K> void saveCall(PeoplevoxClient peoplevox, String template, List<String> fields,
                                     Map<K, List<Map<String, String>>> call, Function<K, String> referenceOf,
                                     int action, List<K> saved, Map<K, String> refused) {
        List<Map<String, String>> csvRows = new ArrayList<>();
        List<K> owners = new ArrayList<>();
        call.forEach((record, rows) -> {
            for (Map<String, String> row : rows) {
                csvRows.add(row);
                owners.add(record);
            }
        });
        IntegrationResponse response;
        try {
            response = peoplevox.saveData(template, new CsvTable(fields, csvRows), action);
        } catch (RequestRefused unreadable) {
            halve(peoplevox, template, fields, call, referenceOf, action, saved, refused, unreadable);
            return;
        }
        Set<K> failed = new LinkedHashSet<>();
        if (response.statuses().size() == csvRows.size()) {
            for (int i = 0; i < csvRows.size(); i++) {
                if (!response.statuses().get(i).success()) {
                    failed.add(owners.get(i));
                }
            }
        } else if (!response.ok()) {
            failed.addAll(call.keySet()); // no per-row answer: nothing can be trusted as saved
        }
        for (K record : call.keySet()) {
            if (failed.contains(record)) {
                refused.merge(record, template + ": " + detailAbout(response.detail(), referenceOf.apply(record)),
                        (a, b) -> a + "; " + b);
            } else {
                saved.add(record);
            }
        }
    }

    /**
     * Peoplevox could not read the call at all (nothing of it was applied): each half goes again, until the record it
     * cannot read stands alone and is refused, naming the field that carries what XML cannot; the others go through.
     */
    private static <K> void halve(PeoplevoxClient peoplevox, String template, List<String> fields,
                                  Map<K, List<Map<String, String>>> call, Function<K, String> referenceOf, int action,
                                  List<K> saved, Map<K, String> refused, RequestRefused unreadable) {
        List<K> records = List.copyOf(call.keySet());
        if (records.size() == 1) {
            K record = records.get(0);
            refused.merge(record, template + ": " + UNREADABLE + unreadableFields(call.get(record)) + " ("
                    + unreadable.getMessage() + ")", (a, b) -> a + "; " + b);
            return;
        }
        int half = records.size() / 2;
        for (List<K> part : List.of(records.subList(0, half), records.subList(half, records.size()))) {
            Map<K, List<Map<String, String>>> partCall = new LinkedHashMap<>();
            part.forEach(record -> partCall.put(record, call.get(record)));
            saveCall(peoplevox, template, fields, partCall, referenceOf, action, saved, refused);
        }
    }

    /** The fields of a record's rows holding characters XML 1.0 cannot carry (control characters, e.g. U+000B). */
    static String unreadableFields(List<Map<String, String>> rows) {
        Set<String> found = new LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            row.forEach((field, value) -> {
                if (value == null) {
                    return;
                }
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)));
                    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1))) {
                        allowed = true;
                    }
                    if (!allowed) {
                        found.add("field " + field + " carries " + String.format("U+%04X", (int) c)
                                + ", a character XML cannot carry");
                        return;
                    }
                }
            });
        }
        return found.isEmpty() ? "" : ": " + String.join("; ", found);
    }

    /** The lines of Peoplevox's Detail that name this record, or the whole Detail. */
    static String detailAbout(String detail, String reference) {
        if (detail == null || detail.isBlank()) {
            return "no detail given";
        }
        String mine = detail.lines().filter(l -> l.contains(reference)).collect(Collectors.joining(" "));
        return mine.isBlank() ? detail.trim() : mine.trim();
    }
}

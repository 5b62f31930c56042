package io.cherrypick.peoplevox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the rows of several records to one template with as few SaveData calls as possible, and says per record what
 * Peoplevox did. Records are grouped by field set so no row carries a field it does not mean to set (a mixed CSV would
 * blank the others' fields). Peoplevox answers one Status per CSV row in row order; a record with any failed row fails
 * with Peoplevox's words about it.
 */
public final class RowWriter {
    private RowWriter() {
    }

    /** Per record: saved, or the reason it was refused. */
    public record Outcome<K>(List<K> saved, Map<K, String> refused) {
    }

    public static <K> Outcome<K> save(PeoplevoxClient peoplevox, String template, Map<K, List<Map<String, String>>> rowsByRecord,
                                      java.util.function.Function<K, String> referenceOf) {
        Map<Set<String>, List<K>> byFields = new LinkedHashMap<>();
        rowsByRecord.forEach((record, rows) -> {
            Set<String> fields = new LinkedHashSet<>();
            rows.forEach(row -> fields.addAll(row.keySet()));
            byFields.computeIfAbsent(fields, k -> new ArrayList<>()).add(record);
        });
        List<K> saved = new ArrayList<>();
        Map<K, String> refused = new LinkedHashMap<>();
        byFields.forEach((fields, records) -> {
            List<Map<String, String>> csvRows = new ArrayList<>();
            List<K> owners = new ArrayList<>();
            for (K record : records) {
                for (Map<String, String> row : rowsByRecord.get(record)) {
                    csvRows.add(row);
                    owners.add(record);
                }
            }
            if (csvRows.isEmpty()) {
                saved.addAll(records);
                return;
            }
            IntegrationResponse response = peoplevox.saveData(template, new CsvTable(List.copyOf(fields), csvRows), 0);
            Set<K> failed = new LinkedHashSet<>();
            if (response.statuses().size() == csvRows.size()) {
                for (int i = 0; i < csvRows.size(); i++) {
                    if (!response.statuses().get(i).success()) {
                        failed.add(owners.get(i));
                    }
                }
            } else if (!response.ok()) {
                failed.addAll(records); // no per-row answer: nothing can be trusted as saved
            }
            for (K record : records) {
                if (failed.contains(record)) {
                    refused.put(record, template + ": " + detailAbout(response.detail(), referenceOf.apply(record)));
                } else {
                    saved.add(record);
                }
            }
        });
        return new Outcome<>(saved, refused);
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

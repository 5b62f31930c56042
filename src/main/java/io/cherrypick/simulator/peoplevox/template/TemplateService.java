package io.cherrypick.simulator.peoplevox.template;

import io.cherrypick.simulator.peoplevox.SimulatorSettings;
import io.cherrypick.simulator.peoplevox.search.SearchClause;
import io.cherrypick.simulator.peoplevox.search.SearchClauseException;
import io.cherrypick.simulator.peoplevox.search.Values;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GetData, GetSaveTemplate and SaveData over the integration templates. */
public final class TemplateService {

    public record DataPage(int totalCount, int rowCount, String csv) {
    }

    public record SaveOutcome(List<RowResult> rows) {
        public int savedCount() {
            return (int) rows.stream().filter(RowResult::success).count();
        }

        public List<RowResult> failures() {
            return rows.stream().filter(row -> !row.success()).toList();
        }
    }

    private final Templates templates;
    private final Warehouse warehouse;

    public TemplateService(Templates templates, Warehouse warehouse) {
        this.templates = templates;
        this.warehouse = warehouse;
    }

    /** CSV of the template's configured fields for the matching records on the requested page. */
    public DataPage getData(String templateName, Integer pageNo, Integer itemsPerPage, String searchClause) {
        Template template = templates.require(templateName);
        SimulatorSettings settings = warehouse.settings();
        List<String> fields = templates.fieldsOf(template, settings);
        SearchClause clause = parseClause(searchClause, template.knownFields().stream().map(FieldSpec::name).toList());
        List<Map<String, Object>> matches = new ArrayList<>();
        synchronized (warehouse) {
            for (Map<String, Object> row : template.exportRows(warehouse)) {
                if (matchesClause(clause, row)) {
                    matches.add(row);
                }
            }
        }
        Page<Map<String, Object>> page = Page.of(matches, pageNo, itemsPerPage, settings.pageCap());
        List<List<String>> lines = page.rows().stream()
                .map(row -> fields.stream().map(field -> Values.toText(row.get(field))).toList())
                .toList();
        return new DataPage(page.totalCount(), lines.size(), Csv.write(fields, lines));
    }

    static SearchClause parseClause(String searchClause, List<String> fieldNames) {
        try {
            return SearchClause.parse(searchClause, fieldNames);
        } catch (SearchClauseException e) {
            throw new RequestRejectedException("Invalid SearchClause '" + searchClause + "': " + e.getMessage());
        }
    }

    static boolean matchesClause(SearchClause clause, Map<String, Object> row) {
        try {
            return clause.matches(row::get);
        } catch (SearchClauseException e) {
            throw new RequestRejectedException("Invalid SearchClause '" + clause + "': " + e.getMessage());
        }
    }

    /** The header line of the template's configured fields. */
    public List<String> saveTemplate(String templateName) {
        Template template = templates.require(templateName);
        return templates.fieldsOf(template, warehouse.settings());
    }

    /**
     * Imports CsvData: the header may be any subset of the configured fields; each row is converted, then the
     * template applies the rows.
     */
    public SaveOutcome saveData(String templateName, String csvData, int action) {
        Template template = templates.require(templateName);
        if (action < 0 || action > 2) {
            throw new RequestRejectedException("Action " + action
                    + " is not valid; use 0 (default), 1 (do not allocate) or 2 (delete)");
        }
        if (template.readOnly()) {
            throw new RequestRejectedException("Template '" + template.name() + "' is read-only and cannot be imported");
        }
        Csv.Table table = Csv.read(csvData);
        List<String> configured = templates.fieldsOf(template, warehouse.settings());
        List<String> header = new ArrayList<>();
        List<String> headerErrors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : table.header()) {
            String canonical = configured.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
            if (canonical == null) {
                headerErrors.add("Unknown field '" + name + "' for template '" + template.name() + "'");
            } else if (!seen.add(canonical)) {
                headerErrors.add("Field '" + canonical + "' appears twice in the header");
            }
            header.add(canonical);
        }
        int referenceColumn = header.indexOf(template.referenceField());
        List<ParsedRow> rows = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            String reference = referenceColumn >= 0 && referenceColumn < row.values().size()
                    ? row.values().get(referenceColumn) : "";
            rows.add(parseRow(template, header, headerErrors, row, reference));
        }
        synchronized (warehouse) {
            return new SaveOutcome(template.save(warehouse, rows, action));
        }
    }

    private static ParsedRow parseRow(Template template, List<String> header, List<String> headerErrors, Csv.Row row,
            String reference) {
        List<String> errors = new ArrayList<>(headerErrors);
        Map<String, Object> values = new LinkedHashMap<>();
        if (row.values().size() != header.size()) {
            errors.add("the row has " + row.values().size() + " values but the header has " + header.size() + " fields");
        } else if (headerErrors.isEmpty()) {
            for (int i = 0; i < header.size(); i++) {
                try {
                    values.put(header.get(i), template.field(header.get(i)).parse(row.values().get(i)));
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        return new ParsedRow(row.number(), values, reference, errors.isEmpty() ? null : String.join("; ", errors));
    }
}

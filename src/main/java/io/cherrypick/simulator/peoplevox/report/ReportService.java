package io.cherrypick.simulator.peoplevox.report;

import io.cherrypick.simulator.peoplevox.search.SearchClause;
import io.cherrypick.simulator.peoplevox.search.SearchClauseException;
import io.cherrypick.simulator.peoplevox.search.Values;
import io.cherrypick.simulator.peoplevox.template.Csv;
import io.cherrypick.simulator.peoplevox.template.Page;
import io.cherrypick.simulator.peoplevox.template.RequestRejectedException;
import io.cherrypick.simulator.peoplevox.template.TemplateService.DataPage;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * GetReportData and GetReportColumns. Columns and OrderBy use display names with or without brackets;
 * SearchClause uses bracketed display names; FilterClause is accepted and ignored (its meaning is unknown).
 */
public final class ReportService {
    private final List<Report> reports = Reports.all();
    /** The tenant's own column lists of reports (key: report name, lower case); the others have their defaults. */
    private final Map<String, List<String>> tenantColumns = new java.util.concurrent.ConcurrentHashMap<>();
    private final Warehouse warehouse;

    public ReportService(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public List<String> columns(String reportName) {
        return require(reportName).columns();
    }

    public DataPage getReportData(String reportName, Integer pageNo, Integer itemsPerPage, String searchClause,
            String orderBy, String columns) {
        Report report = require(reportName);
        List<String> selected = selectColumns(report, columns);
        Comparator<Map<String, Object>> order = ordering(report, orderBy);
        SearchClause clause;
        try {
            clause = SearchClause.parse(searchClause, report.columns());
        } catch (SearchClauseException e) {
            throw new RequestRejectedException("Invalid SearchClause '" + searchClause + "': " + e.getMessage());
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        synchronized (warehouse) {
            for (Map<String, Object> row : report.rows(warehouse)) {
                try {
                    if (clause.matches(row::get)) {
                        matches.add(row);
                    }
                } catch (SearchClauseException e) {
                    throw new RequestRejectedException("Invalid SearchClause '" + searchClause + "': " + e.getMessage());
                }
            }
        }
        if (order != null) {
            matches.sort(order);
        }
        Page<Map<String, Object>> page = Page.of(matches, pageNo, itemsPerPage, warehouse.settings().pageCap());
        List<List<String>> lines = page.rows().stream()
                .map(row -> selected.stream().map(column -> reportText(row.get(column))).toList())
                .toList();
        return new DataPage(page.totalCount(), lines.size(), Csv.write(selected, lines));
    }

    /** Report dates are day-first and wrapped in single quotes, e.g. {@code '03/07/2017 06:03'}. */
    private static String reportText(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return "'" + Values.REPORT_DATE.format(dateTime) + "'";
        }
        return Values.toText(value);
    }

    /**
     * Sets a report up as a tenant may: its columns replaced by these (default or extra ones, e.g. the Despatch summary
     * without No of items, or with Package tracking number); an empty list restores the default. Answers the columns.
     */
    public List<String> setColumns(String reportName, List<String> columns) {
        Report report;
        try {
            report = defaultReport(reportName);
        } catch (RequestRejectedException unknown) {
            throw new IllegalArgumentException(unknown.getMessage());
        }
        if (columns == null || columns.isEmpty()) {
            tenantColumns.remove(report.name().toLowerCase());
            return report.columns();
        }
        List<String> chosen = report.withColumns(columns).columns();
        tenantColumns.put(report.name().toLowerCase(), chosen);
        return chosen;
    }

    /** Every report back to its default columns. */
    public void resetColumns() {
        tenantColumns.clear();
    }

    private Report require(String reportName) {
        Report report = defaultReport(reportName);
        List<String> chosen = tenantColumns.get(report.name().toLowerCase());
        return chosen == null ? report : report.withColumns(chosen);
    }

    private Report defaultReport(String reportName) {
        String name = reportName == null ? "" : reportName.trim();
        return reports.stream().filter(report -> report.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new RequestRejectedException("Report '" + reportName + "' does not exist"));
    }

    private static List<String> selectColumns(Report report, String columns) {
        if (columns == null || columns.isBlank()) {
            return report.columns();
        }
        List<String> selected = new ArrayList<>();
        for (String requested : columns.split(",")) {
            if (requested.isBlank()) {
                continue;
            }
            String column = report.column(requested);
            if (column == null) {
                throw new RequestRejectedException("Unknown column '" + requested.trim() + "' in report '"
                        + report.name() + "'");
            }
            selected.add(column);
        }
        return selected.isEmpty() ? report.columns() : selected;
    }

    /** {@code [Col] asc|desc}, several separated by commas; null when no order is asked for. */
    private static Comparator<Map<String, Object>> ordering(Report report, String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return null;
        }
        Comparator<Map<String, Object>> result = null;
        for (String part : orderBy.split(",")) {
            String term = part.trim();
            boolean descending = false;
            String lower = term.toLowerCase();
            if (lower.endsWith(" desc")) {
                descending = true;
                term = term.substring(0, term.length() - 5);
            } else if (lower.endsWith(" asc")) {
                term = term.substring(0, term.length() - 4);
            }
            String column = report.column(term);
            if (column == null) {
                throw new RequestRejectedException("Unknown OrderBy column '" + term.trim() + "' in report '"
                        + report.name() + "'");
            }
            Comparator<Map<String, Object>> byColumn = (a, b) -> compareNullsFirst(a.get(column), b.get(column));
            if (descending) {
                byColumn = byColumn.reversed();
            }
            result = result == null ? byColumn : result.thenComparing(byColumn);
        }
        return result;
    }

    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Values.compare(a, b);
    }
}

package io.cherrypick.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.web.util.HtmlUtils;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.IntegrationResponse;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.peoplevox.RateLimiter;
import io.cherrypick.runtime.StartupChecks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the audit reads from Peoplevox, through the runtime's {@link PeoplevoxClient} (its session, its timeouts, its
 * shared pacing): templates' field lists, a report's columns, and templates and reports page by page (up to 1,000 rows a
 * page), each page one call, counted and shown as progress. Nothing here writes.
 * <p>
 * Pacing: when the client paces (cherrypick.peoplevox.rate-limit.enabled) every call passes its limiter, shared with
 * the flows. When it does not, the audit calls through a client of its own that paces at the same figures
 * ({@link SetupProperties.Pacing}): every request it sends passes that limiter, the Authenticate that opens its session
 * and a retry after an expired session included, so an audit never earns Peoplevox's refusal even where the runtime's
 * settings would.
 */
final class PeoplevoxReads {
    private final PeoplevoxClient client;
    private final boolean paced;
    private final int pageSize;
    private final AuditProgress progress;
    private final AtomicInteger calls = new AtomicInteger();
    private final Counter authentications;
    private final double authenticationsBefore;
    private final Map<String, List<String>> saveTemplates = new LinkedHashMap<>();

    PeoplevoxReads(PeoplevoxClient client, PeoplevoxProperties peoplevox, SetupProperties setup, MeterRegistry meters,
                   AuditProgress progress) {
        this.pageSize = setup.pageSize();
        this.progress = progress;
        boolean clientPaces = client.paced();
        boolean ownPacing = switch (setup.pacing()) {
            case ALWAYS -> !clientPaces;
            case NEVER -> false;
            case AUTO -> !clientPaces && !StartupChecks.isSimulator(peoplevox.baseUrl(), PeoplevoxProperties.SIMULATOR_PATH);
        };
        PeoplevoxProperties.RateLimit limit = peoplevox.rateLimit();
        this.client = ownPacing ? new PeoplevoxClient(peoplevox, meters, new RateLimiter(limit.budget(), limit.period(),
                limit.backoff())) : client;
        this.paced = clientPaces || ownPacing;
        this.authentications = meters.counter("cherrypick.api.calls", "system", "peoplevox", "operation", "Authenticate");
        this.authenticationsBefore = authentications.count();
    }

    /** Whether the audit's calls are paced (by the runtime client's shared limiter or by its own client's). */
    boolean paced() {
        return paced;
    }

    /** Calls made: the audit's own, plus the sessions the client opened meanwhile (Authenticate). */
    int calls() {
        return calls.get() + (int) Math.round(authentications.count() - authenticationsBefore);
    }

    /** The template's field list (GetSaveTemplate), read once per audit. */
    List<String> saveTemplate(String template) {
        List<String> fields = saveTemplates.get(template);
        if (fields == null) {
            String detail = counted(() -> client.getSaveTemplate(template));
            fields = CsvTable.parse(detail, "GetSaveTemplate " + template, 0).headers();
            saveTemplates.put(template, fields);
        }
        return fields;
    }

    /** A report's columns: the header of a one-row GetReportData (GetReportColumns when the report is empty). */
    List<String> reportColumns(String report) {
        CsvTable sample = CsvTable.parse(page("GetReportData", report, "", 1, 1).detail(), "GetReportData " + report, 0);
        if (!sample.headers().isEmpty()) {
            return sample.headers();
        }
        IntegrationResponse columns = ok("GetReportColumns " + report, counted(() -> client.call("GetReportColumns",
                "<GetReportColumns xmlns=\"http://www.peoplevox.net/\"><templateName>" + xml(report)
                        + "</templateName></GetReportColumns>")));
        return CsvTable.parse(columns.detail(), "GetReportColumns " + report, 0).headers();
    }

    /** Every row of a template that matches the clause (empty: all), page by page. */
    CsvTable getData(String template, String searchClause) {
        return allPages("GetData", template, searchClause, "Peoplevox " + template);
    }

    /** Every row of a report that matches the clause (empty: all), page by page, all columns. */
    CsvTable getReport(String report, String searchClause) {
        return allPages("GetReportData", report, searchClause, "Peoplevox report " + report);
    }

    private CsvTable allPages(String operation, String name, String searchClause, String what) {
        List<String> headers = List.of();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            IntegrationResponse r = page(operation, name, searchClause, page, pageSize);
            // strict: a row whose cells do not match the header fails the read, naming the call and the row
            CsvTable table = CsvTable.parse(r.detail(), operation + " " + name, rows.size())
                    .requireWellFormed(operation + " " + name);
            headers = table.headers().isEmpty() ? headers : table.headers();
            rows.addAll(table.rows());
            progress.page(what, page, (r.totalCount() + pageSize - 1) / pageSize);
            if (table.rows().isEmpty() || rows.size() >= r.totalCount()) {
                return new CsvTable(headers, rows);
            }
        }
    }

    private IntegrationResponse page(String operation, String name, String searchClause, int page, int rows) {
        boolean report = operation.equals("GetReportData");
        String request = report ? "getReportRequest" : "getRequest";
        String body = "<" + operation + " xmlns=\"http://www.peoplevox.net/\"><" + request + "><TemplateName>" + xml(name)
                + "</TemplateName><PageNo>" + page + "</PageNo><ItemsPerPage>" + rows + "</ItemsPerPage><SearchClause>"
                + xml(searchClause) + "</SearchClause>"
                + (report ? "<FilterClause></FilterClause><OrderBy></OrderBy><Columns></Columns>" : "")
                + "</" + request + "></" + operation + ">";
        return ok(operation + " " + name, counted(() -> client.call(operation, body)));
    }

    /** One call of the audit's, counted (its client paces it, when calls are paced). */
    private <T> T counted(Supplier<T> call) {
        calls.incrementAndGet();
        return call.get();
    }

    private static IntegrationResponse ok(String what, IntegrationResponse r) {
        if (!r.ok()) {
            throw ApiException.permanent(PeoplevoxClient.SYSTEM, Category.API_ERROR, "Peoplevox refused " + what + ": "
                    + r.detail());
        }
        return r;
    }

    private static String xml(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

package io.cherrypick.peoplevox;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Descartes Peoplevox IntegrationServiceV4: save rows to an import template with per-record outcomes, read templates
 * and reports, subscribe to events; sessions, re-authentication and pacing included. Every operation is a producer
 * ({@code to:}); {@code report} is also a polling consumer ({@code from: peoplevox:report}) that reads a report from a
 * date cursor ({@link PeoplevoxReportConsumer}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "peoplevox", title = "Peoplevox", syntax = "peoplevox:operation",
             category = {Category.SAAS}, headersClass = Peoplevox.class)
public class PeoplevoxEndpoint extends ScheduledPollEndpoint {
    /** IntegrationServiceV4 operations. */
    public enum Operation {
        /** SaveData: rows into an import template; per record, saved or refused with Peoplevox's words. */
        save,
        /** GetData: the rows of a template that match the search clause, all pages. */
        get,
        /** GetReportData: the rows of a report that match the search clause, all pages. */
        report,
        /** SubscribePostEvent: Peoplevox posts an event type to an address; the answer is the subscription id. */
        subscribe,
        /** UnsubscribeEvent. */
        unsubscribe
    }

    @UriPath(description = "The operation: save, get, report, subscribe or unsubscribe")
    @Metadata(required = true)
    private final Operation operation;

    @UriParam(description = "save and get: the integration template, e.g. Sales orders")
    private String template;

    @UriParam(description = "report: the report's name, e.g. Despatch summary")
    private String report;

    @UriParam(label = "save", description = "save: which part of each mapped record to write (e.g. header, lines);"
            + " empty when the body is the rows themselves")
    private String rows;

    @UriParam(label = "save", defaultValue = "0", description = "save: SaveData action, 0 insert or update, 1 do not"
            + " allocate (sales orders), 2 delete")
    private int saveAction;

    @UriParam(label = "save", defaultValue = "0", description = "save: at most this many rows per SaveData call, cut on"
            + " record boundaries; never more than cherrypick.peoplevox.max-rows-per-call (0: that setting, 100 by default)")
    private int maxRows;

    @UriParam(label = "save", defaultValue = "false", description = "save: for records an earlier attempt may have"
            + " written (header CherrypickTriedBefore), read what Peoplevox holds first and send only the rows it lacks")
    private boolean lookBeforeResend;

    @UriParam(label = "save", description = "save with lookBeforeResend: the template field holding the record's key,"
            + " e.g. SalesOrderNumber")
    private String keyField;

    @UriParam(label = "save", description = "save with lookBeforeResend: fields that must also match for a held row to"
            + " count as this row (comma-separated), e.g. Attribute2 (the revision) or Line")
    private String matchFields;

    @UriParam(label = "save", description = "save with lookBeforeResend: the template field holding the record's revision,"
            + " e.g. Attribute2; a held row of the same key (and match fields) at this revision or a newer one counts as"
            + " this row, and a record Peoplevox holds at a newer revision is not sent at all, in this save or a later one"
            + " of the exchange (the newest revision wins)")
    private String revisionField;

    @UriParam(label = "get,report", description = "get and report: the search clause (header PeoplevoxSearchClause"
            + " overrides it); empty reads everything")
    private String searchClause;

    @UriParam(label = "report", description = "report: the column to order by")
    private String orderBy;

    @UriParam(label = "report", description = "report: the columns to read (comma-separated; empty: all)")
    private String columns;

    @UriParam(label = "consumer", description = "report consumer: the report's date column the cursor follows, e.g."
            + " Despatch date; each run reads the rows with that date at or after the cursor")
    private String dateColumn;

    @UriParam(label = "consumer", description = "report consumer: the name the date cursor is kept under (table"
            + " sync_cursor); it survives renaming the route")
    private String cursor;

    @UriParam(label = "consumer", description = "report consumer: the columns that identify a row (comma-separated),"
            + " e.g. Return code,Item code; header CherrypickRecordKey is their values joined by |. A row with one of them"
            + " empty is left out; a key seen twice in a run is routed once (the first row)")
    private String keyColumns;

    @UriParam(label = "consumer", defaultValue = "1h", description = "report consumer: each run starts this long before"
            + " the latest date seen (report dates may have minutes only, and a row may show up late); rows read again"
            + " are routed again, so the route must take a row twice without harm (e.g. handoff: writes once per key)")
    private Duration overlap = Duration.ofHours(1);

    @UriParam(label = "consumer", defaultValue = "2d", description = "report consumer: how far back the first run reads"
            + " (no cursor yet)")
    private Duration firstWindow = Duration.ofDays(2);

    @UriParam(label = "consumer", description = "report consumer: the flow the poll belongs to, for the exception that"
            + " shows a failed run (default: the cursor)")
    private String flow;

    @UriParam(label = "consumer", defaultValue = "direct:dead-letter", description = "report consumer: where a run that"
            + " fails goes, keyed by the cursor, so the stall shows as an exception (resolved by the next run that"
            + " succeeds; the cursor has not moved)")
    private String deadLetterUri = "direct:dead-letter";

    public PeoplevoxEndpoint(String uri, PeoplevoxComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    /** Fails at start-up, naming the option, when an operation lacks what it needs. */
    void check() {
        if ((operation == Operation.save || operation == Operation.get) && (template == null || template.isBlank())) {
            throw new IllegalArgumentException("peoplevox:" + operation + " needs option template (the integration"
                    + " template, e.g. Sales orders): " + getEndpointUri());
        }
        if (operation == Operation.report && (report == null || report.isBlank())) {
            throw new IllegalArgumentException("peoplevox:report needs option report (e.g. Despatch summary): "
                    + getEndpointUri());
        }
        if (lookBeforeResend && (keyField == null || keyField.isBlank())) {
            throw new IllegalArgumentException("peoplevox:save with lookBeforeResend needs option keyField: "
                    + getEndpointUri());
        }
    }

    @Override
    public PeoplevoxComponent getComponent() {
        return (PeoplevoxComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new PeoplevoxProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != Operation.report) {
            throw new IllegalArgumentException("from: peoplevox:" + operation + " is not a consumer; only peoplevox:report"
                    + " polls (" + getEndpointUri() + ")");
        }
        for (String[] option : new String[][] {{"dateColumn", dateColumn}, {"cursor", cursor}, {"keyColumns", keyColumns}}) {
            if (option[1] == null || option[1].isBlank()) {
                throw new IllegalArgumentException("from: peoplevox:report needs option " + option[0] + ": "
                        + getEndpointUri());
            }
        }
        PeoplevoxReportConsumer consumer = new PeoplevoxReportConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    List<String> keyColumnList() {
        return keyColumns == null ? List.of()
                : Arrays.stream(keyColumns.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getRevisionField() {
        return revisionField;
    }

    public void setRevisionField(String revisionField) {
        this.revisionField = revisionField;
    }

    List<String> matchFieldList() {
        return matchFields == null || matchFields.isBlank() ? List.of()
                : Arrays.stream(matchFields.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Operation getOperation() {
        return operation;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getRows() {
        return rows;
    }

    public void setRows(String rows) {
        this.rows = rows;
    }

    public int getSaveAction() {
        return saveAction;
    }

    public void setSaveAction(int saveAction) {
        this.saveAction = saveAction;
    }

    public int getMaxRows() {
        return maxRows;
    }

    /** The rows one SaveData of this endpoint carries at most: its maxRows, never above the client-wide cap. */
    int rowsPerCall() {
        int cap = getComponent().client().maxRowsPerCall();
        if (cap <= 0) { // a client without a cap (a test's stand-in; the setting itself is at least 1)
            return maxRows;
        }
        return maxRows > 0 ? Math.min(maxRows, cap) : cap;
    }

    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    public boolean isLookBeforeResend() {
        return lookBeforeResend;
    }

    public void setLookBeforeResend(boolean lookBeforeResend) {
        this.lookBeforeResend = lookBeforeResend;
    }

    public String getKeyField() {
        return keyField;
    }

    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public String getMatchFields() {
        return matchFields;
    }

    public void setMatchFields(String matchFields) {
        this.matchFields = matchFields;
    }

    public String getSearchClause() {
        return searchClause;
    }

    public void setSearchClause(String searchClause) {
        this.searchClause = searchClause;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public String getDateColumn() {
        return dateColumn;
    }

    public void setDateColumn(String dateColumn) {
        this.dateColumn = dateColumn;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getKeyColumns() {
        return keyColumns;
    }

    public void setKeyColumns(String keyColumns) {
        this.keyColumns = keyColumns;
    }

    public Duration getOverlap() {
        return overlap;
    }

    public void setOverlap(Duration overlap) {
        this.overlap = overlap;
    }

    public Duration getFirstWindow() {
        return firstWindow;
    }

    public void setFirstWindow(Duration firstWindow) {
        this.firstWindow = firstWindow;
    }

    public String getFlow() {
        return flow == null || flow.isBlank() ? cursor : flow;
    }

    public void setFlow(String flow) {
        this.flow = flow;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }
}

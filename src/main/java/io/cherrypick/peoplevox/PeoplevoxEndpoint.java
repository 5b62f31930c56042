package io.cherrypick.peoplevox;

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
import org.apache.camel.support.DefaultEndpoint;

/**
 * Descartes Peoplevox IntegrationServiceV4: save rows to an import template with per-record outcomes, read templates
 * and reports, subscribe to events; sessions, re-authentication and pacing included.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "peoplevox", title = "Peoplevox", syntax = "peoplevox:operation",
             producerOnly = true, category = {Category.SAAS}, headersClass = Peoplevox.class)
public class PeoplevoxEndpoint extends DefaultEndpoint {
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
            + " record boundaries (0: no cap)")
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

    @UriParam(label = "get,report", description = "get and report: the search clause (header PeoplevoxSearchClause"
            + " overrides it); empty reads everything")
    private String searchClause;

    @UriParam(label = "report", description = "report: the column to order by")
    private String orderBy;

    @UriParam(label = "report", description = "report: the columns to read (comma-separated; empty: all)")
    private String columns;

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
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("peoplevox: endpoints are producers (to:); schedule reads with quartz:");
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
}

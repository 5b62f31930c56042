package io.cherrypick.peoplevox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.cherrypick.failure.ApiCallOutcome;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.http.HttpCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * SOAP 1.1 client of Peoplevox IntegrationServiceV4 (document/literal, namespace {@code http://www.peoplevox.net/}).
 * <p>
 * Caches one session per client id and re-authenticates once when Peoplevox answers {@code System : Security - Invalid
 * Session} or {@code Session Expired} (both arrive as HTTP 200 with ResponseId -1). When pacing is on, every call
 * passes the shared {@link Pacer} (the cluster's budget in the database), and a call Peoplevox refuses for the rate
 * limit ({@link RateLimitRefusal}: HTTP 429 or 503, or a SOAP fault or failed answer whose text matches a refusal
 * pattern) makes every instance back off and is then sent again, for up to {@code retry-for}. Transport failures, other
 * 5xx, SOAP faults, HTML pages, unreadable bodies and refusals past that become transient {@link ApiException}s: the
 * caller retries later.
 */
public class PeoplevoxClient {
    public static final String SYSTEM = "Peoplevox";
    static final String NS = "http://www.peoplevox.net/";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxClient.class);
    private static final int MAX_PAGE = 1000;

    private final PeoplevoxProperties props;
    private final HttpClient http;
    private final Pacer pacer;
    private final List<Pattern> refusalPatterns;
    private final MeterRegistry meters;
    private final List<PeoplevoxCallListener> callListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String sessionId;

    /** A client that paces itself alone (its own {@link RateLimiter}) when {@code props} say to pace. */
    public PeoplevoxClient(PeoplevoxProperties props, MeterRegistry meters) {
        this(props, meters, props.paced() ? new RateLimiter(props.rateLimit().budget(), props.rateLimit().period(),
                props.rateLimit().backoff()) : null);
    }

    /** @param pacer the budget every call passes; null: unpaced (a refusal is a transient fault at once) */
    public PeoplevoxClient(PeoplevoxProperties props, MeterRegistry meters, Pacer pacer) {
        this.props = props;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.pacer = pacer;
        this.refusalPatterns = props.rateLimit().compiledPatterns();
    }

    /** The most rows one SaveData may carry (cherrypick.peoplevox.max-rows-per-call). */
    public int maxRowsPerCall() {
        return props.maxRowsPerCall();
    }

    /** Whether this client's calls are paced. */
    public boolean paced() {
        return pacer != null;
    }

    /** Adds a listener told of every call as it completes (see {@link PeoplevoxCallListener}). */
    public void addCallListener(PeoplevoxCallListener listener) {
        callListeners.add(listener);
    }

    /** Reads every row of an integration template that matches the search clause (empty = all), page by page. */
    public CsvTable getData(String template, String searchClause) {
        return wellFormed(readAllPages("GetData", "getRequest", template, searchClause, null), "GetData " + template);
    }

    /** Reads a report (display-name columns); {@code columns} and {@code orderBy} may be null. */
    public CsvTable getReport(String report, String searchClause, String orderBy, String columns) {
        return wellFormed(getReportRowByRow(report, searchClause, orderBy, columns), "GetReportData " + report);
    }

    /**
     * A report for a reader that handles its rows one by one: a row whose cells do not match the header is in
     * {@link CsvTable#badRows()} (numbered), not among the rows, and the reader must refuse it on its own.
     */
    public CsvTable getReportRowByRow(String report, String searchClause, String orderBy, String columns) {
        return readAllPages("GetReportData", "getReportRequest", report, searchClause,
                "<FilterClause></FilterClause><OrderBy>" + xml(orderBy) + "</OrderBy><Columns>" + xml(columns) + "</Columns>");
    }

    /**
     * A report's column names, as the tenant's report has them: the CSV header of a one-row GetReportData (the documented
     * answer), or for a report without rows the Detail of GetReportColumns read as one CSV line (its format is not
     * documented).
     */
    public List<String> reportColumns(String report) {
        String oneRow = pageRequest("GetReportData", "getReportRequest", report, 1, 1, "",
                "<FilterClause></FilterClause><OrderBy></OrderBy><Columns></Columns>");
        IntegrationResponse sample = requireOk("GetReportData " + report, call("GetReportData", oneRow));
        List<String> headers = detail(sample.detail(), "GetReportData " + report, 0).headers();
        if (!headers.isEmpty()) {
            return headers;
        }
        IntegrationResponse columns = requireOk("GetReportColumns " + report, call("GetReportColumns",
                "<GetReportColumns xmlns=\"" + NS + "\"><templateName>" + xml(report) + "</templateName></GetReportColumns>"));
        return detail(columns.detail(), "GetReportColumns " + report, 0).headers();
    }

    /**
     * Imports rows into a template. Action 0 = insert or update, 1 = do not allocate (sales orders), 2 = delete.
     * The response is returned as is: read {@link IntegrationResponse#statuses()} per row.
     */
    public IntegrationResponse saveData(String template, CsvTable table, int action) {
        String body = "<SaveData xmlns=\"" + NS + "\"><saveRequest><TemplateName>" + xml(template) + "</TemplateName><CsvData>"
                + xml(table.write()) + "</CsvData><Action>" + action + "</Action></saveRequest></SaveData>";
        return call("SaveData", body);
    }

    public String getSaveTemplate(String template) {
        IntegrationResponse r = requireOk("GetSaveTemplate",
                call("GetSaveTemplate", "<GetSaveTemplate xmlns=\"" + NS + "\"><templateName>" + xml(template)
                        + "</templateName></GetSaveTemplate>"));
        return r.detail();
    }

    /** Subscribes a form POST of {@code postParams} (placeholders rendered, values URL-encoded) to {@code postUrl}. */
    public int subscribePostEvent(String eventType, String filter, String postUrl, String postParams) {
        String body = "<SubscribePostEvent xmlns=\"" + NS + "\"><eventType>" + xml(eventType) + "</eventType><filter>"
                + xml(filter) + "</filter><postUrl>" + xml(postUrl) + "</postUrl><postParams>" + xml(postParams)
                + "</postParams><encodeParameterData>true</encodeParameterData></SubscribePostEvent>";
        return Integer.parseInt(requireOk("SubscribePostEvent", call("SubscribePostEvent", body)).detail().trim());
    }

    public boolean unsubscribeEvent(int subscriptionId) {
        IntegrationResponse r = call("UnsubscribeEvent", "<UnsubscribeEvent xmlns=\"" + NS + "\"><subscriptionId>"
                + subscriptionId + "</subscriptionId></UnsubscribeEvent>");
        return r.ok() && "True".equalsIgnoreCase(r.detail() == null ? "" : r.detail().trim());
    }

    /** Calls an operation with the session header; re-authenticates and retries once on an invalid or expired session. */
    public IntegrationResponse call(String operation, String bodyXml) {
        String session = session();
        IntegrationResponse response = post(operation, envelope(session, bodyXml));
        if (!response.ok() && isSessionError(response.detail())) {
            log.info("Peoplevox session {} for client {}: re-authenticating", response.detail(), props.clientId());
            invalidate(session);
            response = post(operation, envelope(session(), bodyXml));
            if (!response.ok() && isSessionError(response.detail())) {
                throw ApiException.transientFailure(SYSTEM, Category.AUTH,
                        "Peoplevox refused a fresh session for " + operation + ": " + response.detail(), null);
            }
        }
        return response;
    }

    private CsvTable readAllPages(String operation, String requestElement, String template, String searchClause,
                                  String extraXml) {
        List<String> headers = List.of();
        List<Map<String, String>> rows = new ArrayList<>();
        List<CsvTable.BadRow> badRows = new ArrayList<>();
        for (int page = 1; ; page++) {
            String body = pageRequest(operation, requestElement, template, page, MAX_PAGE, searchClause, extraXml);
            IntegrationResponse r = requireOk(operation + " " + template, call(operation, body));
            CsvTable pageTable = detail(r.detail(), operation + " " + template, rows.size() + badRows.size());
            if (!pageTable.headers().isEmpty()) {
                headers = pageTable.headers();
            }
            rows.addAll(pageTable.rows());
            badRows.addAll(pageTable.badRows());
            if (rows.size() + badRows.size() >= r.totalCount()) {
                return new CsvTable(headers, rows, badRows);
            }
            if (pageTable.rows().isEmpty() && pageTable.badRows().isEmpty()) {
                // fewer rows than Peoplevox counted: a caller must never take the rest for "not there"
                throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Peoplevox " + operation + " " + template
                        + " stopped short: page " + page + " came back empty after " + rows.size() + " of the "
                        + r.totalCount() + " row(s) it counted", null);
            }
        }
    }

    /** An answer's Detail CSV; one that cannot be read is a VALIDATION failure naming the call. */
    private static CsvTable detail(String csv, String call, int rowsBefore) {
        try {
            return CsvTable.parse(csv, call, rowsBefore);
        } catch (CsvTable.BadCsv e) {
            throw ApiException.permanent(SYSTEM, Category.VALIDATION, e.getMessage());
        }
    }

    /** The table when every row matches its header; otherwise a VALIDATION failure naming the call and the rows. */
    private static CsvTable wellFormed(CsvTable table, String call) {
        try {
            return table.requireWellFormed(call);
        } catch (CsvTable.BadCsv e) {
            throw ApiException.permanent(SYSTEM, Category.VALIDATION, e.getMessage());
        }
    }

    private static String pageRequest(String operation, String requestElement, String template, int page, int itemsPerPage,
                                      String searchClause, String extraXml) {
        return "<" + operation + " xmlns=\"" + NS + "\"><" + requestElement + "><TemplateName>" + xml(template)
                + "</TemplateName><PageNo>" + page + "</PageNo><ItemsPerPage>" + itemsPerPage + "</ItemsPerPage><SearchClause>"
                + xml(searchClause) + "</SearchClause>" + (extraXml == null ? "" : extraXml) + "</" + requestElement
                + "></" + operation + ">";
    }

    private IntegrationResponse requireOk(String what, IntegrationResponse r) {
        if (!r.ok()) {
            throw ApiException.permanent(SYSTEM, Category.API_ERROR, "Peoplevox refused " + what + ": " + r.detail());
        }
        return r;
    }

    private synchronized String session() {
        if (sessionId == null) {
            String body = "<Authenticate xmlns=\"" + NS + "\"><clientId>" + xml(props.clientId()) + "</clientId><username>"
                    + xml(props.username()) + "</username><password>"
                    + Base64.getEncoder().encodeToString(nullToEmpty(props.password()).getBytes(StandardCharsets.UTF_8))
                    + "</password></Authenticate>";
            IntegrationResponse r = post("Authenticate", envelope(null, body));
            if (!r.ok() || r.detail() == null || !r.detail().contains(",")) {
                throw ApiException.transientFailure(SYSTEM, Category.AUTH,
                        "Peoplevox authentication failed for client " + props.clientId() + " user " + props.username()
                                + ": " + r.detail(), null);
            }
            sessionId = r.detail().split(",", 2)[1].trim();
        }
        return sessionId;
    }

    private synchronized void invalidate(String failedSession) {
        if (failedSession != null && failedSession.equals(sessionId)) {
            sessionId = null;
        }
    }

    private String envelope(String session, String bodyXml) {
        String header = session == null ? "" : "<soap:Header><UserSessionCredentials xmlns=\"" + NS + "\"><UserId>0</UserId>"
                + "<ClientId>" + xml(props.clientId()) + "</ClientId><SessionId>" + xml(session)
                + "</SessionId></UserSessionCredentials></soap:Header>";
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + header + "<soap:Body>" + bodyXml + "</soap:Body></soap:Envelope>";
    }

    /**
     * One call through the pacer; a call refused for the rate limit is sent again once the cluster's back-off has
     * passed (nothing of it was done), until {@code retry-for} has gone by.
     */
    private IntegrationResponse post(String operation, String envelope) {
        if (pacer == null) {
            return exchange(operation, envelope);
        }
        long giveUpAt = System.nanoTime() + props.rateLimit().retryFor().toNanos();
        while (true) {
            try (Pacer.Permit permit = permit(operation)) {
                return exchange(operation, envelope);
            } catch (RateLimitRefusal refusal) {
                pacer.refused(refusal.getMessage());
                if (System.nanoTime() - giveUpAt >= 0) {
                    throw refusal;
                }
                log.info("Peoplevox refused {} for the rate limit; sending it again after the back-off", operation);
            }
        }
    }

    private Pacer.Permit permit(String operation) {
        try {
            return pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "interrupted while pacing " + operation, e);
        } catch (org.springframework.dao.DataAccessException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Peoplevox " + operation + " not sent: the"
                    + " pacing budget in the database could not be read (" + e.getMostSpecificCause().getMessage() + ")", e);
        }
    }

    /** One call, timed ({@link ApiCallOutcome#TIMER}: system peoplevox, the operation, the outcome). */
    private IntegrationResponse exchange(String operation, String envelope) {
        meters.counter("cherrypick.api.calls", "system", "peoplevox", "operation", operation).increment();
        Timer.Sample sample = Timer.start(meters);
        String outcome = ApiCallOutcome.OK;
        try {
            IntegrationResponse response = send(operation, envelope);
            if (!response.ok()) {
                outcome = isSessionError(response.detail()) ? "auth" : ApiCallOutcome.REFUSED;
            }
            return response;
        } catch (RuntimeException e) {
            outcome = ApiCallOutcome.of(e);
            throw e;
        } finally {
            sample.stop(meters.timer(ApiCallOutcome.TIMER, "system", "peoplevox", "operation", operation, "outcome", outcome));
            tellListeners(operation, outcome);
        }
    }

    private void tellListeners(String operation, String outcome) {
        for (PeoplevoxCallListener listener : callListeners) {
            try {
                listener.called(operation, outcome);
            } catch (RuntimeException e) {
                log.warn("a Peoplevox call listener failed (the call is not affected): {}", e.toString());
            }
        }
    }

    private IntegrationResponse send(String operation, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(props.serviceUrl()))
                .timeout(props.timeout())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + NS + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HttpCalls.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), props.timeout());
        } catch (HttpTimeoutException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_TIMEOUT,
                    "Peoplevox " + operation + " timed out after " + props.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Peoplevox " + operation + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "interrupted during Peoplevox " + operation, e);
        }
        return parse(operation, response.statusCode(), utf8(operation, response.body()));
    }

    /** The answer as text; bytes that are not UTF-8 fail the call (never replaced silently by U+FFFD). */
    static String utf8(String operation, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body == null ? new byte[0] : body);
        CharBuffer out = CharBuffer.allocate(in.remaining());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ApiException.permanent(SYSTEM, Category.VALIDATION, "Peoplevox " + operation + " answered bytes that"
                    + " are not UTF-8 (at byte " + in.position() + " of " + body.length + "); nothing of the answer was used");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    IntegrationResponse parse(String operation, int status, String body) {
        String trimmed = body == null ? "" : body.stripLeading();
        if (status == 429 || status == 503) {
            throw new RateLimitRefusal("Peoplevox " + operation + " answered HTTP " + status + " (" + abbreviate(body) + ")");
        }
        if (trimmed.regionMatches(true, 0, "<!DOCTYPE html", 0, 14) || trimmed.regionMatches(true, 0, "<html", 0, 5)) {
            refusedInWords(operation, status, body);
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Peoplevox " + operation
                    + " answered HTTP " + status + " with an HTML page instead of SOAP (wrong URL or client id, or an outage)", null);
        }
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            refusedInWords(operation, status, body);
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Peoplevox " + operation + " answered HTTP " + status
                    + " with a body that is not readable XML: " + abbreviate(body), e);
        }
        Element fault = first(doc.getDocumentElement(), "Fault");
        if (fault != null && isClientFault(fault)) {
            throw new RequestRefused("Peoplevox could not read the " + operation + " request (HTTP " + status
                    + " SOAP Client fault): " + text(first(fault, "faultstring")));
        }
        if (fault != null && isRefusal(text(first(fault, "faultstring")))) {
            throw new RateLimitRefusal("Peoplevox " + operation + " answered HTTP " + status + " with a SOAP fault: "
                    + text(first(fault, "faultstring")));
        }
        if (fault != null || status >= 500) {
            String reason = fault == null ? abbreviate(body) : text(first(fault, "faultstring"));
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Peoplevox " + operation + " failed with HTTP " + status + (fault == null ? "" : " SOAP fault") + ": " + reason, null);
        }
        if (status >= 300) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Peoplevox " + operation + " answered HTTP " + status, null);
        }
        Element result = first(doc.getDocumentElement(), operation + "Result");
        if (result == null) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Peoplevox " + operation + " answer has no " + operation + "Result: " + abbreviate(body), null);
        }
        List<IntegrationResponse.RowStatus> statuses = new ArrayList<>();
        Element statusList = first(result, "Statuses");
        if (statusList != null) {
            NodeList items = statusList.getElementsByTagNameNS(NS, "IntegrationStatusResponse");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                statuses.add(new IntegrationResponse.RowStatus(text(first(item, "Reference")), text(first(item, "Status"))));
            }
        }
        IntegrationResponse answer;
        try {
            answer = new IntegrationResponse(Integer.parseInt(text(first(result, "ResponseId")).trim()),
                    Integer.parseInt(text(first(result, "TotalCount")).trim()), text(first(result, "Detail")), statuses);
        } catch (NumberFormatException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Peoplevox " + operation + " answer has no readable ResponseId/TotalCount: " + abbreviate(body), e);
        }
        if (!answer.ok() && isRefusal(answer.detail())) {
            throw new RateLimitRefusal("Peoplevox refused " + operation + " (rate limit): " + answer.detail());
        }
        return answer;
    }

    /** An error page or plain-text error (a gateway's, a proxy's) whose words say the rate limit was hit. */
    private void refusedInWords(String operation, int status, String body) {
        if (status >= 400 && isRefusal(body)) {
            throw new RateLimitRefusal("Peoplevox " + operation + " answered HTTP " + status + ": " + abbreviate(body));
        }
    }

    /** Whether a failed answer's text says the rate limit was hit (cherrypick.peoplevox.rate-limit.refusal-patterns). */
    boolean isRefusal(String text) {
        return text != null && refusalPatterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** A SOAP 1.1 {@code Client} (1.2 {@code Sender}) fault: the request itself was wrong, not the server. */
    private static boolean isClientFault(Element fault) {
        Element code = first(fault, "faultcode");
        if (code == null) {
            code = first(fault, "Value");
        }
        String value = code == null ? "" : code.getTextContent().trim();
        String local = value.substring(value.indexOf(':') + 1);
        return local.equals("Client") || local.equals("Sender");
    }

    static boolean isSessionError(String detail) {
        return detail != null && (detail.contains("Invalid Session") || detail.contains("Session Expired"));
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Node node) {
        return node == null ? null : node.getTextContent();
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(empty)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}

package io.cherrypick.simulator.peoplevox.soap;

import io.cherrypick.simulator.peoplevox.event.EventType;
import io.cherrypick.simulator.peoplevox.event.Subscription;
import io.cherrypick.simulator.peoplevox.event.SubscriptionRegistry;
import io.cherrypick.simulator.peoplevox.report.ReportService;
import io.cherrypick.simulator.peoplevox.template.Csv;
import io.cherrypick.simulator.peoplevox.template.RequestRejectedException;
import io.cherrypick.simulator.peoplevox.template.RowResult;
import io.cherrypick.simulator.peoplevox.template.TemplateService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** The nine IntegrationServiceV4 operations; session checks happen before (see SoapEndpoint). */
final class IntegrationOperations {
    /** Authenticate failure text (the real text is unknown; assumed). */
    static final String AUTHENTICATION_FAILED = "System : Security - Invalid credentials";

    static final List<String> NAMES = List.copyOf(RequestSchema.OPERATIONS.keySet());

    /** The answer plus what the call log records about the call. */
    record Result(IntegrationResponse response, String template, Integer rows) {
    }

    /** Tenant credentials the simulator accepts. */
    record Credentials(String clientId, String username, String password) {
    }

    private final Credentials credentials;
    private final SessionStore sessions;
    private final TemplateService templates;
    private final ReportService reports;
    private final SubscriptionRegistry subscriptions;

    IntegrationOperations(Credentials credentials, SessionStore sessions, TemplateService templates,
            ReportService reports, SubscriptionRegistry subscriptions) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.templates = templates;
        this.reports = reports;
        this.subscriptions = subscriptions;
    }

    /**
     * The operation a SOAP action names ({@code http://www.peoplevox.net/GetData}: namespace and name exactly, as ASMX
     * matches it), or null when it names none.
     */
    static String forAction(String action) {
        return NAMES.stream().filter(name -> (RequestSchema.NAMESPACE + name).equals(action)).findFirst().orElse(null);
    }

    /** The template or report a call names, for the call log. */
    static String templateOf(String operation, SoapMessage message) {
        return switch (operation) {
            case "GetData" -> message.field("getRequest", "TemplateName");
            case "GetReportData" -> message.field("getReportRequest", "TemplateName");
            case "SaveData" -> message.field("saveRequest", "TemplateName");
            case "GetReportColumns", "GetSaveTemplate" -> message.parameter("templateName");
            default -> null;
        };
    }

    Result execute(String operation, SoapMessage message) {
        String template = templateOf(operation, message);
        try {
            return switch (operation) {
                case "Authenticate" -> new Result(authenticate(message), null, null);
                case "GetData" -> getData(message, template);
                case "GetReportData" -> getReportData(message, template);
                case "GetReportColumns" -> {
                    List<String> columns = reports.columns(template);
                    yield new Result(IntegrationResponse.success(columns.size(), Csv.line(columns)), template, null);
                }
                case "GetSaveTemplate" -> {
                    List<String> fields = templates.saveTemplate(template);
                    yield new Result(IntegrationResponse.success(fields.size(), Csv.line(fields)), template, null);
                }
                case "SaveData" -> saveData(message, template);
                case "SubscribeEvent" -> new Result(subscribe(message, Subscription.GET), null, null);
                case "SubscribePostEvent" -> new Result(subscribe(message, Subscription.POST), null, null);
                case "UnsubscribeEvent" -> new Result(unsubscribe(message), null, null);
                default -> throw new IllegalStateException("operation " + operation);
            };
        } catch (RequestRejectedException | IllegalArgumentException e) {
            return new Result(IntegrationResponse.failure(e.getMessage()), template, null);
        }
    }

    private IntegrationResponse authenticate(SoapMessage message) {
        String clientId = message.parameter("clientId");
        String username = message.parameter("username");
        String password = decodeBase64(message.parameter("password"));
        boolean valid = clientId != null && clientId.trim().equalsIgnoreCase(credentials.clientId())
                && credentials.username().equals(username) && credentials.password().equals(password);
        if (!valid) {
            return IntegrationResponse.failure(AUTHENTICATION_FAILED);
        }
        return IntegrationResponse.success(1, credentials.clientId() + "," + sessions.open(credentials.clientId()));
    }

    private static String decodeBase64(String encoded) {
        if (encoded == null) {
            return null;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Result getData(SoapMessage message, String template) {
        if (!message.hasObject("getRequest")) {
            return new Result(IntegrationResponse.failure("getRequest is required"), null, null);
        }
        TemplateService.DataPage page = templates.getData(template, integer(message.field("getRequest", "PageNo")),
                integer(message.field("getRequest", "ItemsPerPage")), message.field("getRequest", "SearchClause"));
        return new Result(IntegrationResponse.success(page.totalCount(), page.csv()), template, page.rowCount());
    }

    private Result getReportData(SoapMessage message, String report) {
        if (!message.hasObject("getReportRequest")) {
            return new Result(IntegrationResponse.failure("getReportRequest is required"), null, null);
        }
        String object = "getReportRequest";
        // FilterClause is accepted and ignored: its meaning is not documented.
        TemplateService.DataPage page = reports.getReportData(report, integer(message.field(object, "PageNo")),
                integer(message.field(object, "ItemsPerPage")), message.field(object, "SearchClause"),
                message.field(object, "OrderBy"), message.field(object, "Columns"));
        return new Result(IntegrationResponse.success(page.totalCount(), page.csv()), report, page.rowCount());
    }

    private Result saveData(SoapMessage message, String template) {
        if (!message.hasObject("saveRequest")) {
            return new Result(IntegrationResponse.failure("saveRequest is required"), null, null);
        }
        Integer action = integer(message.field("saveRequest", "Action"));
        TemplateService.SaveOutcome outcome = templates.saveData(template, message.field("saveRequest", "CsvData"),
                action == null ? 0 : action);
        List<IntegrationResponse.RowStatus> statuses = outcome.rows().stream()
                .map(row -> new IntegrationResponse.RowStatus(row.reference(), row.success()))
                .toList();
        List<RowResult> failures = outcome.failures();
        IntegrationResponse response = failures.isEmpty()
                ? new IntegrationResponse(0, outcome.savedCount(), null, statuses)
                : new IntegrationResponse(-1, outcome.savedCount(),
                        failures.stream().map(RowResult::detailLine).collect(Collectors.joining("\n")), statuses);
        return new Result(response, template, outcome.rows().size());
    }

    private IntegrationResponse subscribe(SoapMessage message, String method) {
        String typeName = message.parameter("eventType");
        // RequestSchema has checked the value
        EventType type = EventType.fromWireName(typeName.trim()).orElseThrow();
        String encode = message.parameter("encodeParameterData");
        boolean encodeParameterData = encode != null && !encode.isBlank() && parseBoolean(encode);
        Subscription subscription = method.equals(Subscription.GET)
                ? subscriptions.subscribe(type, message.parameter("filter"), method, message.parameter("callbackUrl"),
                        null, encodeParameterData)
                : subscriptions.subscribe(type, message.parameter("filter"), method, message.parameter("postUrl"),
                        message.parameter("postParams"), encodeParameterData);
        return IntegrationResponse.success(1, String.valueOf(subscription.id()));
    }

    /** "True" when the subscription existed, "False" otherwise (assumed). */
    private IntegrationResponse unsubscribe(SoapMessage message) {
        Integer id = integer(message.parameter("subscriptionId"));
        boolean removed = subscriptions.unsubscribe(id);
        return IntegrationResponse.success(removed ? 1 : 0, removed ? "True" : "False");
    }

    /** An xs:int RequestSchema has checked; null when not given. */
    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text.trim().startsWith("+") ? text.trim().substring(1) : text.trim());
    }

    /** An xs:boolean RequestSchema has checked. */
    private static boolean parseBoolean(String text) {
        String value = text.trim();
        return value.equals("true") || value.equals("1");
    }
}

package io.cherrypick.simulator.peoplevox.soap;

import io.cherrypick.simulator.peoplevox.PeoplevoxSimulatorProperties;
import io.cherrypick.simulator.peoplevox.RuntimeSettings;
import io.cherrypick.simulator.peoplevox.SimulatorSettings;
import io.cherrypick.simulator.peoplevox.event.SubscriptionRegistry;
import io.cherrypick.simulator.peoplevox.report.ReportService;
import io.cherrypick.simulator.peoplevox.template.TemplateService;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated IntegrationServiceV4 endpoint, {@code /sim/peoplevox/{clientId}/resources/integrationservicev4.asmx}
 * (path matched case-insensitively like IIS). POST = SOAP; GET ?wsdl = WSDL. Every call goes through: routing on the
 * SOAP action as ASMX does (the {@code SOAPAction} header, or the {@code action} parameter of a SOAP 1.2
 * Content-Type, must be exactly {@code http://www.peoplevox.net/<Operation>}, quoted or not; the body element plays
 * no part in choosing the operation), strict binding of the body ({@link RequestSchema}), fault injection, rate
 * limit (when on), session check (all but Authenticate), the operation, the call log.
 */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class SoapEndpoint {
    static final String PATH =
            "/sim/peoplevox/{clientId}/{resources:(?i)resources}/{service:(?i)integrationservicev4\\.asmx}";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /** ASMX's answer to a call without a SOAP action (seen from Soap12ServerProtocolHelper; assumed the same for 1.1). */
    static final String MISSING_ACTION =
            "Unable to handle request without a valid action parameter. Please supply a valid soap action.";

    private final PeoplevoxSimulatorProperties properties;
    private final RuntimeSettings settings;
    private final SessionStore sessions;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final IntegrationOperations operations;
    private final WsdlDocument wsdl = new WsdlDocument();

    public SoapEndpoint(PeoplevoxSimulatorProperties properties, RuntimeSettings peoplevoxRuntimeSettings,
            SessionStore peoplevoxSessions, RateLimiter peoplevoxRateLimiter, FaultInjector peoplevoxFaults,
            CallLog peoplevoxCallLog, TemplateService peoplevoxTemplateService, ReportService peoplevoxReportService,
            SubscriptionRegistry peoplevoxSubscriptions) {
        this.properties = properties;
        this.settings = peoplevoxRuntimeSettings;
        this.sessions = peoplevoxSessions;
        this.rateLimiter = peoplevoxRateLimiter;
        this.faults = peoplevoxFaults;
        this.callLog = peoplevoxCallLog;
        this.operations = new IntegrationOperations(new IntegrationOperations.Credentials(properties.clientId(),
                properties.username(), properties.password()), peoplevoxSessions, peoplevoxTemplateService,
                peoplevoxReportService, peoplevoxSubscriptions);
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> get(@PathVariable String clientId, HttpServletRequest request) {
        if (!knownClient(clientId)) {
            return html(HttpStatus.NOT_FOUND, HtmlPages.resourceNotFound(request.getRequestURI()));
        }
        if ("wsdl".equalsIgnoreCase(request.getQueryString())) {
            String address = request.getRequestURL().toString();
            return ResponseEntity.ok().contentType(new MediaType("text", "xml", StandardCharsets.UTF_8))
                    .body(bytes(wsdl.forAddress(address)));
        }
        return html(HttpStatus.OK, HtmlPages.serviceHelp(request.getRequestURI()));
    }

    @PostMapping(PATH)
    public ResponseEntity<byte[]> post(@PathVariable String clientId,
            @RequestHeader(value = "SOAPAction", required = false) String soapAction,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        if (!knownClient(clientId)) {
            return html(HttpStatus.NOT_FOUND, HtmlPages.resourceNotFound(request.getRequestURI()));
        }
        // ASMX routes on the SOAP action (its default routing style), before it reads the body
        boolean soap12Request = isSoap12(contentType);
        String action = soap12Request ? contentTypeAction(contentType) : unquoted(soapAction);
        if (action == null) {
            log("(no SOAP action)", null, null, null);
            return fault(true, MISSING_ACTION, soap12Request);
        }
        String operation = IntegrationOperations.forAction(action);
        if (operation == null) {
            log(action, null, null, null);
            return fault(true, "Server did not recognize the value of HTTP Header SOAPAction: " + action + ".",
                    soap12Request);
        }
        SoapMessage message;
        try {
            message = SoapMessage.parse(body);
            RequestSchema.check(operation, message);
        } catch (SoapClientFault e) {
            log(operation, null, null, null);
            return fault(true, e.getMessage(), soap12Request);
        }
        boolean soap12 = message.isSoap12();
        String template = IntegrationOperations.templateOf(operation, message);

        Optional<Fault> fault = faults.next(operation);
        if (fault.isPresent() && !fault.get().type().isDataFault()) {
            ResponseEntity<byte[]> faulted = applyFault(fault.get(), operation, message, template);
            if (faulted != null) {
                return faulted;
            }
        }
        SimulatorSettings current = settings.current();
        if (current.rateLimitEnabled()
                && !rateLimiter.tryAcquire(clientId, current.rateLimitRequests(), current.rateLimitWindowSeconds())) {
            return respond(operation, template, null, rateLimitRefusal(current), soap12);
        }
        if (!operation.equals("Authenticate")) {
            SessionStore.Check check = sessions.use(message.sessionId(), clientId,
                    Duration.ofSeconds(current.idleTimeoutSeconds()));
            if (check != SessionStore.Check.VALID) {
                String text = check == SessionStore.Check.EXPIRED ? SessionStore.SESSION_EXPIRED
                        : SessionStore.INVALID_SESSION;
                return respond(operation, template, null, IntegrationResponse.failure(text), soap12);
            }
        }
        IntegrationOperations.Result result;
        try {
            result = operations.execute(operation, message);
        } catch (SoapClientFault e) {
            log(operation, template, null, null);
            return fault(true, e.getMessage(), soap12);
        } catch (RuntimeException e) {
            log(operation, template, null, null);
            return fault(false, "Server was unable to process request. ---> " + e.getMessage(), soap12);
        }
        IntegrationResponse response = fault.isPresent() && fault.get().type().isDataFault()
                ? DataFaults.apply(fault.get(), result.response()) : result.response();
        return respond(operation, result.template(), result.rows(), response, soap12);
    }

    /** Answers for a fault, or returns null when the call should go on normally (LATENCY, TIMEOUT). */
    private ResponseEntity<byte[]> applyFault(Fault fault, String operation, SoapMessage message, String template) {
        boolean soap12 = message.isSoap12();
        switch (fault.type()) {
            case LATENCY, TIMEOUT -> {
                pause(fault.delayMs());
                return null;
            }
            case HTTP_5XX -> {
                log(operation, template, null, null);
                return ResponseEntity.status(fault.status()).contentType(new MediaType("text", "plain",
                        StandardCharsets.UTF_8)).body(bytes("Service Unavailable (injected fault)"));
            }
            case SOAP_FAULT -> {
                log(operation, template, null, null);
                return fault(false, "Server was unable to process request. ---> Injected fault.", soap12);
            }
            case HTML -> {
                log(operation, template, null, null);
                return html(HttpStatus.OK, HtmlPages.runtimeError());
            }
            case MALFORMED -> {
                log(operation, template, null, null);
                String complete = SoapWriter.response(operation, IntegrationResponse.success(0, ""), soap12);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType(SoapWriter.contentType(soap12)))
                        .body(bytes(complete.substring(0, complete.length() / 2)));
            }
            case SESSION_EXPIRED -> {
                sessions.expire(message.sessionId());
                return respond(operation, template, null, IntegrationResponse.failure(SessionStore.SESSION_EXPIRED),
                        soap12);
            }
            case RATE_LIMIT -> {
                return respond(operation, template, null, rateLimitRefusal(settings.current()), soap12);
            }
            default -> throw new IllegalStateException("fault " + fault.type());
        }
    }

    private static IntegrationResponse rateLimitRefusal(SimulatorSettings current) {
        return IntegrationResponse.failure(RateLimiter.refusal(current.rateLimitRequests(),
                current.rateLimitWindowSeconds()));
    }

    private ResponseEntity<byte[]> respond(String operation, String template, Integer rows,
            IntegrationResponse response, boolean soap12) {
        log(operation, template, rows, response.responseId());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SoapWriter.contentType(soap12)))
                .body(bytes(SoapWriter.response(operation, response, soap12)));
    }

    private ResponseEntity<byte[]> fault(boolean client, String message, boolean soap12) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.parseMediaType(SoapWriter.contentType(soap12)))
                .body(bytes(SoapWriter.fault(client, message, soap12)));
    }

    private static ResponseEntity<byte[]> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).body(bytes(page));
    }

    private void log(String operation, String template, Integer rows, Integer responseId) {
        callLog.add(new CallLog.Call(operation, template, rows, responseId, Instant.now()));
    }

    private boolean knownClient(String clientId) {
        return properties.clientId().equalsIgnoreCase(clientId);
    }

    /** The action parameter of a SOAP 1.2 Content-Type, unquoted; null when there is none. */
    private static String contentTypeAction(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase().startsWith("action=")) {
                return unquoted(trimmed.substring("action=".length()));
            }
        }
        return null;
    }

    /** A SOAPAction value without the double quotes clients may put around it; null stays null. */
    private static String unquoted(String action) {
        if (action == null) {
            return null;
        }
        String trimmed = action.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static boolean isSoap12(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("application/soap+xml");
    }

    private static void pause(Long millis) {
        try {
            Thread.sleep(millis == null ? 0 : millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

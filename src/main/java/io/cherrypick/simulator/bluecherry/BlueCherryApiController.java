package io.cherrypick.simulator.bluecherry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.simulator.bluecherry.CallLog.ApiCall;
import io.cherrypick.simulator.bluecherry.FaultInjector.Fault;

/**
 * The simulated Blue Cherry REST API at {@code /sim/bluecherry/api/...}, including the Azure API Management
 * gateway in front of it: unknown operations → 404, subscription key check → 401, armed faults, then the resource.
 * Every call is written to the call log.
 */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@RequestMapping("/sim/bluecherry/api")
class BlueCherryApiController {
    private static final String BASE = "/sim/bluecherry";
    private static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    private static final String KEY_QUERY_PARAMETER = "subscription-key";
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final BlueCherrySimulator simulator;

    BlueCherryApiController(BlueCherrySimulator simulator) {
        this.simulator = simulator;
    }

    private record Answer(ResponseEntity<String> response, Fault fault) {
    }

    @RequestMapping("/**")
    ResponseEntity<String> handle(HttpServletRequest request, @RequestBody(required = false) String body) {
        String apiPath = URLDecoder.decode(request.getRequestURI().substring(request.getContextPath().length() + BASE.length()),
                StandardCharsets.UTF_8);
        String resource = apiPath.substring("/api/".length());
        if (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
        Answer answer = answer(request, resource, body);
        simulator.recordCall(new ApiCall(request.getMethod(), apiPath, request.getQueryString(),
                answer.response().getStatusCode().value(), Instant.now().toString(),
                answer.fault() == null ? null : answer.fault().type().name()));
        return answer.response();
    }

    private Answer answer(HttpServletRequest request, String resource, String body) {
        ApiOperation op = ApiOperation.resolve(request.getMethod(), resource);
        if (op == null) {
            return new Answer(json(HttpStatus.NOT_FOUND, ErrorBodies.gateway(404, "Resource not found")), null);
        }
        String key = request.getHeader(KEY_HEADER) != null ? request.getHeader(KEY_HEADER) : request.getParameter(KEY_QUERY_PARAMETER);
        if (key == null || key.isBlank()) {
            return new Answer(unauthorized(ErrorBodies.MISSING_KEY), null);
        }
        if (!simulator.acceptsKey(key)) {
            return new Answer(unauthorized(ErrorBodies.INVALID_KEY), null);
        }
        Fault fault = simulator.nextFault(op.name());
        if (fault != null) {
            switch (fault.type()) {
                case LATENCY, TIMEOUT -> pause(fault.delayMs()); // then answer normally
                case RATE_LIMIT -> {
                    return new Answer(ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, "1").contentType(JSON)
                            .body(SimJson.write(ErrorBodies.gateway(429, "Rate limit is exceeded. Try again in 1 seconds."))), fault);
                }
                case HTTP_5XX -> {
                    return new Answer(json(HttpStatus.valueOf(fault.status()), serverErrorBody(fault.status())), fault);
                }
                case HTML -> {
                    return new Answer(ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(AZURE_ERROR_PAGE), fault);
                }
                case MALFORMED -> {
                    return new Answer(ResponseEntity.ok().contentType(JSON).body(truncated(op, request)), fault);
                }
                default -> {
                    // a data fault: the answer is served, one record of it spoilt (below)
                }
            }
        }
        ApiResponse response = op.kind() == ApiOperation.Kind.WRITE
                ? simulator.post(op, body)
                : simulator.read(op, queryParameters(request));
        if (fault != null && fault.type().spoilsData() && op.kind() != ApiOperation.Kind.WRITE) {
            response = new ApiResponse(response.status(), DataFaults.spoil(response.body(), fault));
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status()).contentType(JSON);
        if (op.invented()) {
            builder.header("X-Sim-Fidelity", "invented");
        }
        return new Answer(builder.body(SimJson.write(response.body())), fault);
    }

    /** A response cut off mid-way. Writes are not applied: the real body of a GET, halved; for a POST a stub. */
    private String truncated(ApiOperation op, HttpServletRequest request) {
        if (op.kind() == ApiOperation.Kind.WRITE) {
            return "{\"pkey\":";
        }
        String full = SimJson.write(simulator.read(op, queryParameters(request)).body());
        return full.substring(0, Math.max(1, full.length() / 2));
    }

    private static Object serverErrorBody(int status) {
        // ASP.NET Web API's generic 500 text; other statuses in the gateway's shape.
        return status == 500 ? Map.of("message", "An error has occurred.")
                : ErrorBodies.gateway(status, HttpStatus.valueOf(status).getReasonPhrase());
    }

    private static ResponseEntity<String> unauthorized(String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "AzureApiManagementKey realm=\"bcapi\",name=\"" + KEY_HEADER + "\",type=\"header\"")
                .contentType(JSON).body(SimJson.write(ErrorBodies.gateway(401, message)));
    }

    private static ResponseEntity<String> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(JSON).body(SimJson.write(body));
    }

    private static Map<String, String> queryParameters(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.putIfAbsent(name.toLowerCase(Locale.ROOT), values[0]));
        return params;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String AZURE_ERROR_PAGE = """
            <!DOCTYPE html>
            <html>
            <head>
                <title>Service Unavailable</title>
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <style>body{font-family:"Segoe UI",Arial,sans-serif;color:#4f4f4f;margin:40px}h1{font-weight:300}</style>
            </head>
            <body>
                <h1>:( Application Error</h1>
                <p>If you are the application administrator, you can access the diagnostic resources.</p>
                <p>Error 503 - This service is currently unavailable. Please try again later.</p>
            </body>
            </html>
            """;
}

package io.cherrypick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cherrypick.ops.StoreMetrics;
import io.cherrypick.ops.lists.ConsoleLists;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.Dashboard;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * The order flow end to end over the simulators, as production runs it (sign-in on, structured JSON logs), with every
 * secret set to a value of its own: the Peoplevox password, the Blue Cherry subscription key, the webhook token, a
 * user's password and the chat webhook's address (whose chat refuses messages, quoting the address). Then no secret,
 * plain or encoded as it travels (Base64, URL-encoded), is in the logs, in any /api response (every GET endpoint the
 * OpenAPI description lists, the actuator's), or in the database's exception, hand-off, audit and alert records.
 * <p>
 * The same run serves two more checks: each log line written for a record names its flow and key as fields, and every
 * metric the Grafana dashboard (docker/grafana) reads is one this application exports.
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.sales-order.retry-backoff=200ms",
        "cherrypick.metrics.refresh=300",
        "cherrypick.alerts.enabled=true",
        "cherrypick.alerts.cron=0/1 * * * * ?",
        "cherrypick.peoplevox.password=" + SecretsTest.PVX_PASSWORD,
        "cherrypick.simulator.peoplevox.password=" + SecretsTest.PVX_PASSWORD,
        "cherrypick.bluecherry.subscription-key=" + SecretsTest.BC_KEY,
        "cherrypick.simulator.bluecherry.subscription-keys=" + SecretsTest.BC_KEY,
        "cherrypick.webhooks.token=" + SecretsTest.WEBHOOK_TOKEN,
        "cherrypick.security.enabled=true",
        "camel.main.dev-console-enabled=true",
        "cherrypick.security.users=ada:ADMIN:{noop}" + SecretsTest.USER_PASSWORD,
        "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends FlowTestSupport {
    static final String PVX_PASSWORD = "pvx-Zq7w+secret/1";
    static final String BC_KEY = "bc-Zq7w-secret-2";
    static final String WEBHOOK_TOKEN = "wh-Zq7w-secret-3";
    static final String USER_PASSWORD = "pw-Zq7w-secret-4";
    static final String CHAT_PATH = "/services/T0CHAT/B0CHAT/al-Zq7w-secret-5";
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String UNKNOWN = "099999999993";

    /** A chat that refuses every message, quoting the address it was sent to. */
    static final HttpServer CHAT = chat();

    @DynamicPropertySource
    static void chatAddress(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.alerts.webhook-url", () -> "http://localhost:" + CHAT.getAddress().getPort() + CHAT_PATH);
    }

    /**
     * Spring Boot sets the logging up once per JVM while a context that did is open (another test class's, kept in the
     * test context cache): undone here, so this class's context sets it up with its structured format.
     */
    @BeforeAll
    static void loggingSetUpByThisContext() {
        LoggingSystem.get(SecretsTest.class.getClassLoader()).cleanUp();
    }

    @AfterAll
    static void stopChat() {
        CHAT.stop(0);
    }

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired StoreMetrics metrics;
    @Autowired ConsoleLists lists;
    @Autowired ProducerTemplate camelTemplate;

    private RestClient signedIn() {
        return RestClient.builder().baseUrl("http://localhost:" + PORT).requestFactory(new SimpleClientHttpRequestFactory())
                .defaultHeaders(h -> h.setBasicAuth("ada", USER_PASSWORD)).build();
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A, B));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED",
                "pvx_item", "audit_log", "alert", "alert_subject"));
    }

    @Test
    void noSecretInTheLogsTheApiOrTheStoredRecords(CapturedOutput output) throws Exception {
        sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "SESSION_EXPIRED", "count", 1)); // a second sign-in
        sims.createPicks(List.of(Picks.pick("SEC1", "NJ", A, B), Picks.pick("SEC2", "NJ", A),
                Picks.pick("SEC3", "NJ", A, UNKNOWN)));
        await().atMost(Duration.ofSeconds(60)).until(() -> state("SEC1") == LifecycleState.ACKNOWLEDGED
                && state("SEC2") == LifecycleState.ACKNOWLEDGED);
        ExceptionRecord held = await().atMost(Duration.ofSeconds(30)).until(
                () -> exceptions.openFor("sales-order", "SEC3").stream().findFirst().orElse(null), e -> e != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> signedIn().get().uri("/api/alerts").retrieve().body(String.class),
                alerts -> alerts.contains("no route for POST"));

        sims.seedPeoplevoxItems(List.of(UNKNOWN));
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("POST replay", signedIn().post().uri("/api/exceptions/" + held.id() + "/replay").retrieve()
                .body(String.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> state("SEC3") == LifecycleState.ACKNOWLEDGED);
        metrics.refresh();

        answers.putAll(everyApiAnswer(held.id()));
        assertThat(answers).hasSizeGreaterThan(25);
        assertThat(answers.get("GET /api/alerts")).contains("no route for POST (hidden)");
        assertThat(answers.get("GET /api/exceptions/{id}")).contains("SEC3");

        Map<String, String> stored = new LinkedHashMap<>();
        for (String table : List.of("integration_exception", "handoff", "audit_log", "alert")) {
            stored.put(table, jdbc.queryForList("select * from " + table).toString());
        }
        assertThat(stored.get("integration_exception")).contains(UNKNOWN); // the payload is there
        assertThat(output.getAll()).contains("re-authenticating"); // the second sign-in happened

        Map<String, String> everywhere = new LinkedHashMap<>(answers);
        everywhere.putAll(stored);
        everywhere.put("log", output.getAll());
        List<String> found = new ArrayList<>();
        for (String secret : List.of(PVX_PASSWORD, BC_KEY, WEBHOOK_TOKEN, USER_PASSWORD, "al-Zq7w-secret-5")) {
            for (String form : forms(secret)) {
                everywhere.forEach((where, text) -> {
                    if (text != null && text.contains(form)) {
                        found.add(secret + " as '" + form + "' in " + where);
                    }
                });
            }
        }
        assertThat(found).as("secrets found").isEmpty();

        // the same run's log: one JSON object per line (ECS), a record's lines with its flow and key as fields
        List<JsonNode> lines = json(output.getAll());
        assertThat(lines).isNotEmpty();
        assertThat(lines).anyMatch(l -> "SEC3".equals(field(l, "cherrypick.recordKey"))
                && "sales-order".equals(field(l, "cherrypick.flow")) && field(l, "camel.routeId") != null);
    }

    @Test
    void everyMetricTheDashboardReadsIsExported() throws Exception {
        sims.createPicks(List.of(Picks.pick("MET1", "NJ", A)));
        await().atMost(Duration.ofSeconds(60)).until(() -> state("MET1") == LifecycleState.ACKNOWLEDGED);
        signedIn().get().uri("/api/flows").retrieve().body(String.class);
        // a call through camel-http, as the sales channels' stock levels go
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:metrics-http-call").routeId("metrics-http-call")
                        .to("http://localhost:" + PORT + "/sim/channel/stock-levels?throwExceptionOnFailure=false");
            }
        });
        camelTemplate.requestBodyAndHeader("direct:metrics-http-call", "[]", "Content-Type", MediaType.APPLICATION_JSON_VALUE);
        metrics.refresh();

        Set<String> exported = new TreeSet<>();
        Matcher name = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(
                RestClient.create("http://localhost:" + PORT).get().uri("/actuator/prometheus").retrieve().body(String.class));
        while (name.find()) {
            exported.add(name.group(1));
        }
        assertThat(exported).containsAll(Dashboard.metrics());
    }

    private LifecycleState state(String pick) {
        return lifecycle.findPick(pick).map(o -> o.state()).orElse(null);
    }

    /** The answer of every GET the OpenAPI description lists (path variables filled in), and the actuator's. */
    private Map<String, String> everyApiAnswer(long exceptionId) throws Exception {
        RestClient api = signedIn();
        JsonNode description = new ObjectMapper().readTree(api.get().uri("/v3/api-docs").retrieve().body(String.class));
        Map<String, String> answers = new LinkedHashMap<>();
        description.path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().has("get")) {
                String uri = path.getKey().replace("{id}", Long.toString(exceptionId)).replace("{number}", "SEC3")
                        .replace("{kind}", "site").replace("{raNumber}", "RA-1").replace("{prodNum}", "PO-1");
                // every console list, as a page and as CSV
                List<String> uris = !uri.contains("{name}") ? List.of(uri) : lists.all().stream()
                        .flatMap(l -> java.util.stream.Stream.of(uri.replace("{name}", l.name()),
                                uri.replace("{name}", l.name()) + "?format=csv")).toList();
                for (String one : uris) {
                    answers.put("GET " + (one.equals(uri) ? path.getKey() : one), api.get().uri(one).exchange((request, response) ->
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        });
        for (String uri : List.of("/api/reconciliation/orders?format=csv", "/actuator/health", "/actuator/prometheus",
                "/actuator/info", "/actuator/metrics", "/actuator/camelroutes", "/actuator/camel", "/actuator/camel/route",
                "/actuator/camel/context", "/actuator/camel/properties", "/v3/api-docs")) {
            answers.put("GET " + uri, api.get().uri(uri).exchange((request, response) ->
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        return answers;
    }

    /** A secret as it may travel: itself, Base64 (Peoplevox's password, Basic credentials), URL-encoded (form posts). */
    private static Set<String> forms(String secret) {
        Set<String> forms = new TreeSet<>(List.of(secret,
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                URLEncoder.encode(secret, StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString(("ada:" + secret).getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    private static List<JsonNode> json(String log) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(mapper.readTree(line));
                } catch (IOException notJson) {
                    // a line of another format (a test's own output)
                }
            }
        }
        return lines;
    }

    /** A field of a structured log line, whether written flat ("a.b") or nested ({"a": {"b"}}). */
    private static String field(JsonNode line, String name) {
        if (line.has(name)) {
            return line.get(name).asText();
        }
        JsonNode node = line;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? null : node.asText();
    }

    private static HttpServer chat() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                byte[] reply = ("no route for POST " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(404, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.peoplevox.PeoplevoxProperties.Pacing;
import io.cherrypick.peoplevox.PeoplevoxProperties.RateLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Peoplevox's refusals for the rate limit, however worded, against a stand-in for Peoplevox that answers as scripted:
 * HTTP 429, HTTP 503, a SOAP fault saying so, a failed answer matching a configured pattern. Each makes the cluster back
 * off (the shared budget's row in the database) and the same call goes again and succeeds: the caller sees no
 * exception. What is not a refusal (another SOAP fault, the simulator's words when the patterns leave them out) is not
 * retried here, and a refusal that outlasts retry-for is a transient RATE_LIMITED fault, never a record's refusal.
 */
class PeoplevoxRefusalTest {
    static final Duration BACKOFF = Duration.ofMillis(400);
    static final String OK_ROWS = "ItemCode\nA1\n";

    private HttpServer server;
    private final Queue<String[]> script = new ConcurrentLinkedQueue<>();
    private final List<Long> getDataAt = Collections.synchronizedList(new ArrayList<>());
    private NamedParameterJdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:refusal" + UUID.randomUUID().toString()
                .replace("-", "") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2").load()
                .migrate();
        jdbc = new NamedParameterJdbcTemplate(db);
        transactions = new DataSourceTransactionManager(db);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HTTP 429                 | 429 | Too Many Requests",
            "HTTP 503                 | 503 | <html><body>Service Unavailable</body></html>",
            "SOAP fault saying so     | 500 | FAULT:Server was unable to process request. ---> Too many requests for client acme",
            "failed answer, a pattern | 200 | DETAIL:Slow down please: 15 calls in 15 seconds",
            "a gateway's words        | 403 | Request blocked: too many requests from this address"})
    void aRefusalBacksTheClusterOffAndTheCallGoesAgain(String kind, int status, String body) {
        script.add(new String[] {Integer.toString(status), body});
        PeoplevoxClient client = pacedClient(Duration.ofSeconds(30));

        CsvTable rows = client.getData("Item types", "");

        assertThat(rows.rows()).as("the call went again and succeeded").hasSize(1);
        assertThat(getDataAt).hasSize(2);
        assertThat(Duration.ofNanos(getDataAt.get(1) - getDataAt.get(0))).as("sent again after the back-off")
                .isGreaterThanOrEqualTo(BACKOFF);
        assertThat(jdbc.getJdbcTemplate().queryForObject("select refusals from peoplevox_pacing where budget = 'acme'",
                Long.class)).as("the refusal is in the budget every instance reads").isEqualTo(1L);
    }

    @Test
    void anotherSoapFaultIsNoRefusal() {
        script.add(new String[] {"500", "FAULT:Server was unable to process request. ---> Object reference not set"});
        PeoplevoxClient client = pacedClient(Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.getData("Item types", "")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e).isNotInstanceOf(RateLimitRefusal.class);
            assertThat(e.category()).isEqualTo(Category.API_ERROR);
            assertThat(e.isTransient()).isTrue();
        });
        assertThat(getDataAt).hasSize(1);
    }

    @Test
    void thePatternsAreConfigurationAndTheSimulatorsWordsOnlyOneOfThem() {
        script.add(new String[] {"200", "DETAIL:System : Rate limit exceeded - 15 requests per 15 seconds"});
        PeoplevoxClient custom = pacedClient(Duration.ofSeconds(30));
        assertThatThrownBy(() -> custom.getData("Item types", "")).as("left out of the configured patterns")
                .isInstanceOf(ApiException.class).isNotInstanceOf(RateLimitRefusal.class);

        PeoplevoxProperties defaults = properties(Duration.ofSeconds(30), List.of("Rate limit exceeded",
                "too many (requests|calls)"));
        PeoplevoxClient withDefaults = new PeoplevoxClient(defaults, new SimpleMeterRegistry(), null);
        assertThat(withDefaults.isRefusal("System : Rate limit exceeded - 15 requests per 15 seconds")).isTrue();
        assertThat(withDefaults.isRefusal("Sales order SO-1: ItemCode A1 not found")).isFalse();
    }

    @Test
    void aRefusalThatOutlastsRetryForIsATransientFaultNotARecordsRefusal() {
        for (int i = 0; i < 20; i++) {
            script.add(new String[] {"429", "Too Many Requests"});
        }
        PeoplevoxClient client = pacedClient(Duration.ofMillis(500));

        assertThatThrownBy(() -> client.getData("Item types", "")).isInstanceOfSatisfying(RateLimitRefusal.class, e -> {
            assertThat(e.category()).isEqualTo(Category.RATE_LIMITED);
            assertThat(e.isTransient()).as("the flow retries the record later").isTrue();
        });
        assertThat(getDataAt).as("tried again within retry-for").hasSizeGreaterThan(1);
    }

    private PeoplevoxClient pacedClient(Duration retryFor) {
        PeoplevoxProperties props = properties(retryFor, List.of("Slow down please", "too many requests"));
        return new PeoplevoxClient(props, new SimpleMeterRegistry(), new SharedPacingBudget(jdbc, transactions, "acme",
                15, Duration.ofSeconds(1), Duration.ofSeconds(30), BACKOFF));
    }

    private PeoplevoxProperties properties(Duration retryFor, List<String> patterns) {
        return new PeoplevoxProperties("http://localhost:" + server.getAddress().getPort(), "acme", "api", "pw",
                Duration.ofSeconds(5), 100, new RateLimit(Pacing.ON, 15, Duration.ofSeconds(1), 0, BACKOFF, retryFor, patterns));
    }

    /** Authenticate always succeeds; GetData answers from the script, then with one row. */
    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String action = exchange.getRequestHeaders().getFirst("SOAPAction");
        String operation = action.replace("\"", "").replace(PeoplevoxClient.NS, "");
        int status = 200;
        String body;
        if (operation.equals("Authenticate")) {
            body = result(operation, 0, 1, "acme,session-1");
        } else {
            getDataAt.add(System.nanoTime());
            String[] next = script.poll();
            if (next == null) {
                body = result(operation, 0, 1, OK_ROWS);
            } else {
                status = Integer.parseInt(next[0].strip());
                String text = next[1].strip();
                body = text.startsWith("FAULT:") ? fault(text.substring(6))
                        : text.startsWith("DETAIL:") ? result(operation, -1, 0, text.substring(7)) : text;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String result(String operation, int responseId, int total, String detail) {
        return envelope("<" + operation + "Response xmlns=\"" + PeoplevoxClient.NS + "\"><" + operation + "Result><ResponseId>"
                + responseId + "</ResponseId><TotalCount>" + total + "</TotalCount><Detail>" + PeoplevoxClient.xml(detail)
                + "</Detail></" + operation + "Result></" + operation + "Response>");
    }

    private static String fault(String text) {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + PeoplevoxClient.xml(text)
                + "</faultstring><detail /></soap:Fault>");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}

package io.cherrypick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;

/**
 * Sign-in on: who may do what (roles), the signed-in name recorded whatever a request claims, the console's form
 * sign-in with its CSRF token, the doors that stay open (simulators, webhooks, health), no Basic challenge ever, CSRF
 * on every request a browser could forge, health details for signed-in users only, and failed sign-ins throttled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.security.enabled=true",
        "cherrypick.security.users=sam:SUPPORT:{noop}sam-pass,cleo:CX:{noop}cleo-pass,fin:FINANCE:{noop}fin-pass,"
                + "ada:ADMIN:{noop}ada-pass,tess:CX:{noop}tess-pass,tom:CX:{noop}tom-pass",
        "cherrypick.security.login-throttle.max-failures=3",
        "cherrypick.security.login-throttle.lockout=2s"})
@ActiveProfiles("test")
class SignInTest {
    @LocalServerPort int port;
    @Autowired ExceptionStore exceptions;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long exceptionId;

    @BeforeEach
    void oneOpenException() {
        jdbc.update("delete from integration_exception");
        jdbc.update("delete from audit_log");
        exceptionId = exceptions.record(NewException.of("sales-order", "sales-order-to-wms", "P1", Category.SKU_MISMATCH,
                "Pick P1 line 1: item 099999999993 does not exist in Peoplevox", "{}", null));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String credentials = user + ":" + user + "-pass";
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private int get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutSignInOnlyTheSimulatorsWebhooksAndHealthAnswer() throws Exception {
        HttpResponse<String> refused = http.send(request("/api/exceptions", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("no Basic challenge: no browser prompt").isEmpty();
        assertThat(refused.body()).contains("sign in first");
        assertThat(get("/api/orders/stuck", null)).isEqualTo(401);
        HttpResponse<Void> console = http.send(request("/ops", null).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get("/actuator/health", null)).isEqualTo(200);
        assertThat(get("/sim/peoplevox/_control/state", null)).isEqualTo(200);
        // the webhook address is not stopped at a sign-in: its own gate answers (no token: 401 without a sign-in text)
        HttpResponse<String> webhook = http.send(request("/webhooks/peoplevox/TrackingNumberReceived", null)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webhook.statusCode()).isEqualTo(401);
        assertThat(webhook.body()).isEqualTo("unauthorised");
        HttpResponse<String> wrong = http.send(request("/api/exceptions", "mallory").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).as("wrong credentials are not challenged either").isEmpty();
        HttpResponse<String> fromTheConsole = http.send(request("/api/flows", null).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromTheConsole.statusCode()).isEqualTo(401);
        assertThat(fromTheConsole.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void healthDetailsOnlyForSignedInUsers() throws Exception {
        HttpResponse<String> anonymous = http.send(request("/actuator/health", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db");
        HttpResponse<String> signedIn = http.send(request("/actuator/health", "cleo").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.body()).contains("\"status\":\"UP\"").contains("\"components\"").contains("\"db\"");
    }

    @Test
    void aBrowserWithCachedBasicCredentialsCannotBeMadeToAct() throws Exception {
        // a cross-site form or fetch: the browser adds the cached credentials, and always an Origin on a POST
        HttpResponse<String> forged = http.send(request("/api/exceptions/" + exceptionId + "/discard", "sam")
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"forged\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> withSession = http.send(request("/api/exceptions/" + exceptionId + "/discard", "sam")
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"forged\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode()).as("a request carrying cookies needs the token").isEqualTo(403);
        assertThat(exceptions.find(exceptionId).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void failedSignInsLockTheNameForTheLockoutPeriod() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                    .header("Authorization", basic("tess", "guess-" + i)).GET().build();
            assertThat(http.send(wrong, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = http.send(request("/api/me", "tess").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(locked.statusCode()).as("the right password, while the name is locked").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("too many failed sign-ins");

        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        String form = "username=tess&password=tess-pass&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as("the form is locked too").isEqualTo(429);
        assertThat(get("/api/me", "tom")).as("other names are not").isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/api/me", "tess")).isEqualTo(200));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachRoleDoesWhatItMayAndTheSignedInNameIsRecorded() throws Exception {
        assertThat(get("/api/orders/stuck", "cleo")).isEqualTo(200);
        assertThat(post("/api/exceptions/" + exceptionId + "/replay", "cleo", "").statusCode()).as("CX reads only").isEqualTo(403);
        assertThat(get("/api/reconciliation/orders", "cleo")).isEqualTo(403);
        assertThat(get("/api/reconciliation/orders", "fin")).isEqualTo(200);
        assertThat(get("/api/audit", "fin")).isEqualTo(200);
        assertThat(http.send(request("/api/mappings/site/MIA", "fin").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"target\":\"PrimarySite\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(http.send(request("/api/mappings/site/MIA", "ada").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"target\":\"PrimarySite\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/camelroutes", "sam")).isEqualTo(403);

        HttpResponse<String> resolved = http.send(request("/api/exceptions/" + exceptionId + "/resolve", "sam")
                .header("Content-Type", "application/json").header(Operator.HEADER, "somebody-else")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"item created\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(exceptions.find(exceptionId).orElseThrow().actionedBy()).as("the signed-in name, not the claimed one")
                .isEqualTo("sam");
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'MAP'", String.class)).isEqualTo("ada");

        HttpResponse<String> me = http.send(request("/api/me", "sam").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains("\"name\":\"sam\"").contains("\"roles\":[\"SUPPORT\"]");
    }

    @Test
    void theConsolesFormSignInNeedsTheCsrfTokenForActions() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        String base = "http://localhost:" + port;

        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=sam&password=" + URLEncoder.encode("sam-pass", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/ops");

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains("\"name\":\"sam\"");
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));

        HttpRequest.Builder resolve = HttpRequest.newBuilder(URI.create(base + "/api/exceptions/" + exceptionId + "/resolve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"item created\"}"));
        assertThat(browser.send(resolve.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("an action without the token (as a forged cross-site request would be)").isEqualTo(403);
        assertThat(exceptions.find(exceptionId).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(browser.send(resolve.header("X-XSRF-TOKEN", xsrf).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
        assertThat(exceptions.find(exceptionId).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(exceptions.find(exceptionId).orElseThrow().actionedBy()).isEqualTo("sam");
    }
}

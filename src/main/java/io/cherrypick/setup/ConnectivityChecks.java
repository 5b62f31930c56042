package io.cherrypick.setup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.http.HttpCalls;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.peoplevox.events.EventSpecs;
import io.cherrypick.peoplevox.events.WebhookProperties;

/**
 * Connectivity: Blue Cherry takes the subscription key, Peoplevox opens a session, and Peoplevox can post its events
 * to the webhook. The audit makes no subscription (that would write to Peoplevox): it checks what one needs, an address
 * Peoplevox can reach that answers as Cherrypick's webhook (a delivery with a wrong token is refused with 401, and
 * nothing is stored).
 */
@Component
@Order(1)
class ConnectivityChecks implements SetupCheck {
    static final String PROBE_TOKEN = "setup-audit-probe";
    /** How long the webhook probe waits for the whole answer. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final PeoplevoxProperties peoplevox;
    private final WebhookProperties webhooks;
    private final EventSpecs events;
    private final PeoplevoxNeeds needs;
    private final Environment env;

    ConnectivityChecks(PeoplevoxProperties peoplevox, WebhookProperties webhooks, EventSpecs events, PeoplevoxNeeds needs,
                       Environment env) {
        this.peoplevox = peoplevox;
        this.webhooks = webhooks;
        this.events = events;
        this.needs = needs;
        this.env = env;
    }

    @Override
    public String name() {
        return "Connectivity";
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        return List.of(blueCherry(audit), peoplevox(audit), webhook(audit));
    }

    private CheckResult blueCherry(AuditContext audit) {
        return audit.check("connectivity.bluecherry", Section.CONNECTIVITY, "Blue Cherry answers with the subscription key",
                c -> {
                    c.reads("GET /api/Location (one record)").checked(1);
                    try {
                        audit.readings().blueCherry().page("Location", null, 1);
                    } catch (ApiException e) {
                        c.problem(Verdict.FAIL, e.getMessage()).fix(e.category() == Category.AUTH
                                ? "Set the subscription key Blue Cherry's API gateway issued for this tenant: BC_SUBSCRIPTION_KEY"
                                + " (cherrypick.bluecherry.subscription-key)."
                                : "Check Blue Cherry's address, CHERRYPICK_BLUECHERRY_BASE_URL (cherrypick.bluecherry.base-url),"
                                + " and that this machine may reach it.");
                    }
                });
    }

    private CheckResult peoplevox(AuditContext audit) {
        return audit.check("connectivity.peoplevox", Section.CONNECTIVITY, "Peoplevox opens a session", c -> {
            String template = needs.templates().keySet().stream().findFirst().orElse("Item types");
            c.reads("Authenticate, then GetSaveTemplate " + template).checked(1);
            try {
                audit.readings().peoplevox().saveTemplate(template);
            } catch (ApiException e) {
                if (!e.isTransient() && e.category() == Category.API_ERROR) {
                    return; // a session was opened; Peoplevox refused the template, which the template check reports
                }
                c.problem(Verdict.FAIL, e.getMessage()).fix(e.category() == Category.AUTH
                        ? "Check the Peoplevox client id, user and password: PVX_CLIENT_ID, PVX_USERNAME, PVX_PASSWORD"
                        + " (cherrypick.peoplevox.*). The password is the user's own, in plain text."
                        : "Check Peoplevox's address and client id, CHERRYPICK_PEOPLEVOX_BASE_URL and PVX_CLIENT_ID, and"
                        + " that this machine may reach it.");
            }
        });
    }

    private CheckResult webhook(AuditContext audit) {
        return audit.check("connectivity.webhook", Section.CONNECTIVITY, "Peoplevox can post events to the webhook", c -> {
            List<EventSpec> wanted = events.enabled();
            c.checked(wanted.size()).fix("Set CHERRYPICK_WEBHOOKS_BASE_URL (cherrypick.webhooks.base-url) to the one address"
                    + " at which Peoplevox, on the internet, reaches every instance of Cherrypick (https, through your load"
                    + " balancer), and make sure Cherrypick answers there. Until then the report polls still catch every"
                    + " despatch and return, up to their interval later.");
            if (!webhooks.subscribe()) {
                c.reads("cherrypick.webhooks.subscribe").verdict(Verdict.WARN, "Cherrypick makes no event subscription"
                        + " (cherrypick.webhooks.subscribe=false): despatches and returns arrive only with the report polls");
                return;
            }
            if (wanted.isEmpty()) {
                c.reads("the flows that take Peoplevox events (none is on)");
                return;
            }
            String url = callbackUrl(wanted.get(0).eventType());
            c.reads("POST " + url + " with a wrong token (Cherrypick's webhook refuses it with 401 and stores nothing)");
            boolean peoplevoxLocal = isLocal(URI.create(peoplevox.baseUrl()).getHost());
            if (webhooks.baseUrl() == null && !peoplevoxLocal) {
                c.problem(Verdict.FAIL, "cherrypick.webhooks.base-url is not set: Peoplevox cannot be told where to post "
                        + String.join(", ", wanted.stream().map(EventSpec::eventType).toList()));
                return;
            }
            String host = URI.create(url).getHost();
            if (!peoplevoxLocal && isLocal(host)) {
                c.problem(Verdict.FAIL, "the webhook address " + url + " is on this machine or a private network; Peoplevox"
                        + " (" + peoplevox.baseUrl() + ") cannot reach it");
                return;
            }
            String answer = probe(url);
            if (answer != null) {
                c.problem(Verdict.FAIL, answer);
            }
        });
    }

    /** Where Peoplevox posts an event type: as the subscriptions name it (base address, path, event type). */
    private String callbackUrl(String eventType) {
        String base = webhooks.baseUrl() != null ? webhooks.baseUrl()
                : "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String path = webhooks.path().startsWith("/") ? webhooks.path() : "/" + webhooks.path();
        return base.replaceAll("/+$", "") + path + "/" + eventType;
    }

    /** Null when the address answers as Cherrypick's webhook; otherwise what it did. */
    private static String probe(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Cherrypick-Token", PROBE_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("")).build();
        try {
            int status = HttpCalls.send(http, request, HttpResponse.BodyHandlers.discarding(), PROBE_TIMEOUT)
                    .statusCode();
            return status == 401 ? null : "the webhook address " + url + " answered HTTP " + status + " instead of"
                    + " Cherrypick's 401 for a wrong token: it is not Cherrypick's webhook (wrong address or path?)";
        } catch (IOException e) {
            return "the webhook address " + url + " does not answer (" + e + "): Peoplevox could not deliver events there";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying the webhook address " + url;
        }
    }

    /** A loopback, private or link-local address (or a name that resolves to one). */
    static boolean isLocal(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress();
        } catch (IOException unknown) {
            return false; // a name this machine cannot resolve may still be public; the probe will tell
        }
    }
}

package io.cherrypick.setup;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.cherrypick.runtime.StartupChecks;

/**
 * Configuration, as the runtime has it: the start-up checks pass, sign-in is on, the simulators are off, Peoplevox
 * calls are paced, the webhook token and the alerts' chat are set, retention keeps no more than it should, and production runs on PostgreSQL.
 * What is fine in a demo or rehearsal (the simulators, no sign-in, H2) warns there and fails in production.
 */
@Component
@Order(7)
class ConfigurationChecks implements SetupCheck {
    /** Peoplevox's documented pace: about 15 calls per 15 seconds per client id. */
    static final double PEOPLEVOX_CALLS_PER_SECOND = 1.0;
    /** The flows whose routes poll a Peoplevox report with an overlap (cherrypick.flows.<flow>.poll-overlap). */
    static final List<String> REPORT_POLL_FLOWS = List.of("despatch", "returns", "inbound");

    private final Environment live;
    private final ObjectProvider<RuntimeSettings> configured;

    ConfigurationChecks(Environment live, ObjectProvider<RuntimeSettings> configured) {
        this.live = live;
        this.configured = configured;
    }

    @Override
    public String name() {
        return "Configuration";
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        RuntimeSettings settings = configured.getIfAvailable();
        Environment env = settings == null ? live : settings.environment();
        boolean demo = flag(env, "cherrypick.demo", false);
        boolean realPeoplevox = !StartupChecks.isSimulator(env.getProperty("cherrypick.peoplevox.base-url", ""), "/sim/peoplevox");
        boolean realBlueCherry = !StartupChecks.isSimulator(env.getProperty("cherrypick.bluecherry.base-url", ""),
                "/sim/bluecherry");
        Verdict demoOnly = demo ? Verdict.WARN : Verdict.FAIL;
        return List.of(
                audit.check("configuration.start-up", Section.CONFIGURATION, "The start-up checks pass", c -> {
                    c.reads("the start-up checks (StartupChecks)").fix("Set what each line names; Cherrypick will not start"
                            + " until then.");
                    StartupChecks.problems(env).forEach(p -> c.checked(1).problem(Verdict.FAIL, p));
                }),
                audit.check("configuration.sign-in", Section.CONFIGURATION, "Sign-in is on", c -> {
                    c.reads("cherrypick.security.enabled").checked(1).fix("Switch sign-in on (CHERRYPICK_SECURITY_ENABLED=true,"
                            + " the postgres profile does) and give people their roles in CHERRYPICK_USERS.");
                    if (!flag(env, "cherrypick.security.enabled", false)) {
                        c.problem(realPeoplevox || realBlueCherry ? Verdict.FAIL : Verdict.WARN, "sign-in is off: anyone"
                                + " who reaches Cherrypick may replay, discard and change mappings");
                    }
                }),
                audit.check("configuration.simulators", Section.CONFIGURATION, "The simulators are off", c -> {
                    c.reads("cherrypick.simulator.enabled, cherrypick.peoplevox.base-url, cherrypick.bluecherry.base-url")
                            .checked(3).fix("For go-live: CHERRYPICK_SIMULATOR_ENABLED=false and the real systems' addresses"
                                    + " (CHERRYPICK_PEOPLEVOX_BASE_URL, CHERRYPICK_BLUECHERRY_BASE_URL).");
                    if (flag(env, "cherrypick.simulator.enabled", false)) {
                        c.problem(demoOnly, "the built-in simulators run (cherrypick.simulator.enabled=true)");
                    }
                    if (!realPeoplevox) {
                        c.problem(demoOnly, "Peoplevox is the built-in simulator (" + env.getProperty("cherrypick.peoplevox"
                                + ".base-url") + ")");
                    }
                    if (!realBlueCherry) {
                        c.problem(demoOnly, "Blue Cherry is the built-in simulator (" + env.getProperty("cherrypick"
                                + ".bluecherry.base-url") + ")");
                    }
                }),
                audit.check("configuration.pacing", Section.CONFIGURATION, "Peoplevox calls are paced", c -> {
                    c.reads("cherrypick.peoplevox.rate-limit.*").checked(1).fix("Set cherrypick.peoplevox.rate-limit.enabled"
                            + "=auto (the default) or true, with at most 15 requests per 15s (Peoplevox's documented pace,"
                            + " one budget shared by every instance of one client id).");
                    int requests = env.getProperty("cherrypick.peoplevox.rate-limit.requests", Integer.class, 15)
                            - env.getProperty("cherrypick.peoplevox.rate-limit.safety-margin", Integer.class, 0);
                    Duration period = DurationStyle.detectAndParse(env.getProperty("cherrypick.peoplevox.rate-limit.period",
                            "15s"));
                    // auto (the default) paces unless Peoplevox is the built-in simulator; true/on and false/off as said
                    String pacing = env.getProperty("cherrypick.peoplevox.rate-limit.enabled", "auto").strip().toLowerCase();
                    boolean paced = pacing.equals("true") || pacing.equals("on") || (pacing.equals("auto") && realPeoplevox);
                    if (!paced) {
                        c.problem(realPeoplevox ? Verdict.FAIL : Verdict.WARN, "pacing is off: a burst of calls earns"
                                + " Peoplevox's rate-limit refusals");
                    } else if (requests / (double) Math.max(1, period.toSeconds()) > PEOPLEVOX_CALLS_PER_SECOND) {
                        c.problem(Verdict.WARN, "pacing allows " + requests + " calls per " + period.toSeconds() + " s,"
                                + " more than Peoplevox's 15 per 15 s");
                    }
                }),
                audit.check("configuration.webhook-token", Section.CONFIGURATION, "The webhook token is set", c -> {
                    c.reads("cherrypick.webhooks.token").checked(1).fix("Set CHERRYPICK_WEBHOOKS_TOKEN to a long random"
                            + " secret, kept with the other secrets (Cherrypick otherwise generates one and keeps it in its"
                            + " database).");
                    if (env.getProperty("cherrypick.webhooks.token", "").isBlank()) {
                        c.problem(Verdict.WARN, "no webhook token is set: a generated one is in use");
                    }
                }),
                audit.check("configuration.alerts", Section.CONFIGURATION, "Alerts go to the team's chat", c -> {
                    c.reads("cherrypick.alerts.enabled, cherrypick.alerts.webhook-url").checked(1).fix("Set"
                            + " CHERRYPICK_ALERTS_WEBHOOK_URL to the chat's incoming webhook (Slack, Teams, Google Chat,"
                            + " Mattermost, Rocket.Chat).");
                    if (!flag(env, "cherrypick.alerts.enabled", true)) {
                        c.problem(Verdict.WARN, "alerts are off (cherrypick.alerts.enabled=false)");
                    } else if (env.getProperty("cherrypick.alerts.webhook-url", "").isBlank()) {
                        c.problem(Verdict.WARN, "no chat webhook is set: alerts go to the log only");
                    }
                }),
                audit.check("configuration.retention", Section.CONFIGURATION, "Retention purges what is old", c -> {
                    // retention always runs (routes/ops-retention.camel.yaml); what can be wrong is ages that keep too
                    // much for the tables to stay small, or too little for a person to still find a record
                    c.reads("cherrypick.ops.retention.keep, keep-latest, keep-audit; cherrypick.flows.*.poll-overlap")
                            .checked(1 + REPORT_POLL_FLOWS.size()).fix("Set"
                            + " cherrypick.ops.retention.keep (settled records, closed exceptions, alerts: 30d by default) to"
                            + " at most 90d and to at least twice every report poll's overlap, keep-latest (the newest"
                            + " revision of each record sent) to at least keep, and keep-audit to what the brand's auditors"
                            + " ask for (400d by default).");
                    Duration keep = age(env, "cherrypick.ops.retention.keep", "30d");
                    Duration keepLatest = age(env, "cherrypick.ops.retention.keep-latest", "400d");
                    if (keep.compareTo(Duration.ofDays(90)) > 0) {
                        c.problem(Verdict.WARN, "retention keeps settled rows for " + keep.toDays() + " days"
                                + " (cherrypick.ops.retention.keep): the hand-off and exception tables grow for that long");
                    } else if (keepLatest.compareTo(keep) < 0) {
                        c.problem(Verdict.WARN, "cherrypick.ops.retention.keep-latest (" + keepLatest.toDays() + " days) is"
                                + " shorter than keep (" + keep.toDays() + " days): the newest rows would go first");
                    }
                    // a poll re-reads its overlap; an event retention purged is no longer there to make the re-read one
                    // a repeat, so it is stored and processed again (harmless, the flows are idempotent, but repeated
                    // work and calls to Peoplevox on every poll); twice the overlap leaves room for events that came late
                    for (String flow : REPORT_POLL_FLOWS) {
                        String name = "cherrypick.flows." + flow + ".poll-overlap";
                        Duration overlap = age(env, name, "1h");
                        if (keep.compareTo(overlap.multipliedBy(2)) < 0) {
                            c.problem(Verdict.WARN, "cherrypick.ops.retention.keep (" + CapacityChecks.words(keep)
                                    + ") is less than twice " + name + " (" + CapacityChecks.words(overlap) + "): each"
                                    + " poll stores again the events retention purged and reads them from Peoplevox again");
                        }
                    }
                }),
                audit.check("configuration.database", Section.CONFIGURATION, "Production runs on PostgreSQL", c -> {
                    c.reads("spring.datasource.url").checked(1).fix("Run with the postgres profile and DB_URL, DB_USERNAME,"
                            + " DB_PASSWORD: the embedded H2 database is for a demo on one machine.");
                    String url = env.getProperty("spring.datasource.url", "");
                    if (!url.startsWith("jdbc:postgresql:")) {
                        c.problem(demoOnly, "the database is " + (url.startsWith("jdbc:h2:") ? "the embedded H2" : url)
                                + ", not PostgreSQL");
                    }
                }));
    }

    private static Duration age(Environment env, String name, String otherwise) {
        return DurationStyle.detectAndParse(env.getProperty(name, otherwise));
    }

    private static boolean flag(Environment env, String name, boolean otherwise) {
        return env.getProperty(name, Boolean.class, otherwise);
    }
}

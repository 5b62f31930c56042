package io.cherrypick.peoplevox.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.ApiException;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.Timestamps;

/**
 * Keeps Peoplevox's event subscriptions pointing at Cherrypick's webhook. Peoplevox has no call to list subscriptions,
 * so the ids are kept in {@code pvx_subscription}; at start the stored ones are unsubscribed and every enabled
 * {@link EventSpec} is subscribed again ({@code SubscribePostEvent}, form POST of its fields to a callback URL that
 * carries the token in its path: Peoplevox sets no header of ours, and a query string ends up in access logs). The
 * URL kept in the database and written to the log has the token masked.
 * <p>
 * Subscriptions belong to the cluster, not to an instance: they name one address every instance answers at
 * ({@code cherrypick.webhooks.base-url}, required unless Peoplevox is a simulator on this machine). The renewal runs
 * under a row lock ({@code select ... for update} on pvx_subscription_lock): the first instance renews, the others find
 * the subscriptions fresh (renewed within {@code freshFor}, same settings) and keep them. A renewal subscribes the new
 * subscriptions before it removes the old ones, so no event goes unsubscribed in between (one delivered twice is stored
 * once).
 */
@Component("peoplevoxEventSubscriptions")
public class PeoplevoxSubscriptions {
    /** Exceptions about the subscriptions: flow and key (set by the route that calls {@link #ensure}). */
    static final String FLOW = "peoplevox-events";
    static final String KEY = "subscriptions";
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxSubscriptions.class);
    /** The token as the stored and logged callback URLs show it. */
    static final String MASK = "***";

    private final EventSpecs specs;
    private final PeoplevoxClient peoplevox;
    private final WebhookProperties props;
    private final WebhookToken token;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Environment env;
    private final ExceptionStore exceptions;
    private volatile boolean done;

    public PeoplevoxSubscriptions(EventSpecs specs, PeoplevoxClient peoplevox, WebhookProperties props, WebhookToken token,
                                  NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Environment env,
                                  ExceptionStore exceptions) {
        this.specs = specs;
        this.peoplevox = peoplevox;
        this.props = props;
        this.token = token;
        this.jdbc = jdbc;
        this.tx = tx;
        this.env = env;
        this.exceptions = exceptions;
    }

    /** Called on a timer: renews once per instance start, and again after a failure until it succeeds. */
    public void ensure() {
        if (done || !props.subscribe() || specs.enabled().isEmpty()) {
            return;
        }
        if (props.baseUrl() == null && !peoplevoxIsLocal()) {
            throw new IllegalStateException("Peoplevox event subscriptions need cherrypick.webhooks.base-url"
                    + " (CHERRYPICK_WEBHOOKS_BASE_URL): the one address at which every instance of this cluster receives"
                    + " Peoplevox's events; none was made, the report polls still catch every despatch and return");
        }
        renew(false);
        done = true;
        exceptions.resolveOpen(FLOW, KEY, "the event subscriptions were renewed");
    }

    /**
     * Replaces the stored subscriptions with fresh ones (unless {@code force} is false and another instance just did it
     * with the same settings). Returns the subscription id per event type.
     */
    public Map<String, Integer> renew(boolean force) {
        List<EventSpec> wanted = specs.enabled();
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (EventSpec spec : wanted) {
            urls.put(spec.eventType(), callbackUrl(spec.eventType(), false));
            params.put(spec.eventType(), postParams(spec));
        }
        String hash = Hashing.sha256Hex(urls + "|" + params);
        return tx.execute(status -> {
            List<Instant> lock = new java.util.ArrayList<>();
            jdbc.query("select renewed_at from pvx_subscription_lock where name = :name for update",
                    Map.of("name", WebhookToken.LOCK), rs -> {
                        lock.add(Timestamps.read(rs, "renewed_at"));
                    });
            Instant renewedAt = lock.isEmpty() ? null : lock.get(0);
            Map<String, Integer> stored = new LinkedHashMap<>();
            Map<String, String> storedHashes = new LinkedHashMap<>();
            jdbc.query("select event_type, subscription_id, config_hash from pvx_subscription", Map.of(), rs -> {
                stored.put(rs.getString("event_type"), rs.getInt("subscription_id"));
                storedHashes.put(rs.getString("event_type"), rs.getString("config_hash"));
            });
            boolean fresh = renewedAt != null && renewedAt.isAfter(Instant.now().minus(props.freshFor()))
                    && stored.keySet().equals(urls.keySet()) && storedHashes.values().stream().allMatch(hash::equals);
            if (fresh && !force) {
                log.info("Peoplevox event subscriptions {} were renewed at {} by another instance; kept", stored.keySet(),
                        renewedAt);
                return stored;
            }
            // the new subscriptions first, so no event finds none; then the old ones go
            Map<String, Integer> made = new LinkedHashMap<>();
            for (EventSpec spec : wanted) {
                made.put(spec.eventType(), peoplevox.subscribePostEvent(spec.eventType(), "", urls.get(spec.eventType()),
                        params.get(spec.eventType())));
            }
            stored.forEach((type, id) -> {
                if (made.containsValue(id)) {
                    return;
                }
                try {
                    peoplevox.unsubscribeEvent(id);
                } catch (ApiException e) {
                    log.warn("could not unsubscribe stale Peoplevox subscription {} ({}): {}", id, type, e.getMessage());
                }
            });
            jdbc.update("delete from pvx_subscription", Map.of());
            made.forEach((type, id) -> jdbc.update("insert into pvx_subscription (event_type, subscription_id, post_url,"
                    + " config_hash, subscribed_at) values (:type, :id, :url, :hash, :now)", new MapSqlParameterSource()
                    .addValue("type", type).addValue("id", id).addValue("url", callbackUrl(type, true)).addValue("hash", hash)
                    .addValue("now", Timestamps.now())));
            jdbc.update("update pvx_subscription_lock set renewed_at = :now where name = :name",
                    Map.of("now", Timestamps.now(), "name", WebhookToken.LOCK));
            log.info("Peoplevox event subscriptions renewed (stale ones removed: {}): {}", stored.values(), made);
            return made;
        });
    }

    /** Unsubscribes every stored subscription (e.g. before decommissioning); returns how many there were. */
    public int unsubscribeAll() {
        return tx.execute(status -> {
            jdbc.query("select renewed_at from pvx_subscription_lock where name = :name for update",
                    Map.of("name", WebhookToken.LOCK), rs -> {
                    });
            List<Integer> ids = jdbc.queryForList("select subscription_id from pvx_subscription", Map.of(), Integer.class);
            for (Integer id : ids) {
                peoplevox.unsubscribeEvent(id);
            }
            jdbc.update("delete from pvx_subscription", Map.of());
            jdbc.update("update pvx_subscription_lock set renewed_at = null where name = :name", Map.of("name", WebhookToken.LOCK));
            return ids.size();
        });
    }

    /** Whether Peoplevox is reached on this machine (the built-in simulator), so a local address can serve. */
    private boolean peoplevoxIsLocal() {
        String url = env.getProperty("cherrypick.peoplevox.base-url", "");
        return url.startsWith("http://localhost") || url.startsWith("http://127.0.0.1");
    }

    /** {@code <base-url><path>/<token>/<eventType>}, the token as one path segment (shown as {@link #MASK} in logs). */
    String callbackUrl(String eventType, boolean masked) {
        String base = props.baseUrl() != null ? props.baseUrl()
                : "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String path = props.path().startsWith("/") ? props.path() : "/" + props.path();
        String segment = masked ? MASK : URLEncoder.encode(token.value(), StandardCharsets.UTF_8).replace("+", "%20");
        return base + path + "/" + segment + "/" + eventType;
    }

    /** {@code Field={Field}&...}: Peoplevox fills the placeholders (URL-encoded, encodeParameterData=true). */
    String postParams(EventSpec spec) {
        return spec.fields().stream().map(f -> f + "={" + f + "}").collect(Collectors.joining("&"));
    }
}

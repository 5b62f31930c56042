package io.cherrypick.simulator.peoplevox.event;

import io.cherrypick.simulator.peoplevox.search.SearchClause;
import io.cherrypick.simulator.peoplevox.search.SearchClauseException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subscriptions with their parsed filters. Ids count up from a configurable start and are never reused. */
public final class SubscriptionRegistry {
    private record Entry(Subscription subscription, SearchClause filter) {
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private final int firstId;
    private int nextId;

    public SubscriptionRegistry(int firstId) {
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /**
     * @throws IllegalArgumentException when the URL is not absolute http(s) or the filter is invalid
     */
    public synchronized Subscription subscribe(EventType type, String filter, String method, String url,
            String postParams, boolean encodeParameterData) {
        requireHttpUrl(url, method.equals(Subscription.GET) ? "callbackUrl" : "postUrl");
        SearchClause clause;
        try {
            clause = SearchClause.parse(filter, type.fields());
        } catch (SearchClauseException e) {
            throw new IllegalArgumentException("Invalid filter '" + filter + "': " + e.getMessage());
        }
        Subscription subscription = new Subscription(nextId++, type, filter == null ? "" : filter, method, url,
                postParams, encodeParameterData, Instant.now());
        entries.put(subscription.id(), new Entry(subscription, clause));
        return subscription;
    }

    public synchronized boolean unsubscribe(int id) {
        return entries.remove(id) != null;
    }

    public synchronized List<Subscription> all() {
        return entries.values().stream().map(Entry::subscription).toList();
    }

    /** Subscriptions of the event's type whose filter accepts it (a filter that cannot be evaluated does not). */
    public synchronized List<Subscription> matching(WarehouseEvent event) {
        List<Subscription> result = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.subscription().eventType() == event.type() && accepts(entry.filter(), event)) {
                result.add(entry.subscription());
            }
        }
        return result;
    }

    public synchronized void reset() {
        entries.clear();
        nextId = firstId;
    }

    private static boolean accepts(SearchClause filter, WarehouseEvent event) {
        try {
            return filter.matches(event::value);
        } catch (SearchClauseException e) {
            return false;
        }
    }

    private static void requireHttpUrl(String url, String parameter) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(parameter + " is required");
        }
        try {
            URI uri = URI.create(Placeholders.safeUri(url.replaceAll("\\{[^}]*}", "x")));
            if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + " '" + url + "' is not an absolute http(s) URL");
        }
    }
}

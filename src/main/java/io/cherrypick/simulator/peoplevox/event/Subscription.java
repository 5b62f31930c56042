package io.cherrypick.simulator.peoplevox.event;

import java.time.Instant;

/**
 * A webhook subscription. SubscribeEvent calls {@code url} with GET; SubscribePostEvent POSTs {@code postParams}
 * as a form to {@code url}. Both templates may hold {Path} placeholders.
 */
public record Subscription(int id, EventType eventType, String filter, String method, String url, String postParams,
        boolean encodeParameterData, Instant createdAt) {

    public static final String GET = "GET";
    public static final String POST = "POST";
}

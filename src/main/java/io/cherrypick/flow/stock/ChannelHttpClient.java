package io.cherrypick.flow.stock;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * The HTTP client of the channel calls ({@code httpClientConfigurer: "#channelHttpClient"} on the route's {@code to:}):
 * Apache HttpClient would silently send a POST again after a 503 or 429; here the hand-off's retry policy is the only
 * one, so every call shows in Camel's metrics and every failed attempt counts.
 */
@Component("channelHttpClient")
public class ChannelHttpClient implements HttpClientConfigurer {
    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
    }
}

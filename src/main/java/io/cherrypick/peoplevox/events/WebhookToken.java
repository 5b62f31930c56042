package io.cherrypick.peoplevox.events;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret Peoplevox posts with every event. Compared in constant time; never logged. Without a configured token,
 * one is generated once and kept in the database (pvx_subscription_lock), so every instance of a cluster accepts the
 * same one.
 */
@Component
public class WebhookToken {
    static final String LOCK = "peoplevox-events";

    private final WebhookProperties props;
    private final NamedParameterJdbcTemplate jdbc;
    private volatile byte[] expectedDigest;
    private volatile String value;

    public WebhookToken(WebhookProperties props, NamedParameterJdbcTemplate jdbc) {
        this.props = props;
        this.jdbc = jdbc;
    }

    /** True when {@code presented} is the token; the comparison takes the same time whatever the input. */
    public boolean matches(String presented) {
        byte[] expected = expectedDigest();
        byte[] given = Hashing.sha256(presented == null ? "" : presented);
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(expected, given);
    }

    /** The token itself, only to hand it to Peoplevox in a subscription. */
    String value() {
        if (value == null) {
            synchronized (this) {
                if (value == null) {
                    value = props.token().isEmpty() ? storedOrGenerated() : props.token();
                }
            }
        }
        return value;
    }

    private byte[] expectedDigest() {
        if (expectedDigest == null) {
            expectedDigest = Hashing.sha256(value());
        }
        return expectedDigest;
    }

    private String storedOrGenerated() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // only the first instance's value is kept: the update does nothing once a token is stored
        jdbc.update("update pvx_subscription_lock set generated_token = :token where name = :name and generated_token is null",
                Map.of("token", HexFormat.of().formatHex(random), "name", LOCK));
        List<String> stored = jdbc.queryForList("select generated_token from pvx_subscription_lock where name = :name",
                Map.of("name", LOCK), String.class);
        if (stored.isEmpty() || stored.get(0) == null) {
            throw new IllegalStateException("pvx_subscription_lock has no row '" + LOCK + "' (Flyway V12 not applied?)");
        }
        return stored.get(0);
    }
}

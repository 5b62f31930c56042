package io.cherrypick.ops.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alerts to the team's chat ({@code cherrypick.alerts}).
 * <ul>
 * <li>{@code webhookUrl}: an incoming webhook that takes {@code {"text": "..."}} (Slack, Mattermost, Rocket.Chat,
 * Google Chat, Teams workflows). It holds a secret: set it from the environment ({@code CHERRYPICK_ALERTS_WEBHOOK_URL}).
 * Without one, alerts are written to the log at WARN and kept in the database ({@code /api/alerts}).</li>
 * <li>{@code cron}: how often new exceptions and newly stuck orders are gathered into one message (default every
 * minute; clustered, so one instance sends).</li>
 * <li>{@code timeout}: per delivery; {@code linkBase}: the address people open Cherrypick at, for links in messages.</li>
 * <li>{@code examples}: how many exceptions or orders a message names per group before it says "and N more".</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.alerts")
public record AlertProperties(Boolean enabled, String webhookUrl, String cron, Duration timeout, String linkBase,
                              int examples) {
    public AlertProperties {
        enabled = enabled == null || enabled;
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
        cron = cron == null || cron.isBlank() ? "0 * * * * ?" : cron;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        linkBase = linkBase == null || linkBase.isBlank() ? "" : linkBase.replaceAll("/+$", "");
        examples = examples <= 0 ? 3 : examples;
    }
}

package io.cherrypick.ops.alert;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.security.Secrets;

/**
 * Alerts to the team's chat ({@code cherrypick.alerts}); defaults in application.yml.
 *
 * @param enabled    gather and send alerts (the ops-alerts route)
 * @param webhookUrl an incoming webhook that takes {"text": "..."} (Slack, Mattermost, Rocket.Chat, Google Chat, Teams
 *                   workflows), from CHERRYPICK_ALERTS_WEBHOOK_URL. It holds a secret: never printed, never shown in
 *                   /api/alerts. Without one, alerts go to the log at WARN and are kept in the database (/api/alerts)
 * @param cron       how often new exceptions and newly stuck orders are gathered into one message (Quartz cron;
 *                   clustered, so one instance sends)
 * @param timeout    how long one delivery may take
 * @param linkBase   the address people open Cherrypick at, for the links in messages (empty: no links)
 * @param examples   how many exceptions or orders a message names per group before it says "and N more"
 */
@Validated
@ConfigurationProperties("cherrypick.alerts")
public record AlertProperties(boolean enabled, String webhookUrl, @NotBlank String cron,
                              @NotNull @DurationMin(millis = 1) Duration timeout, String linkBase, @Min(1) int examples) {
    public AlertProperties {
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
        linkBase = linkBase == null || linkBase.isBlank() ? "" : linkBase.replaceAll("/+$", "");
    }

    /** Never prints the webhook address (it holds the chat's secret). */
    @Override
    public String toString() {
        return "AlertProperties[enabled=" + enabled + ", webhookUrl=" + Secrets.shown(webhookUrl) + ", cron=" + cron
                + ", timeout=" + timeout + ", linkBase=" + linkBase + ", examples=" + examples + "]";
    }
}

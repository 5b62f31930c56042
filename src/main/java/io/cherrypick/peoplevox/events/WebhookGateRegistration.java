package io.cherrypick.peoplevox.events;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link WebhookGate} in front of everything else for the webhook's path (before the security filters and
 * Spring MVC), so no other filter reads a delivery's body or sees its token.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookGateRegistration {
    @Bean
    FilterRegistrationBean<WebhookGate> peoplevoxWebhookGate(WebhookToken token, WebhookProperties props) {
        FilterRegistrationBean<WebhookGate> registration = new FilterRegistrationBean<>(new WebhookGate(token, props));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("peoplevoxWebhookGate");
        return registration;
    }
}

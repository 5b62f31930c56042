package io.cherrypick.peoplevox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration
public class PeoplevoxConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxConfiguration.class);

    /** The runtime's one client: paced by the cluster's shared budget unless pacing is off (see {@link #pacer}). */
    @Bean
    PeoplevoxClient peoplevoxClient(PeoplevoxProperties props, MeterRegistry meters, NamedParameterJdbcTemplate jdbc,
                                    PlatformTransactionManager transactions) {
        return new PeoplevoxClient(props, meters, pacer(props, jdbc, transactions));
    }

    /**
     * The budget every instance shares (the client id's rows in the database), or null when pacing is off or on auto
     * against the built-in simulator.
     */
    static Pacer pacer(PeoplevoxProperties props, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        PeoplevoxProperties.RateLimit limit = props.rateLimit();
        if (!props.paced()) {
            log.info("Peoplevox calls are not paced (cherrypick.peoplevox.rate-limit.enabled={}, base URL {})",
                    limit.enabled().name().toLowerCase(), props.baseUrl());
            return null;
        }
        log.info("Peoplevox calls paced for every instance: {} per {} s (the limit {} less a margin of {}), back-off {} s"
                + " after a refusal", limit.budget(), limit.period().toSeconds(), limit.requests(), limit.safetyMargin(),
                limit.backoff().toSeconds());
        return new SharedPacingBudget(jdbc, transactions, props.clientId(), limit.budget(), limit.period(),
                props.timeout().plus(limit.period()), limit.backoff());
    }
}

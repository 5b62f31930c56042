package io.cherrypick.peoplevox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration
public class PeoplevoxConfiguration {
    @Bean
    PeoplevoxClient peoplevoxClient(PeoplevoxProperties props, MeterRegistry meters) {
        return new PeoplevoxClient(props, meters);
    }
}

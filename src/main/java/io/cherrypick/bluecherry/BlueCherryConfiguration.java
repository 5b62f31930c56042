package io.cherrypick.bluecherry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration
public class BlueCherryConfiguration {
    @Bean
    BlueCherryClient blueCherryClient(BlueCherryProperties props, ObjectMapper json, MeterRegistry meters) {
        return new BlueCherryClient(props, json, meters);
    }
}

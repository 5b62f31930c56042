package io.cherrypick.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link StartupChecks}: a bean factory post-processor, so it runs before any other bean is made. */
@Configuration(proxyBeanMethods = false)
public class StartupChecksConfiguration {
    @Bean
    static StartupChecks cherrypickStartupChecks() {
        return new StartupChecks();
    }
}

package io.cherrypick.runtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link StartupChecks}: a bean factory post-processor, so it runs before any other bean is made. Not in the
 * setup audit's JVM ({@code java -jar cherrypick.jar audit} sets cherrypick.setup.command): it serves nothing and writes
 * to no system, and its configuration check reports what the start-up checks find instead of refusing to run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cherrypick.setup", name = "command", havingValue = "false", matchIfMissing = true)
public class StartupChecksConfiguration {
    @Bean
    static StartupChecks cherrypickStartupChecks() {
        return new StartupChecks();
    }
}

package io.cherrypick.setup;

import org.springframework.core.env.Environment;

/**
 * The runtime's settings as configured. The audit command changes a few settings of its own JVM (no web server, no
 * flows, no simulators); the configuration check judges the runtime's, taken before those changes. In the running
 * runtime ({@code POST /api/audit}) there is no such bean and its own settings are the runtime's.
 */
public record RuntimeSettings(Environment environment) {
}

package io.cherrypick.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the problems {@link StartupChecks} found as Spring Boot's start-up failure report, without a stack trace. */
public class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<StartupChecks.UnsafeSettingsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupChecks.UnsafeSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the variables named above (README, Production). A demo or rehearsal with the built-in simulators"
                        + " sets CHERRYPICK_DEMO=true.", cause);
    }
}

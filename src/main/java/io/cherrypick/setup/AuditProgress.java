package io.cherrypick.setup;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.setup.AuditReport.Progress;

/**
 * How far a running audit is: the check it runs and what it reads now. Each change goes to the log (INFO for a new
 * check and every tenth page of a long read) and to a listener (the console's polling reads it from the run store).
 */
final class AuditProgress {
    private static final Logger log = LoggerFactory.getLogger("io.cherrypick.setup.SetupAudit");

    private volatile Consumer<Progress> listener = p -> {
    };
    private volatile Progress current = new Progress(0, 0, "", "");

    /** Who hears of each change (besides the log). */
    void listen(Consumer<Progress> changes) {
        listener = changes;
    }

    Progress current() {
        return current;
    }

    void step(int step, int steps, String check) {
        current = new Progress(step, steps, check, "");
        log.info("setup audit {}/{}: {}", step, steps, check);
        listener.accept(current);
    }

    /** A page of a long read: {@code page} of about {@code pages} (0: not known yet). */
    void page(String what, int page, int pages) {
        String detail = what + ": page " + page + (pages > 0 ? " of " + pages : "");
        current = new Progress(current.step(), current.steps(), current.check(), detail);
        if (page == 1 || page % 10 == 0 || page == pages) {
            log.info("setup audit {}/{}: {}", current.step(), current.steps(), detail);
        }
        listener.accept(current);
    }

    void detail(String detail) {
        current = new Progress(current.step(), current.steps(), current.check(), detail);
        log.info("setup audit {}/{}: {}", current.step(), current.steps(), detail);
        listener.accept(current);
    }
}

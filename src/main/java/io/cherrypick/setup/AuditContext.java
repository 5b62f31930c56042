package io.cherrypick.setup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One audit as the checks see it: the readings of both systems, the settings, and how a check is built. */
final class AuditContext {
    private static final Logger log = LoggerFactory.getLogger(AuditContext.class);

    private final Readings readings;
    private final SetupProperties setup;
    private final AuditProgress progress;
    private volatile AuditReport.StockSummary stock;
    private final List<CheckResult> results = new CopyOnWriteArrayList<>();

    AuditContext(Readings readings, SetupProperties setup, AuditProgress progress) {
        this.readings = readings;
        this.setup = setup;
        this.progress = progress;
    }

    Readings readings() {
        return readings;
    }

    SetupProperties setup() {
        return setup;
    }

    AuditProgress progress() {
        return progress;
    }

    /** The checks done so far, in order. */
    List<CheckResult> results() {
        return List.copyOf(results);
    }

    void add(List<CheckResult> done) {
        results.addAll(done);
    }

    /** A check done earlier in this audit (a later check may build on its count). */
    Optional<CheckResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The stock variances for the report's chart (set by the stock check). */
    AuditReport.StockSummary stock() {
        return stock;
    }

    void stock(AuditReport.StockSummary summary) {
        stock = summary;
    }

    /**
     * Runs one check: {@code body} fills the builder. When a reading it needs failed the check is "not checked" with the
     * reason; a check that breaks on something unforeseen says so too, and the audit goes on with the next.
     */
    CheckResult check(String id, Section section, String title, Consumer<CheckResult.Builder> body) {
        CheckResult.Builder builder = new CheckResult.Builder(id, section, title, setup.examples());
        try {
            body.accept(builder);
            return builder.build();
        } catch (Readings.Unavailable unavailable) {
            return builder.notChecked(unavailable.getMessage());
        } catch (RuntimeException e) {
            log.error("setup audit check {} broke", id, e);
            return builder.notChecked("the check broke: " + e);
        }
    }
}

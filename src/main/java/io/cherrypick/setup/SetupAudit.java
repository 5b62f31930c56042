package io.cherrypick.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.flow.item.ItemValidator;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The setup audit: one read-only pass over Blue Cherry, Peoplevox and Cherrypick's own settings and code lists that says
 * whether the brand's setup is ready for the integration, and what to fix. Its checks ({@link SetupCheck}, one class
 * per concern) run in order over one {@link Readings}: each system's data is read once, whatever number of checks use
 * it. It never writes to Blue Cherry or Peoplevox, and it keeps to Peoplevox's rate limit ({@link PeoplevoxReads}).
 * The same engine serves {@code java -jar cherrypick.jar audit} ({@link AuditCommand}) and {@code POST /api/audit}.
 */
@Component
public class SetupAudit {
    private static final Logger log = LoggerFactory.getLogger(SetupAudit.class);

    private final List<SetupCheck> checks;
    private final PeoplevoxClient peoplevox;
    private final PeoplevoxProperties peoplevoxSettings;
    private final BlueCherryClient blueCherry;
    private final SetupProperties setup;
    private final MeterRegistry meters;
    private final ItemCodes itemCodes;
    private final Mappings mappings;
    private final ItemValidator itemValidator;

    SetupAudit(List<SetupCheck> checks, PeoplevoxClient peoplevox, PeoplevoxProperties peoplevoxSettings,
               BlueCherryClient blueCherry, SetupProperties setup, MeterRegistry meters, ItemCodes itemCodes,
               Mappings mappings, ItemValidator itemValidator) {
        this.checks = checks;
        this.peoplevox = peoplevox;
        this.peoplevoxSettings = peoplevoxSettings;
        this.blueCherry = blueCherry;
        this.setup = setup;
        this.meters = meters;
        this.itemCodes = itemCodes;
        this.mappings = mappings;
        this.itemValidator = itemValidator;
    }

    /** Runs every check; {@code listener} gets the report so far on every step (progress, each check done). */
    public AuditReport run(String id, String startedBy, Consumer<AuditReport> listener) {
        Instant started = Instant.now();
        AuditProgress progress = new AuditProgress();
        PeoplevoxReads pvx = new PeoplevoxReads(peoplevox, peoplevoxSettings, setup, meters, progress);
        BlueCherryReads bc = new BlueCherryReads(blueCherry, progress);
        AuditContext audit = new AuditContext(new Readings(pvx, bc, itemCodes, mappings, itemValidator, setup), setup,
                progress);
        progress.listen(p -> listener.accept(report(id, AuditReport.RUNNING, started, null, startedBy, audit, pvx, bc)));
        log.info("setup audit {} started by {} (Peoplevox calls {})", id, startedBy,
                pvx.paced() ? "paced" : "not paced");
        for (int i = 0; i < checks.size(); i++) {
            SetupCheck check = checks.get(i);
            progress.step(i + 1, checks.size(), check.name());
            audit.add(check.run(audit));
        }
        AuditReport report = report(id, AuditReport.DONE, started, Instant.now(), startedBy, audit, pvx, bc);
        log.info("setup audit {} done: {} ({} fail, {} warn, {} pass); {} Peoplevox calls, {} Blue Cherry calls, {}", id,
                report.verdict(), report.counts().fail(), report.counts().warn(), report.counts().pass(),
                report.peoplevoxCalls(), report.blueCherryCalls(),
                CapacityChecks.words(Duration.between(started, report.finishedAt())));
        listener.accept(report);
        return report;
    }

    private AuditReport report(String id, String status, Instant started, Instant finished, String startedBy,
                               AuditContext audit, PeoplevoxReads pvx, BlueCherryReads bc) {
        List<CheckResult> done = audit.results();
        return new AuditReport(id, status, AuditReport.verdictOf(done), AuditReport.Counts.of(done), started, finished,
                startedBy, audit.progress().current(), pvx.calls(), bc.calls(), pvx.paced(), done,
                audit.stock(), null);
    }
}

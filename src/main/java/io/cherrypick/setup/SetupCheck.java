package io.cherrypick.setup;

import java.util.List;

/** One concern of the audit (connectivity, the catalogue, the mappings, ...): its checks, run over one audit's readings. */
interface SetupCheck {
    /** What the progress and the log call it while it runs. */
    String name();

    List<CheckResult> run(AuditContext audit);
}

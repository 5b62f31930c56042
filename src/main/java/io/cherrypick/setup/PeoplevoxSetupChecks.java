package io.cherrypick.setup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiException;
import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.setup.PeoplevoxNeeds.Need;

/**
 * Peoplevox setup: every template Cherrypick writes has every field its mapping fills (GetSaveTemplate), and every
 * report it reads has every column it reads (a one-row GetReportData), for the flows that are on. Field names are
 * compared without regard to case, as Peoplevox matches them.
 */
@Component
@Order(2)
class PeoplevoxSetupChecks implements SetupCheck {
    private final PeoplevoxNeeds needs;

    PeoplevoxSetupChecks(PeoplevoxNeeds needs) {
        this.needs = needs;
    }

    @Override
    public String name() {
        return "Peoplevox setup";
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        return List.of(templates(audit), reports(audit));
    }

    private CheckResult templates(AuditContext audit) {
        Map<String, List<Need>> templates = needs.templates();
        return audit.check("peoplevox.templates", Section.PEOPLEVOX_SETUP, "Templates Cherrypick writes have every field it"
                + " maps", c -> {
            c.reads("GetSaveTemplate " + String.join(", ", templates.keySet())).fix("In Peoplevox, Integrations >"
                    + " Integration templates > the template > Configure: add the missing fields (with these names). Or,"
                    + " if Cherrypick should not write a field, remove it from the mapping file named.");
            templates.forEach((template, fields) -> {
                c.checked(fields.size());
                try {
                    missing(audit.readings().peoplevox().saveTemplate(template), fields)
                            .forEach(n -> c.problem(Verdict.FAIL, template + " has no field " + n.name() + " (needed by "
                                    + n.neededBy() + ")"));
                } catch (ApiException e) {
                    c.problem(Verdict.FAIL, template + ": " + e.getMessage());
                }
            });
        });
    }

    private CheckResult reports(AuditContext audit) {
        Map<String, List<Need>> reports = needs.reports();
        return audit.check("peoplevox.reports", Section.PEOPLEVOX_SETUP, "Reports Cherrypick reads have every column it"
                + " reads", c -> {
            String reads = "GetReportData of one row: " + String.join(", ", reports.keySet());
            c.reads(reads).fix("In Peoplevox, edit the report"
                    + " (or make a user report of that name) so it has these columns, with these display names. Or change"
                    + " the mapping file named to read the column the report has.");
            for (Map.Entry<String, List<Need>> entry : reports.entrySet()) {
                String report = entry.getKey();
                c.checked(entry.getValue().size());
                try {
                    List<String> has = audit.readings().peoplevox().reportColumns(report);
                    missing(has, entry.getValue()).forEach(n -> c.problem(Verdict.FAIL, "report " + report
                            + " has no column " + n.name() + " (read by " + n.neededBy() + ")"));
                    if (report.equals(PeoplevoxDespatches.REPORT)) {
                        reads += "; " + despatchMode(has);
                        c.reads(reads);
                    }
                } catch (ApiException e) {
                    c.problem(Verdict.FAIL, "report " + report + ": " + e.getMessage());
                }
            }
        });
    }

    /** Which despatch confirmations the tenant's Despatch summary allows (the runtime detects the same at start). */
    private String despatchMode(List<String> has) {
        List<String> packageColumns = needs.despatchPackageColumns();
        boolean packages = missing(has, packageColumns.stream().map(p -> new Need(p, "")).toList()).isEmpty();
        return "despatch confirmations: " + (packages ? "package detail (" + String.join(", ", packageColumns)
                + "): one carton per package" : "no package detail (no column " + String.join(", ", packageColumns)
                + "): one carton per despatch");
    }

    private static List<Need> missing(List<String> has, List<Need> needed) {
        Set<String> present = has.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return needed.stream().filter(n -> !present.contains(n.name().toLowerCase(Locale.ROOT))).toList();
    }
}

package io.cherrypick.setup;

import java.util.ArrayList;
import java.util.List;

/**
 * One check of the report: its verdict, how many records it looked at ({@code checked}) and how many it found wrong
 * ({@code found}), the first of them in words ({@code examples}, each naming the record and the field), what to do about
 * them ({@code fix}, in plain words) and what it read.
 */
public record CheckResult(String id, Section section, String title, Verdict verdict, int checked, int found,
                          List<String> examples, String fix, String reads) {

    /** Collects one check's findings: every problem counts, the first {@code maxExamples} are named. */
    static final class Builder {
        private final String id;
        private final Section section;
        private final String title;
        private final int maxExamples;
        private final List<String> examples = new ArrayList<>();
        private Verdict verdict = Verdict.PASS;
        private int checked;
        private int found;
        private String fix = "";
        private String reads = "";

        Builder(String id, Section section, String title, int maxExamples) {
            this.id = id;
            this.section = section;
            this.title = title;
            this.maxExamples = maxExamples;
        }

        Builder checked(int records) {
            checked += records;
            return this;
        }

        /** One problem: counted, its verdict taken, named when there is room. */
        Builder problem(Verdict severity, String example) {
            found++;
            verdict = verdict.and(severity);
            if (examples.size() < maxExamples) {
                examples.add(example);
            }
            return this;
        }

        /** A verdict without a counted problem (a figure over a limit, a setting). */
        Builder verdict(Verdict severity, String note) {
            verdict = verdict.and(severity);
            if (note != null && examples.size() < maxExamples) {
                examples.add(note);
            }
            return this;
        }

        Builder fix(String words) {
            fix = words;
            return this;
        }

        Builder reads(String words) {
            reads = words;
            return this;
        }

        CheckResult build() {
            return new CheckResult(id, section, title, verdict, checked, found, List.copyOf(examples), fix, reads);
        }

        /** The check could not run (a system did not answer): it fails, saying why. */
        CheckResult notChecked(String why) {
            return new CheckResult(id, section, title, Verdict.FAIL, checked, 0, List.of("not checked: " + why),
                    "Fix the cause (see Connectivity) and run the audit again.", reads);
        }
    }
}

package io.cherrypick.setup;

/** The report as plain text, for the command's output and the log: each check on a line, then what to fix. */
final class TextReport {
    private TextReport() {
    }

    static String render(AuditReport r) {
        StringBuilder t = new StringBuilder();
        t.append("Cherrypick setup audit: ").append(r.verdict()).append(" (").append(r.counts().fail()).append(" failed, ")
                .append(r.counts().warn()).append(" warned, ").append(r.counts().pass()).append(" passed); ")
                .append(r.peoplevoxCalls()).append(" Peoplevox calls (").append(r.paced() ? "paced" : "not paced").append("), ")
                .append(r.blueCherryCalls()).append(" Blue Cherry calls\n\n");
        for (CheckResult c : r.checks()) {
            t.append(String.format("%-4s  %-15s  %-70s %6d of %d%n", c.verdict(), c.section().title(), c.title(), c.found(),
                    c.checked()));
        }
        if (r.stock() != null) {
            t.append("\nStock: ").append(r.stock().withVariance()).append(" of ").append(r.stock().pairs())
                    .append(" SKU and site pairs differ, ").append(r.stock().units()).append(" units")
                    .append(r.stock().value() == null || r.stock().value().signum() == 0 ? ""
                            : ", value " + r.stock().value().toPlainString()).append('\n');
        }
        for (CheckResult c : r.checks()) {
            if (c.verdict() == Verdict.PASS) {
                continue;
            }
            t.append('\n').append(c.verdict()).append("  ").append(c.section().title()).append(": ").append(c.title())
                    .append('\n');
            c.examples().forEach(x -> t.append("  - ").append(x).append('\n'));
            if (c.found() > c.examples().size()) {
                t.append("  ... and ").append(c.found() - c.examples().size()).append(" more\n");
            }
            t.append("  Fix: ").append(c.fix()).append('\n');
        }
        return t.toString();
    }
}

package io.cherrypick.setup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The setup audit's report: every check with its verdict, the overall verdict (the worst), the stock variances for the
 * chart, what the audit cost (Peoplevox and Blue Cherry calls) and, while it runs, how far it is.
 *
 * @param status RUNNING, DONE, or FAILED (the audit itself broke: {@code error} says why)
 */
public record AuditReport(String id, String status, Verdict verdict, Counts counts, Instant startedAt, Instant finishedAt,
                          String startedBy, Progress progress, int peoplevoxCalls, int blueCherryCalls, boolean paced,
                          List<CheckResult> checks, StockSummary stock, String error) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** Checks per verdict. */
    public record Counts(int pass, int warn, int fail) {
        static Counts of(List<CheckResult> checks) {
            return new Counts(count(checks, Verdict.PASS), count(checks, Verdict.WARN), count(checks, Verdict.FAIL));
        }

        private static int count(List<CheckResult> checks, Verdict verdict) {
            return (int) checks.stream().filter(c -> c.verdict() == verdict).count();
        }
    }

    /** Where a running audit is: check {@code step} of {@code steps}, and what it is reading now. */
    public record Progress(int step, int steps, String check, String detail) {
    }

    /**
     * Peoplevox's on hand against Blue Cherry's, per SKU and site: how many pairs were compared, how many differ, the
     * units and (where Blue Cherry has a cost) the value of the differences, and the largest ones.
     */
    public record StockSummary(int pairs, int withVariance, long units, BigDecimal value, List<StockVariance> largest) {
    }

    /** One SKU at one site: Peoplevox on hand minus Blue Cherry on hand; value at Blue Cherry's std_cost (null: none). */
    public record StockVariance(String itemCode, String site, String location, long peoplevox, long blueCherry,
                                long variance, BigDecimal value) {
    }

    /** The verdict counting only finished checks; null while none has finished. */
    static Verdict verdictOf(List<CheckResult> checks) {
        return checks.stream().map(CheckResult::verdict).reduce(Verdict::and).orElse(null);
    }
}

package io.cherrypick.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.cherrypick.ops.FlowHealth;
import io.cherrypick.peoplevox.PeoplevoxProperties;

/**
 * Capacity: how long the work waiting for Peoplevox, and a first item sync, take under Peoplevox's rate limit (the
 * configured pace, cherrypick.peoplevox.rate-limit.requests per period), at the calls per record the flows make: two
 * SaveData per batch of picks (headers, lines), one per 100 item rows, one per batch of amendments or return
 * authorisations.
 */
@Component
@Order(8)
class CapacityChecks implements SetupCheck {
    private final PeoplevoxProperties peoplevox;
    private final FlowHealth health;
    private final Environment env;

    CapacityChecks(PeoplevoxProperties peoplevox, FlowHealth health, Environment env) {
        this.peoplevox = peoplevox;
        this.health = health;
        this.env = env;
    }

    @Override
    public String name() {
        return "Capacity";
    }

    /** Work for Peoplevox: how many records, and the calls they take. */
    private record Work(String what, long records, long calls) {
        @Override
        public String toString() {
            return records + " " + what + ": " + calls + " call" + (calls == 1 ? "" : "s");
        }
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        int orderBatch = env.getProperty("cherrypick.flows.sales-order.batch-size", Integer.class, 100);
        int itemRows = env.getProperty("cherrypick.flows.item.rows-per-call", Integer.class, 100);
        Duration limit = audit.setup().capacityWarnAfter();
        String pace = peoplevox.rateLimit().budget() + " calls per " + peoplevox.rateLimit().period().toSeconds() + " s";
        String fix = "Peoplevox's rate limit is the bottleneck: send in full batches (the flows do), spread a first sync"
                + " over a quiet period, or ask Peoplevox for a higher limit for the go-live.";
        return List.of(
                audit.check("capacity.backlog", Section.CAPACITY, "The work waiting for Peoplevox, under the rate limit",
                        c -> {
                            c.reads("this audit's counts (SKUs missing in Peoplevox, released picks not in Peoplevox) and"
                                    + " Cherrypick's hand-off queues, at " + pace).fix(fix);
                            Map<String, Integer> backlog = health.flows().stream()
                                    .collect(Collectors.toMap(FlowHealth.Flow::flow, FlowHealth.Flow::backlog));
                            List<Work> work = new ArrayList<>();
                            work.add(new Work("SKUs missing in Peoplevox", found(audit, "catalogue.missing-in-peoplevox"),
                                    batches(found(audit, "catalogue.missing-in-peoplevox"), itemRows)));
                            long picks = found(audit, "orders.not-in-peoplevox");
                            work.add(new Work("released picks not in Peoplevox", picks, 2 * batches(picks, orderBatch)));
                            long changes = backlog.getOrDefault("sales-order-change", 0);
                            work.add(new Work("order changes waiting", changes, 2 * batches(changes, orderBatch)));
                            long ras = backlog.getOrDefault("return-authorisation", 0);
                            work.add(new Work("return authorisations waiting", ras, batches(ras, 100)));
                            estimate(c, work, limit);
                        }),
                audit.check("capacity.first-item-sync", Section.CAPACITY, "A first item sync, under the rate limit", c -> {
                    c.reads("Blue Cherry styles (all), at " + pace).fix(fix);
                    long skus = audit.readings().skus().size();
                    estimate(c, List.of(new Work("Blue Cherry SKUs", skus, batches(skus, itemRows))), limit);
                }));
    }

    private void estimate(CheckResult.Builder c, List<Work> work, Duration limit) {
        long calls = work.stream().mapToLong(Work::calls).sum();
        Duration time = time(calls);
        c.checked((int) work.stream().mapToLong(Work::records).sum());
        String total = calls + " Peoplevox call" + (calls == 1 ? "" : "s") + ", about " + words(time) + " at the pace";
        c.verdict(time.compareTo(limit) > 0 ? Verdict.WARN : Verdict.PASS, total + (time.compareTo(limit) > 0
                ? ", longer than " + words(limit) + " (cherrypick.setup.capacity-warn-after)" : ""));
        work.stream().filter(w -> w.records() > 0).forEach(w -> c.verdict(Verdict.PASS, w.toString()));
    }

    /** How long {@code calls} take at the configured pace. */
    Duration time(long calls) {
        double perSecond = peoplevox.rateLimit().budget() / (double) Math.max(1, peoplevox.rateLimit().period().toMillis())
                * 1000;
        return Duration.ofSeconds(Math.round(calls / perSecond));
    }

    private static long found(AuditContext audit, String check) {
        return audit.result(check).map(CheckResult::found).orElse(0);
    }

    private static long batches(long records, int size) {
        return (records + size - 1) / size;
    }

    static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes == 0) {
            return d.toSeconds() + " s";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}

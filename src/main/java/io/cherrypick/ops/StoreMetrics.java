package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business gauges for Prometheus, read from the store every {@code cherrypick.metrics.refresh} ms (15 s), not on every
 * scrape: orders by lifecycle state, stuck orders by state, open exceptions by category, per-flow backlog and age of the
 * oldest waiting record.
 */
@Component
public class StoreMetrics {
    private final OrderLifecycleStore lifecycle;
    private final ExceptionStore exceptions;
    private final FlowHealth health;
    private final StuckOrders stuck;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public StoreMetrics(OrderLifecycleStore lifecycle, ExceptionStore exceptions, FlowHealth health, StuckOrders stuck,
                        MeterRegistry meters) {
        this.lifecycle = lifecycle;
        this.exceptions = exceptions;
        this.health = health;
        this.stuck = stuck;
        this.meters = meters;
        for (LifecycleState s : LifecycleState.values()) {
            gauge("cherrypick.orders", "state", s.name());
        }
        for (Category c : Category.values()) {
            gauge("cherrypick.exceptions.open", "category", c.name());
        }
    }

    @Scheduled(fixedDelayString = "${cherrypick.metrics.refresh}", initialDelay = 5000) // default in application.yml
    public void refresh() {
        lifecycle.countByState().forEach((state, n) -> gauge("cherrypick.orders", "state", state.name()).set(n));
        stuck.counts().forEach((state, n) -> gauge("cherrypick.orders.stuck", "state", state.name()).set(n));
        Map<String, Integer> open = exceptions.openByCategory();
        for (Category c : Category.values()) {
            gauge("cherrypick.exceptions.open", "category", c.name()).set(open.getOrDefault(c.name(), 0));
        }
        for (FlowHealth.Flow f : health.flows()) {
            gauge("cherrypick.flow.backlog", "flow", f.flow()).set(f.backlog());
            gauge("cherrypick.flow.oldest.pending.seconds", "flow", f.flow())
                    .set(f.oldestWaitingSeconds() == null ? 0 : f.oldestWaitingSeconds());
        }
        for (FlowHealth.Pull p : health.pulls()) {
            gauge("cherrypick.pull.since.success.seconds", "route", p.route())
                    .set(p.lastSuccess() == null ? 0 : Duration.between(p.lastSuccess(), Instant.now()).toSeconds());
        }
    }

    private AtomicLong gauge(String name, String tag, String value) {
        return values.computeIfAbsent(name + "|" + tag + "|" + value, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).tag(tag, value).register(meters);
            return holder;
        });
    }
}

package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;

/**
 * An order's journey as steps: each step it reached, when, and how long after the step before; the last step's time
 * runs on until now while the order is not finished. Customer service reads it as "where is this order, since when".
 */
public final class OrderTimeline {
    /**
     * One step: {@code step} is the lifecycle state it entered ({@code RECEIVED} for the arrival from Blue Cherry),
     * {@code label} its plain name, {@code sincePreviousSeconds} null for the first step.
     */
    public record Step(String step, String label, Instant at, Long sincePreviousSeconds) {
    }

    /**
     * The steps in time order, where the order is now, for how long ({@code inStateSeconds}), and whether it is
     * finished.
     */
    public record Timeline(List<Step> steps, String state, String stateLabel, String stateMeaning, long inStateSeconds,
                           boolean finished) {
    }

    public static final String RECEIVED = "RECEIVED";

    private OrderTimeline() {
    }

    public static Timeline of(OrderLifecycle o, Instant now) {
        List<Step> reached = new ArrayList<>();
        add(reached, RECEIVED, "Taken from Blue Cherry", o.receivedAt());
        add(reached, LifecycleState.HELD_IN_BLUE_CHERRY, o.heldAt());
        add(reached, LifecycleState.RELEASED_TO_PEOPLEVOX, o.releasedAt());
        add(reached, LifecycleState.ACKNOWLEDGED, o.acknowledgedAt());
        add(reached, LifecycleState.ALLOCATED, o.allocatedAt());
        add(reached, LifecycleState.PICKING, o.pickingAt());
        add(reached, LifecycleState.DESPATCHED, o.despatchedAt());
        add(reached, LifecycleState.CONFIRMED_IN_BLUE_CHERRY, o.confirmedAt());
        add(reached, LifecycleState.CANCELLED, o.cancelledAt());
        reached.sort(Comparator.comparing(Step::at)); // stable: steps at one instant keep the lifecycle's order
        List<Step> steps = new ArrayList<>();
        Instant previous = null;
        for (Step s : reached) {
            steps.add(new Step(s.step(), s.label(), s.at(),
                    previous == null ? null : Duration.between(previous, s.at()).toSeconds()));
            previous = s.at();
        }
        boolean finished = o.state() == LifecycleState.CONFIRMED_IN_BLUE_CHERRY || o.state() == LifecycleState.CANCELLED
                || o.state() == LifecycleState.SKIPPED;
        Instant since = o.inStateSince();
        long inState = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
        PlainWords.Word word = PlainWords.word(PlainWords.ORDER_STATE, o.state().name());
        return new Timeline(steps, o.state().name(), word.plain(), word.meaning(), inState, finished);
    }

    private static void add(List<Step> steps, LifecycleState state, Instant at) {
        add(steps, state.name(), PlainWords.plain(PlainWords.ORDER_STATE, state), at);
    }

    private static void add(List<Step> steps, String step, String label, Instant at) {
        if (at != null) {
            steps.add(new Step(step, label, at, null));
        }
    }
}

package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;

/**
 * Orders that stay in a lifecycle state longer than its limit ({@link OpsProperties}): what ops and customer
 * service chase before the customer does. Each one says what it waits for, so the reader knows whom to ask.
 */
@Service
public class StuckOrders {
    /** The most stuck orders a list shows (the longest-waiting ones). */
    public static final int MAX_LISTED = 10_000;

    private final OrderLifecycleStore lifecycle;
    private final OpsProperties props;

    public StuckOrders(OrderLifecycleStore lifecycle, OpsProperties props) {
        this.lifecycle = lifecycle;
        this.props = props;
    }

    /** One stuck pick: where it is, since when, the limit it passed and what it waits for. */
    public record StuckOrder(String pickNum, String ordNum, String customer, String bcLocation, String pvxSite,
                             LifecycleState state, Instant since, long minutesInState, long limitMinutes,
                             boolean exceptionOpen, String waitingFor, String note) {
    }

    /** Stuck picks, the longest-waiting first; {@code state} null for every state. */
    public List<StuckOrder> list(LifecycleState state, int limit) {
        Instant now = Instant.now();
        List<StuckOrder> stuck = new ArrayList<>();
        props.stuckAfter().forEach((s, after) -> {
            if (state == null || state == s) {
                for (OrderLifecycle o : lifecycle.inStateSince(s, now.minus(after), limit)) {
                    stuck.add(describe(o, after, now));
                }
            }
        });
        stuck.sort(Comparator.comparing(StuckOrder::since).thenComparing(StuckOrder::pickNum));
        return stuck.size() <= limit ? stuck : List.copyOf(stuck.subList(0, limit));
    }

    /** How many picks are stuck in each state that has a limit. */
    public Map<LifecycleState, Integer> counts() {
        Instant now = Instant.now();
        Map<LifecycleState, Integer> counts = new EnumMap<>(LifecycleState.class);
        props.stuckAfter().forEach((s, after) -> counts.put(s, lifecycle.countInStateSince(s, now.minus(after))));
        return counts;
    }

    private static StuckOrder describe(OrderLifecycle o, Duration after, Instant now) {
        Instant since = o.inStateSince();
        return new StuckOrder(o.pickNum(), o.ordNum(), o.customer(), o.bcLocation(), o.pvxSite(), o.state(), since,
                Duration.between(since, now).toMinutes(), after.toMinutes(), o.exceptionOpen(), waitingFor(o.state()),
                o.note());
    }

    static String waitingFor(LifecycleState state) {
        return switch (state) {
            case QUEUED_IN_CHERRYPICK -> "Cherrypick to send it to Peoplevox: is the sales-order-to-wms route running?";
            case HELD_IN_BLUE_CHERRY -> "a person: fix the cause named in its open exception, then replay it";
            case RELEASED_TO_PEOPLEVOX -> "Peoplevox to accept it: sent, but no answer recorded";
            case ACKNOWLEDGED -> "the warehouse to allocate stock to it";
            case ALLOCATED -> "the warehouse to start picking it";
            case PICKING -> "the warehouse to despatch it";
            case DESPATCHED -> "its despatch to be confirmed in Blue Cherry (despatch-to-blue-cherry, see its exceptions)";
            case CONFIRMED_IN_BLUE_CHERRY, CANCELLED -> "nothing: it is finished";
            case SKIPPED -> "nothing: a step of the order route chose not to send it (see the note)";
        };
    }
}

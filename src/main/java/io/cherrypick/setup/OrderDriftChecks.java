package io.cherrypick.setup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.flow.despatch.DespatchProperties;
import io.cherrypick.flow.order.SalesOrderProperties;
import io.cherrypick.mapping.MappingFunctions;
import io.cherrypick.mapping.MappingSource;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.runtime.FlowSwitch;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.WarehouseStatuses;

/**
 * Order drift: Blue Cherry's pick tickets (every open one, and every one changed within the lookback) against
 * Peoplevox's sales orders (those created within the lookback, and the others looked up by number): released picks not
 * in Peoplevox, Peoplevox orders no pick ticket explains, orders cancelled on one side only, and despatches Blue Cherry
 * has not heard of. Cherrypick's own order lifecycle (read only) says which picks it has seen and since when a despatch
 * waits, so work in flight is not reported.
 */
@Component
@Order(5)
class OrderDriftChecks implements SetupCheck {
    private static final DateTimeFormatter BLUE_CHERRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SalesOrderProperties orders;
    private final DespatchProperties despatch;
    private final OpsProperties ops;
    private final OrderLifecycleStore lifecycle;
    private final FlowSwitch flows;
    private final Mappings mappings;

    OrderDriftChecks(SalesOrderProperties orders, DespatchProperties despatch, OpsProperties ops,
                     OrderLifecycleStore lifecycle, FlowSwitch flows, Mappings mappings) {
        this.orders = orders;
        this.despatch = despatch;
        this.ops = ops;
        this.lifecycle = lifecycle;
        this.flows = flows;
        this.mappings = mappings;
    }

    @Override
    public String name() {
        return "Order drift";
    }

    /** Both sides, matched by pick number = SalesOrderNumber; {@code channel}: the channel name Cherrypick's orders carry. */
    private record Sides(Map<String, Pick> picks, Map<String, Map<String, String>> peoplevox,
                         List<Map<String, String>> unexplained, String channel) {
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        Supplier<Sides> sides = () -> audit.readings().once("order drift", () -> sides(audit));
        String reads = "Blue Cherry pick tickets (open, and changed in the last " + audit.setup().ordersLookback().toDays()
                + " days), Peoplevox Sales orders (created in that time, the others by number), Cherrypick's order lifecycle";
        return List.of(
                audit.check("orders.not-in-peoplevox", Section.ORDERS, "Released picks not in Peoplevox", c -> {
                    notInPeoplevox(audit, sides.get(), c.reads(reads));
                }),
                audit.check("orders.unknown-to-bluecherry", Section.ORDERS, "Peoplevox orders unknown to Blue Cherry", c -> {
                    unknownToBlueCherry(sides.get(), c.reads(reads));
                }),
                audit.check("orders.cancelled-in-one", Section.ORDERS, "Cancelled in one system, open or despatched in the"
                        + " other", c -> {
                    cancelledInOne(audit, sides.get(), c.reads(reads));
                }),
                audit.check("orders.despatched-not-confirmed", Section.ORDERS, "Despatched in Peoplevox, not confirmed in"
                        + " Blue Cherry", c -> {
                    despatchedNotConfirmed(audit, sides.get(), c.reads(reads));
                }));
    }

    private Sides sides(AuditContext audit) {
        Readings readings = audit.readings();
        String channel = channelName();
        Map<String, Pick> picks = new LinkedHashMap<>();
        readings.picks().forEach(p -> picks.put(p.getPickNum(), p));
        Map<String, Map<String, String>> peoplevox = new LinkedHashMap<>(readings.orders());
        List<String> notSeen = picks.keySet().stream().filter(n -> !peoplevox.containsKey(n)).toList();
        audit.progress().detail("Peoplevox Sales orders: looking up " + notSeen.size() + " pick(s) by number");
        peoplevox.putAll(readings.ordersByNumber(notSeen));
        List<String> unknown = peoplevox.entrySet().stream()
                .filter(e -> !picks.containsKey(e.getKey()) && ours(e.getValue(), channel)).map(Map.Entry::getKey).toList();
        audit.progress().detail("Blue Cherry pick tickets: looking up " + unknown.size() + " order(s) by number");
        Map<String, Pick> older = readings.picksByNumber(unknown);
        picks.putAll(older);
        List<Map<String, String>> unexplained = new ArrayList<>();
        unknown.stream().filter(n -> !older.containsKey(n)).forEach(n -> unexplained.add(peoplevox.get(n)));
        return new Sides(picks, peoplevox, unexplained, channel);
    }

    /**
     * The ChannelName the order mapping gives every order (routes/mappings/sales-order.yaml, part header), when it is
     * the same for every pick; empty when the mapping writes none, or takes it from the pick.
     */
    private String channelName() {
        MappingSource noPick = new MappingSource() {
            @Override
            public String value(String name) {
                return "";
            }

            @Override
            public List<? extends MappingSource> each(String collection) {
                return List.of();
            }
        };
        return mappings.file("sales-order").map(noPick, new MappingFunctions((kind, value) -> null)).row("header")
                .getOrDefault("ChannelName", "").trim();
    }

    /** An order of Cherrypick's channel (every order, when the orders carry no channel name). */
    private static boolean ours(Map<String, String> order, String ourChannel) {
        String channel = order.get("ChannelName");
        return ourChannel.isEmpty() || channel == null || channel.isBlank() || channel.trim().equalsIgnoreCase(ourChannel);
    }

    private void notInPeoplevox(AuditContext audit, Sides sides, CheckResult.Builder c) {
        boolean orderFlow = flows.enabled("sales-order");
        c.fix("A pick Cherrypick holds is in the exceptions with what to fix (console: Exceptions; the pick's state says"
                + " why); then replay it. A pick Cherrypick has not pulled yet goes with the order flow's next pulls"
                + (orderFlow ? "." : ", once the order flow is on (cherrypick.flows.sales-order.enabled)."));
        for (Pick pick : sides.picks().values()) {
            if (!audit.readings().isOpen(pick)) {
                continue;
            }
            c.checked(1);
            if (sides.peoplevox().containsKey(pick.getPickNum()) || recent(pick, audit.setup().ordersGrace())) {
                continue;
            }
            Optional<OrderLifecycle> known = lifecycle.findPick(pick.getPickNum());
            String what = "Pick " + pick.getPickNum() + " (location " + pick.getLocation() + ", last changed "
                    + pick.getLastMod() + ") is not in Peoplevox: ";
            if (known.isPresent()) {
                c.problem(Verdict.FAIL, what + "Cherrypick has it as " + known.get().state()
                        + (known.get().note() == null ? "" : " (" + known.get().note() + ")"));
            } else {
                c.problem(orderFlow ? Verdict.WARN : Verdict.FAIL, what + "Cherrypick has not pulled it yet");
            }
        }
    }

    private void unknownToBlueCherry(Sides sides, CheckResult.Builder c) {
        c.fix("An order in Peoplevox that no Blue Cherry pick ticket explains was made by hand or by another system under"
                + " Cherrypick's channel name (" + sides.channel() + "): its despatch cannot be confirmed in Blue"
                + " Cherry. Cancel it in Peoplevox, or create its pick ticket in Blue Cherry.");
        c.checked((int) sides.peoplevox().values().stream().filter(o -> ours(o, sides.channel())).count());
        for (Map<String, String> order : sides.unexplained()) {
            c.problem(Verdict.FAIL, "Peoplevox order " + order.get("SalesOrderNumber") + " (status "
                    + order.getOrDefault("Status", "?") + ", created " + order.getOrDefault("CreatedDate", "?")
                    + ") has no Blue Cherry pick ticket");
        }
    }

    private void cancelledInOne(AuditContext audit, Sides sides, CheckResult.Builder c) {
        c.fix("Cancel it on the other side too, or reinstate it where it was cancelled by mistake. An order cancelled in"
                + " Blue Cherry after the cut-off is an AFTER_CUTOFF exception for customer service and the warehouse.");
        for (Pick pick : sides.picks().values()) {
            Map<String, String> order = sides.peoplevox().get(pick.getPickNum());
            if (order == null) {
                continue;
            }
            c.checked(1);
            Optional<LifecycleState> state = WarehouseStatuses.stateFor(despatch.statuses(), order.get("Status"));
            boolean cancelledThere = state.filter(s -> s == LifecycleState.CANCELLED).isPresent();
            boolean cancelledHere = cancelled(pick);
            if (cancelledHere && !cancelledThere && !recent(pick, audit.setup().ordersGrace())) {
                c.problem(Verdict.FAIL, "Pick " + pick.getPickNum() + " is cancelled in Blue Cherry (ord_status "
                        + pick.getOrdStatus() + ") but " + order.getOrDefault("Status", "open") + " in Peoplevox");
            } else if (cancelledThere && !cancelledHere) {
                c.problem(Verdict.FAIL, "Order " + pick.getPickNum() + " is cancelled in Peoplevox but "
                        + (audit.readings().isOpen(pick) ? "open" : "shipped") + " (ord_status " + pick.getOrdStatus()
                        + ") in Blue Cherry");
            }
        }
    }

    private void despatchedNotConfirmed(AuditContext audit, Sides sides, CheckResult.Builder c) {
        Duration wait = ops.stuckAfter().getOrDefault(LifecycleState.DESPATCHED, Duration.ofHours(2));
        c.fix("The despatch flow confirms a despatch in Blue Cherry within minutes: see the despatch flow's exceptions"
                + " (console: Exceptions, flow despatch) and replay them" + (flows.enabled("despatch") ? "."
                : "; the despatch flow is off (cherrypick.flows.despatch.enabled)."));
        for (Pick pick : sides.picks().values()) {
            Map<String, String> order = sides.peoplevox().get(pick.getPickNum());
            if (order == null) {
                continue;
            }
            c.checked(1);
            boolean despatched = WarehouseStatuses.stateFor(despatch.statuses(), order.get("Status"))
                    .filter(s -> s == LifecycleState.DESPATCHED).isPresent();
            if (!despatched || !audit.readings().isOpen(pick)) {
                continue;
            }
            Instant since = lifecycle.findPick(pick.getPickNum()).map(OrderLifecycle::despatchedAt).orElse(null);
            if (since != null && since.isAfter(Instant.now().minus(wait))) {
                continue; // on its way: the stuck-order limit for DESPATCHED has not passed
            }
            c.problem(Verdict.FAIL, "Order " + pick.getPickNum() + " is despatched in Peoplevox"
                    + (since == null ? "" : " (since " + since + ")") + " but still open (ord_status " + pick.getOrdStatus()
                    + ") in Blue Cherry");
        }
    }

    private boolean cancelled(Pick pick) {
        return orders.cancelledStatuses().stream().anyMatch(s -> s.trim().equalsIgnoreCase(pick.getOrdStatus()));
    }

    /** Changed within the grace period: it may still be on its way. */
    private static boolean recent(Pick pick, Duration grace) {
        try {
            return LocalDateTime.parse(pick.getLastMod(), BLUE_CHERRY_TIME).isAfter(LocalDateTime.now().minus(grace));
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }
}

package io.cherrypick.ops.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.ops.FlowHealth;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.ops.StuckOrders;
import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.Timestamps;

/**
 * Every list of the console, each defined once (columns, filters, order): {@code GET /api/lists/<name>} serves a page
 * of it or, with {@code format=csv}, all of it. A flow that adds records of its own (say purchase orders) adds a
 * {@link ConsoleList} bean: it is served beside these.
 */
@Component
public class ConsoleLists {
    private static final String LINK_ORDER = "order";
    private static final String LINK_EXCEPTION = "exception";
    private static final String LINK_RETURN = "return";
    private static final String LINK_SEARCH = "search";

    private final Map<String, ConsoleList> lists = new LinkedHashMap<>();
    private final OpsProperties props;

    public ConsoleLists(NamedParameterJdbcTemplate jdbc, StuckOrders stuck, FlowHealth health, OpsProperties props,
                        ObjectProvider<ConsoleList> more) {
        this.props = props;
        add(exceptions(jdbc));
        add(orders(jdbc));
        add(stuckOrders(stuck));
        add(despatches(jdbc));
        add(returns(jdbc));
        add(returnReceipts(jdbc));
        add(flows(health));
        add(records(jdbc));
        add(despatchedNotConfirmed(jdbc));
        add(stockVariances(jdbc));
        add(mappings(jdbc));
        add(alerts(jdbc));
        add(audit(jdbc));
        more.orderedStream().forEach(this::add);
    }

    public Optional<ConsoleList> find(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    public Collection<ConsoleList> all() {
        return lists.values();
    }

    private void add(ConsoleList list) {
        if (lists.putIfAbsent(list.name(), list) != null) {
            throw new IllegalStateException("two console lists are named " + list.name());
        }
    }

    private static SqlList exceptions(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "exceptions", "Exceptions", "integration_exception", "last_seen desc, id desc")
                .column(new Column("id", "No.", Column.NUMBER, null, LINK_EXCEPTION), "id")
                .column(Column.word("flow", "Flow", PlainWords.FLOW), "flow")
                .column(Column.link("businessKey", "Record", LINK_SEARCH), "business_key")
                .column(Column.word("category", "Problem", PlainWords.CATEGORY), "category")
                .column(Column.word("owner", "For", PlainWords.OWNER), "owner")
                .column(Column.text("message", "What happened"), "message")
                .column(Column.number("attempts", "Times seen"), "attempts")
                .column(Column.time("firstSeen", "First seen"), "first_seen")
                .column(Column.time("lastSeen", "Last seen"), "last_seen")
                .column(Column.word("status", "Status", PlainWords.EXCEPTION_STATUS), "status")
                .filter(SqlList.Condition.equal(Filter.choice("status", "Status", PlainWords.EXCEPTION_STATUS,
                        List.of(ExceptionRecord.OPEN, ExceptionRecord.REPLAYED, ExceptionRecord.RESOLVED,
                                ExceptionRecord.DISCARDED)), "status"))
                .filter(SqlList.Condition.equal(Filter.choice("category", "Problem", PlainWords.CATEGORY,
                        names(Category.values())), "category"))
                .filter(SqlList.Condition.equal(Filter.choice("owner", "For", PlainWords.OWNER, names(Owner.values())),
                        "owner"))
                .filter(SqlList.Condition.equal(Filter.text("flow", "Flow"), "flow"))
                .filter(SqlList.Condition.equal(Filter.text("key", "Record (pick, despatch, SKU...)"), "business_key"))
                .build();
    }

    private static SqlList orders(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "orders", "Orders", "order_lifecycle", "updated_at desc, pick_num")
                .column(Column.link("pickNum", "Pick", LINK_ORDER), "pick_num")
                .column(Column.text("ordNum", "Order"), "ord_num")
                .column(Column.text("poNum", "Customer PO"), "po_num")
                .column(Column.text("customer", "Customer"), "customer")
                .column(Column.text("bcLocation", "Location"), "bc_location")
                .column(Column.text("pvxSite", "Warehouse site"), "pvx_site")
                .column(Column.word("state", "Where it is", PlainWords.ORDER_STATE), "state")
                .column(Column.yesNo("exceptionOpen", "Open exception"), "exception_open")
                .column(Column.time("updatedAt", "Last change"), "updated_at")
                .filter(SqlList.Condition.equal(Filter.choice("state", "Where it is", PlainWords.ORDER_STATE,
                        names(LifecycleState.values())), "state"))
                .filter(yesNo(Filter.yesNo("exception", "Open exception"), "exception_open"))
                .filter(SqlList.Condition.equal(Filter.text("location", "Location"), "bc_location"))
                .filter(SqlList.Condition.equal(Filter.text("site", "Warehouse site"), "pvx_site"))
                .filter(SqlList.Condition.equal(Filter.text("customer", "Customer"), "customer"))
                .build();
    }

    private static MemoryList stuckOrders(StuckOrders stuck) {
        return new MemoryList("stuck-orders", "Stuck orders", List.of(
                Column.link("pickNum", "Pick", LINK_ORDER), Column.text("ordNum", "Order"), Column.text("customer", "Customer"),
                Column.word("state", "Where it is", PlainWords.ORDER_STATE), Column.time("since", "Since"),
                Column.number("minutesInState", "Minutes there"), Column.number("limitMinutes", "Limit (minutes)"),
                Column.text("pvxSite", "Warehouse site"), Column.text("waitingFor", "Waiting for"),
                Column.yesNo("exceptionOpen", "Open exception")),
                List.of(Filter.choice("state", "Where it is", PlainWords.ORDER_STATE, names(LifecycleState.values()))),
                filters -> {
                    String state = filters.get("state");
                    return stuck.list(state == null || state.isBlank() ? null : LifecycleState.valueOf(state.trim()),
                            StuckOrders.MAX_LISTED).stream().map(o -> row(
                                    "pickNum", o.pickNum(), "ordNum", o.ordNum(), "customer", o.customer(),
                                    "state", o.state().name(), "since", o.since(), "minutesInState", o.minutesInState(),
                                    "limitMinutes", o.limitMinutes(), "pvxSite", o.pvxSite(), "waitingFor", o.waitingFor(),
                                    "exceptionOpen", o.exceptionOpen())).toList();
                });
    }

    private static SqlList despatches(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "despatches", "Despatches",
                        "despatch d left join order_lifecycle l on l.pick_num = d.pick_num", "d.created_at desc, d.id desc")
                .column(Column.link("despatchNumber", "Despatch", LINK_SEARCH), "d.despatch_number")
                .column(Column.link("pickNum", "Pick", LINK_ORDER), "d.pick_num")
                .column(Column.text("ordNum", "Order"), "l.ord_num")
                .column(Column.number("units", "Units"), "d.units")
                .column(Column.word("state", "Order is", PlainWords.ORDER_STATE), "l.state")
                .column(Column.time("createdAt", "Heard of"), "d.created_at")
                .filter(SqlList.Condition.equal(Filter.text("pick", "Pick"), "d.pick_num"))
                .filter(SqlList.Condition.equal(Filter.text("despatch", "Despatch"), "d.despatch_number"))
                .build();
    }

    private static SqlList returns(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "returns", "Returns", "return_authorisation", "updated_at desc, ra_num")
                .column(Column.link("raNum", "RA", LINK_RETURN), "ra_num")
                .column(Column.text("ordNum", "Order"), "ord_num")
                .column(Column.link("pickNum", "Pick", LINK_ORDER), "pick_num")
                .column(Column.text("customer", "Customer"), "customer")
                .column(Column.text("bcLocation", "Location"), "bc_location")
                .column(Column.word("state", "Where it is", PlainWords.RETURN_STATE), "state")
                .column(Column.yesNo("exceptionOpen", "Open exception"), "exception_open")
                .column(Column.time("updatedAt", "Last change"), "updated_at")
                .filter(SqlList.Condition.equal(Filter.choice("state", "Where it is", PlainWords.RETURN_STATE,
                        names(ReturnState.values())), "state"))
                .filter(yesNo(Filter.yesNo("exception", "Open exception"), "exception_open"))
                .build();
    }

    private static SqlList returnReceipts(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "return-receipts", "Returns received by the warehouse", "return_receipt",
                        "received_at desc, id desc")
                .column(Column.link("returnCode", "Return", LINK_SEARCH), "return_code")
                .column(Column.text("itemCode", "Item"), "item_code")
                .column(Column.number("quantity", "Quantity"), "quantity")
                .column(Column.link("salesOrderNumber", "Pick", LINK_ORDER), "sales_order_number")
                .column(Column.link("rmaNumber", "RA", LINK_RETURN), "rma_number")
                .column(Column.text("condition", "Condition"), "return_condition")
                .column(Column.text("disposition", "Disposition"), "disposition")
                .column(Column.word("state", "Where it is", PlainWords.RECEIPT_STATE), "state")
                .column(Column.text("note", "Note"), "note")
                .column(Column.time("receivedAt", "Received"), "received_at")
                .column(Column.time("confirmedAt", "Credited"), "confirmed_at")
                .filter(SqlList.Condition.equal(Filter.choice("state", "Where it is", PlainWords.RECEIPT_STATE,
                        names(ReceiptState.values())), "state"))
                .filter(SqlList.Condition.equal(Filter.text("ra", "RA"), "rma_number"))
                .build();
    }

    private static MemoryList flows(FlowHealth health) {
        return new MemoryList("flows", "Flows", List.of(
                Column.word("flow", "Flow", PlainWords.FLOW), Column.number("backlog", "Waiting"),
                Column.number("oldestWaitingSeconds", "Oldest waiting (s)"), Column.time("lastSent", "Last done"),
                Column.number("openExceptions", "Open exceptions")), List.of(),
                filters -> health.flows().stream().map(f -> row("flow", f.flow(), "backlog", f.backlog(),
                        "oldestWaitingSeconds", f.oldestWaitingSeconds(), "lastSent", f.lastSent(),
                        "openExceptions", f.openExceptions())).toList());
    }

    private static SqlList records(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "records", "Records of a flow", "handoff", "id desc")
                .column(Column.number("id", "No."), "id")
                .column(Column.word("queue", "Flow", PlainWords.FLOW), "queue")
                .column(Column.link("key", "Record", LINK_SEARCH), "record_key")
                .column(Column.text("revision", "Revision"), "revision")
                .column(Column.word("status", "Status", PlainWords.RECORD_STATUS), "status")
                .column(Column.number("attempts", "Tries"), "attempts")
                .column(Column.time("nextAttemptAt", "Next try"), "next_attempt_at")
                .column(Column.time("createdAt", "Stored"), "created_at")
                .column(Column.time("updatedAt", "Last change"), "updated_at")
                .column(Column.text("note", "Note"), "note")
                .filter(SqlList.Condition.equal(Filter.text("flow", "Flow"), "queue"))
                .filter(SqlList.Condition.equal(Filter.choice("status", "Status", PlainWords.RECORD_STATUS,
                        List.of("PENDING", "CLAIMED", "DONE", "SKIPPED", "HELD", "FAILED", "SUPERSEDED")), "status"))
                .filter(SqlList.Condition.equal(Filter.text("key", "Record"), "record_key"))
                .build();
    }

    private SqlList despatchedNotConfirmed(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "despatched-not-confirmed", "Despatched, not yet confirmed in Blue Cherry (not invoiced)",
                        "order_lifecycle", "despatched_at, pick_num")
                .where("state = 'DESPATCHED'")
                .column(Column.link("pickNum", "Pick", LINK_ORDER), "pick_num")
                .column(Column.text("ordNum", "Order"), "ord_num")
                .column(Column.text("customer", "Customer"), "customer")
                .column(Column.text("bcLocation", "Location"), "bc_location")
                .column(Column.text("pvxSite", "Warehouse site"), "pvx_site")
                .column(Column.time("despatchedAt", "Despatched"), "despatched_at")
                .column(Column.yesNo("exceptionOpen", "Open exception"), "exception_open")
                .filter(new SqlList.Condition(Filter.text("from", "Despatched from (yyyy-mm-dd)"), "despatched_at >= :from",
                        v -> Timestamps.utc(day("from", v).atStartOfDay(props.reportZone()).toInstant())))
                .filter(new SqlList.Condition(Filter.text("to", "to (yyyy-mm-dd, included)"), "despatched_at < :to",
                        v -> Timestamps.utc(day("to", v).plusDays(1).atStartOfDay(props.reportZone()).toInstant())))
                .build();
    }

    private static SqlList stockVariances(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "stock-variances", "Stock variances (last reconciliation)", "stock_variance",
                        "has_variance desc, item_code, site")
                .column(Column.text("itemCode", "SKU"), "item_code")
                .column(Column.text("site", "Warehouse site"), "site")
                .column(Column.text("bcLocation", "Location"), "bc_location")
                .column(Column.number("pvxOnHand", "On hand in Peoplevox"), "pvx_on_hand")
                .column(Column.number("pvxAvailable", "Available in Peoplevox"), "pvx_available")
                .column(Column.number("bcToldOnHand", "Told to Blue Cherry"), "bc_told_on_hand")
                .column(Column.number("bcVariance", "Blue Cherry variance"), "bc_variance")
                .column(Column.number("channelVariance", "Channel variance"), "channel_variance")
                .column(Column.yesNo("corrected", "Corrected"), "corrected")
                .column(Column.time("reconciledAt", "Reconciled"), "reconciled_at")
                .filter(SqlList.Condition.equal(Filter.text("site", "Warehouse site"), "site"))
                .filter(SqlList.Condition.equal(Filter.text("sku", "SKU"), "item_code"))
                .filter(yesNo(Filter.yesNo("variance", "With a variance"), "has_variance"))
                .build();
    }

    private static SqlList mappings(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "mappings", "Mapping values", "value_mapping", "kind, source_value")
                .column(Column.text("kind", "Kind"), "kind")
                .column(Column.text("source", "From"), "source_value")
                .column(Column.text("target", "To"), "target_value")
                .column(Column.time("updatedAt", "Last change"), "updated_at")
                .filter(SqlList.Condition.equal(Filter.text("kind", "Kind"), "kind"))
                .build();
    }

    private static SqlList alerts(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "alerts", "Alerts told to the chat", "alert", "id desc")
                .column(Column.time("createdAt", "When"), "created_at")
                .column(Column.text("text", "Message"), "text")
                .column(Column.time("deliveredAt", "Delivered"), "delivered_at")
                .column(Column.number("attempts", "Tries"), "attempts")
                .column(Column.text("lastError", "Last error"), "last_error")
                .build();
    }

    private static SqlList audit(NamedParameterJdbcTemplate jdbc) {
        return SqlList.of(jdbc, "audit", "Audit log: who did what", "audit_log", "id desc")
                .column(Column.time("at", "When"), "at")
                .column(Column.text("actor", "Who"), "actor")
                .column(Column.word("action", "Did", PlainWords.ACTION), "action")
                .column(Column.text("targetType", "To a"), "target_type")
                .column(Column.text("targetId", "Which"), "target_id")
                .column(Column.text("detail", "Detail"), "detail")
                .filter(SqlList.Condition.equal(Filter.text("actor", "Who"), "actor"))
                .filter(SqlList.Condition.equal(Filter.text("action", "Did"), "action"))
                .build();
    }

    private static SqlList.Condition yesNo(Filter filter, String column) {
        return new SqlList.Condition(filter, column + " = :" + filter.name(), Filter.YES::equals);
    }

    private static LocalDate day(String filter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("filter " + filter + ": '" + value + "' is not a day (yyyy-mm-dd)");
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** A row from key, value pairs, in order (values may be null). */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}

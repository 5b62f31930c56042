package io.cherrypick.ops;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.ops.alert.AlertLog;
import io.cherrypick.ops.lists.Csv;
import io.cherrypick.security.Operator;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ValueMappingStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for support, CX and admins: exceptions (list, show with payload, replay one or many, resolve, discard),
 * order lifecycle lookup, stuck orders, reconciliation, alerts, flow health, mappings and the audit log. Every action
 * is recorded with the acting {@link Operator}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Operations", description = "Exceptions, orders, stuck orders, flows, mappings, reconciliation, alerts, audit")
public class OpsApiController {
    /** Exceptions one bulk action previews and acts on at most. */
    static final int MAX_BULK = 1000;

    private final ExceptionStore exceptions;
    private final ExceptionActions actions;
    private final OrderLifecycleStore lifecycle;
    private final FlowHealth health;
    private final ValueMappingStore mappings;
    private final AuditLog audit;
    private final StuckOrders stuck;
    private final AlertLog alerts;
    private final OrderReconciliation reconciliation;
    private final OrderDetails orderDetails;
    private final FixGuide fixGuide;

    public OpsApiController(ExceptionStore exceptions, ExceptionActions actions, OrderLifecycleStore lifecycle,
                            FlowHealth health, ValueMappingStore mappings, AuditLog audit, StuckOrders stuck,
                            AlertLog alerts, OrderReconciliation reconciliation, OrderDetails orderDetails,
                            FixGuide fixGuide) {
        this.exceptions = exceptions;
        this.actions = actions;
        this.lifecycle = lifecycle;
        this.health = health;
        this.mappings = mappings;
        this.audit = audit;
        this.stuck = stuck;
        this.alerts = alerts;
        this.reconciliation = reconciliation;
        this.orderDetails = orderDetails;
        this.fixGuide = fixGuide;
    }

    public record Reason(String reason) {
    }

    public record Mapping(String target) {
    }

    /** A bulk action on the exceptions a preview listed: {@code action} replay, resolve or discard. */
    public record Bulk(String action, List<Long> ids, String reason) {
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Exceptions, newest first, filtered by status, category, flow or record key")
    public List<ExceptionRecord> listExceptions(@RequestParam(required = false) String status,
                                                @RequestParam(required = false) String category,
                                                @RequestParam(required = false) String flow,
                                                @RequestParam(required = false) String key,
                                                @RequestParam(defaultValue = "100") int limit) {
        return exceptions.list(status, category, flow, key, Math.min(limit, 1000));
    }

    @GetMapping("/exceptions/{id}")
    @Operation(summary = "One exception with its original payload")
    public ResponseEntity<ExceptionRecord> exception(@PathVariable long id) {
        return ResponseEntity.of(exceptions.find(id));
    }

    @PostMapping("/exceptions/{id}/replay")
    @Operation(summary = "Queues the exception's record again (after the cause was fixed)")
    public ExceptionRecord replay(@PathVariable long id, Operator operator) {
        return actions.replay(id, operator.name());
    }

    @PostMapping("/exceptions/replay")
    @Operation(summary = "Replays every open exception of a category or flow")
    public ExceptionActions.BulkResult replayAll(@RequestParam(required = false) String category,
                                                 @RequestParam(required = false) String flow,
                                                 Operator operator) {
        return actions.replayAll(category, flow, operator.name());
    }

    @GetMapping("/exceptions/{id}/guide")
    @Operation(summary = "The guided fix of one exception: what its problem means, who owns it, the usual fix, when to"
            + " replay, and links to the record, mapping or item to change")
    public ResponseEntity<FixGuide.Fix> guide(@PathVariable long id) {
        return exceptions.find(id).map(e -> ResponseEntity.ok(fixGuide.of(e))).orElse(ResponseEntity.notFound().build());
    }

    /** What a bulk action would do to each exception matching the filter (at most {@code limit}); changes nothing. */
    @GetMapping("/exceptions/preview")
    @Operation(summary = "Preview of a bulk action (replay, resolve or discard): each exception matching the filter and"
            + " whether the action will act on it, or why not. Changes nothing")
    public ExceptionActions.Preview preview(@RequestParam String action,
                                            @RequestParam(defaultValue = ExceptionRecord.OPEN) String status,
                                            @RequestParam(required = false) String category,
                                            @RequestParam(required = false) String flow,
                                            @RequestParam(required = false) String key,
                                            @RequestParam(defaultValue = "1000") int limit) {
        return actions.preview(ExceptionActions.BulkAction.of(action),
                exceptions.list(status, category, flow, key, Math.max(1, Math.min(limit, MAX_BULK))));
    }

    /** Acts on the exceptions a preview listed, by id: nothing that arrived after the preview is touched. */
    @PostMapping("/exceptions/bulk")
    @Operation(summary = "Replays, resolves or discards the exceptions a preview listed (by id; resolve and discard need"
            + " a reason); each one is its own transaction with its audit entry")
    public ExceptionActions.BulkOutcome bulk(@RequestBody Bulk body, Operator operator) {
        if (body.ids() == null || body.ids().isEmpty() || body.ids().size() > MAX_BULK) {
            throw new ExceptionActions.NotActionable("field ids must list 1 to " + MAX_BULK + " exception ids");
        }
        return actions.apply(ExceptionActions.BulkAction.of(body.action()), body.ids(), operator.name(), body.reason());
    }

    @PostMapping("/exceptions/{id}/resolve")
    @Operation(summary = "Closes an exception as fixed, with the reason")
    public ExceptionRecord resolve(@PathVariable long id, @RequestBody Reason body,
                                   Operator operator) {
        return actions.close(id, ExceptionRecord.RESOLVED, operator.name(), body.reason());
    }

    @PostMapping("/exceptions/{id}/discard")
    @Operation(summary = "Closes an exception as not to be sent, with the reason")
    public ExceptionRecord discard(@PathVariable long id, @RequestBody Reason body,
                                   Operator operator) {
        return actions.close(id, ExceptionRecord.DISCARDED, operator.name(), body.reason());
    }

    /** "Where is this order?" by pick number or Blue Cherry order number, with the open exceptions of each pick. */
    @GetMapping("/orders/{number}")
    @Operation(summary = "Where is this order? By pick number or Blue Cherry order number: each pick's state, its steps"
            + " as a timeline with times and durations, whether it is stuck, its despatches, returns and exceptions")
    public ResponseEntity<List<Map<String, Object>>> order(@PathVariable String number) {
        List<OrderLifecycle> found = lifecycle.find(number);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(found.stream().map(orderDetails::of).toList());
    }

    /** Orders in one state past its limit ({@code cherrypick.ops.stuck-after}), the longest-waiting first. */
    @GetMapping("/orders/stuck")
    @Operation(summary = "Orders in one state past its limit, the longest-waiting first")
    public Map<String, Object> stuckOrders(@RequestParam(required = false) LifecycleState state,
                                           @RequestParam(defaultValue = "100") int limit) {
        return Map.of("counts", stuck.counts(), "orders", stuck.list(state, Math.max(1, Math.min(limit, 1000))));
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders by lifecycle state")
    public List<OrderLifecycle> orders(@RequestParam(required = false) LifecycleState state,
                                       @RequestParam(required = false) Boolean exception,
                                       @RequestParam(defaultValue = "100") int limit) {
        return lifecycle.list(state, exception, Math.min(limit, 1000));
    }

    @GetMapping("/flows")
    @Operation(summary = "Flow health: backlog, oldest waiting, pulls, systems down (their queues wait), orders by state,"
            + " open exceptions")
    public Map<String, Object> flows() {
        return Map.of("flows", health.flows(), "pulls", health.pulls(), "systems", health.systems(),
                "ordersByState", lifecycle.countByState(),
                "stuckOrdersByState", stuck.counts(), "openExceptionsByCategory", exceptions.openByCategory());
    }

    /** The mapping kinds that hold values, with how many each. */
    @GetMapping("/mappings")
    @Operation(summary = "The mapping kinds that hold values, with how many each")
    public Map<String, Integer> mappingKinds() {
        return mappings.kinds();
    }

    @GetMapping("/mappings/{kind}")
    @Operation(summary = "The values of one mapping kind")
    public Map<String, String> mappings(@PathVariable String kind) {
        return mappings.all(kind);
    }

    @PutMapping("/mappings/{kind}/{source}")
    @Operation(summary = "Adds or changes a mapping value (audited)")
    @Transactional // the change and its audit entry together
    public Map<String, String> putMapping(@PathVariable String kind, @PathVariable String source, @RequestBody Mapping body,
                                          Operator operator) {
        if (body == null || body.target() == null || body.target().isBlank()) {
            throw new ExceptionActions.NotActionable("mapping " + kind + " '" + source + "': field target is empty");
        }
        // the columns' sizes (value_mapping: kind 30, source 100, target 200): a longer value is refused, never cut
        OpsApiErrors.checked("kind", kind, 30);
        OpsApiErrors.checked("source", source, 100);
        OpsApiErrors.checked("target", body.target().trim(), 200);
        mappings.put(kind, source, body.target().trim());
        audit.record(operator.name(), "MAP", "mapping", kind + ":" + source, "-> " + body.target().trim());
        return mappings.all(kind);
    }

    @DeleteMapping("/mappings/{kind}/{source}")
    @Operation(summary = "Removes a mapping value (audited)")
    @Transactional
    public Map<String, String> deleteMapping(@PathVariable String kind, @PathVariable String source,
                                             Operator operator) {
        if (mappings.remove(kind, source)) {
            audit.record(operator.name(), "UNMAP", "mapping", kind + ":" + source, null);
        }
        return mappings.all(kind);
    }

    /**
     * Orders reconciliation per day, location and site ({@code from}, {@code to}: days, both included; default the last
     * 7 days), as JSON or, with {@code format=csv}, as a spreadsheet file.
     */
    @GetMapping("/reconciliation/orders")
    @Operation(summary = "Orders reconciliation per day, location and site, as JSON or CSV")
    public ResponseEntity<?> orderReconciliation(@RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to,
                                                 @RequestParam(defaultValue = "json") String format) {
        LocalDate last = to != null ? to : LocalDate.now(reconciliation.zone());
        LocalDate first = from != null ? from : last.minusDays(6);
        if (ChronoUnit.DAYS.between(first, last) > 366) {
            return ResponseEntity.badRequest().body(Map.of("error", "a report covers at most 366 days"));
        }
        OrderReconciliation.Report report;
        try {
            report = reconciliation.report(first, last);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(report);
        }
        return Csv.download("orders-" + first + "-" + last + ".csv", OrderReconciliation.csv(report));
    }

    /** The alerts told to the chat (or only logged), newest first, with delivery attempts and the last error. */
    @GetMapping("/alerts")
    @Operation(summary = "The alerts told to the chat, newest first, with delivery attempts and the last error")
    public List<AlertLog.Alert> alerts(@RequestParam(defaultValue = "50") int limit) {
        return alerts.recent(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/audit")
    @Operation(summary = "Who did what, newest first")
    public List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(Math.min(limit, 1000));
    }

    @ExceptionHandler(ExceptionActions.NotActionable.class)
    public ResponseEntity<Map<String, String>> notActionable(ExceptionActions.NotActionable e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}

package io.cherrypick.simulator.peoplevox.control;

import io.cherrypick.simulator.peoplevox.PeoplevoxSimulator;
import io.cherrypick.simulator.peoplevox.SimulatorRequests;
import io.cherrypick.simulator.peoplevox.SimulatorViews;
import io.cherrypick.simulator.peoplevox.event.DeliveryLogEntry;
import io.cherrypick.simulator.peoplevox.report.ReportService;
import io.cherrypick.simulator.peoplevox.soap.CallLog;
import io.cherrypick.simulator.peoplevox.soap.Fault;
import io.cherrypick.simulator.peoplevox.warehouse.GoodsReceipt;
import io.cherrypick.simulator.peoplevox.warehouse.ReceivedReturn;
import io.cherrypick.simulator.peoplevox.warehouse.WarehouseException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** The simulator's control API (JSON). Errors answer {@code {"error": "..."}} with 400, 404 or 409. */
@RestController
@RequestMapping("/sim/peoplevox/_control")
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class ControlController {
    private final PeoplevoxSimulator simulator;
    private final ReportService reports;

    public ControlController(PeoplevoxSimulator simulator, ReportService peoplevoxReportService) {
        this.simulator = simulator;
        this.reports = peoplevoxReportService;
    }

    @PostMapping("/reset")
    public Map<String, String> reset() {
        simulator.reset();
        reports.resetColumns();
        return Map.of("status", "reset");
    }

    /** A report's columns as the tenant set it up (e.g. the Despatch summary with package detail); [] = default. */
    @PutMapping("/reports/{report}/columns")
    public List<String> reportColumns(@PathVariable String report, @RequestBody List<String> columns) {
        return reports.setColumns(report, columns);
    }

    @PostMapping("/seed")
    public SimulatorViews.State seed(@RequestBody SimulatorRequests.Seed seed) {
        simulator.seed(seed);
        return simulator.state();
    }

    @GetMapping("/state")
    public SimulatorViews.State state() {
        return simulator.state();
    }

    /** Open orders, the {@code recentSettled} settled last, stock, expected returns: what the demo's warehouse uses. */
    @GetMapping("/floor")
    public SimulatorViews.Floor floor(@RequestParam(defaultValue = "1000") int recentSettled) {
        return simulator.floor(recentSettled);
    }

    @GetMapping("/orders/{salesOrderNumber}")
    public SimulatorViews.Order order(@PathVariable String salesOrderNumber) {
        return simulator.order(salesOrderNumber);
    }

    @PostMapping("/orders/{salesOrderNumber}/advance")
    public SimulatorViews.Advanced advance(@PathVariable String salesOrderNumber,
            @RequestBody SimulatorRequests.Advance request) {
        return simulator.advance(salesOrderNumber, request);
    }

    @PostMapping("/stock")
    public SimulatorViews.Stock stock(@RequestBody SimulatorRequests.StockChange change) {
        return simulator.stock(change);
    }

    @PostMapping("/returns/receive")
    public ReceivedReturn receiveReturn(@RequestBody SimulatorRequests.ReturnReceipt receipt) {
        return simulator.receiveReturn(receipt);
    }

    @PostMapping("/goods-in")
    public GoodsReceipt receiveGoods(@RequestBody SimulatorRequests.GoodsIn goodsIn) {
        return simulator.receiveGoods(goodsIn);
    }

    @GetMapping("/faults")
    public List<Fault> faults() {
        return simulator.faults();
    }

    @PostMapping("/faults")
    public Fault addFault(@RequestBody SimulatorRequests.FaultSpec spec) {
        return simulator.addFault(spec);
    }

    @DeleteMapping("/faults")
    public Map<String, String> clearFaults() {
        simulator.clearFaults();
        return Map.of("status", "cleared");
    }

    @GetMapping("/calls")
    public List<CallLog.Call> calls(@RequestParam(required = false) String operation,
            @RequestParam(required = false) String template) {
        return simulator.calls(operation, template);
    }

    @DeleteMapping("/calls")
    public Map<String, String> clearCalls() {
        simulator.clearCalls();
        return Map.of("status", "cleared");
    }

    @GetMapping("/deliveries")
    public List<DeliveryLogEntry> deliveries() {
        return simulator.deliveries();
    }

    @GetMapping("/config")
    public SimulatorViews.Config config() {
        return simulator.config();
    }

    @PutMapping("/config")
    public SimulatorViews.Config updateConfig(@RequestBody SimulatorRequests.ConfigChange change) {
        return simulator.updateConfig(change);
    }

    @ExceptionHandler(WarehouseException.class)
    public ResponseEntity<Map<String, String>> refused(WarehouseException e) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}

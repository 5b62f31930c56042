package io.cherrypick.simulator.bluecherry;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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

import io.cherrypick.simulator.bluecherry.CallLog.ApiCall;
import io.cherrypick.simulator.bluecherry.FaultInjector.Fault;
import io.cherrypick.simulator.bluecherry.FaultInjector.FaultRequest;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * Control API of the Blue Cherry simulator ({@code /sim/bluecherry/_control}): seed and change data, read what the
 * simulator received, drive the clock, arm faults, change behaviour. Not part of Blue Cherry; no key needed.
 */
@RestController
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@RequestMapping("/sim/bluecherry/_control")
class BlueCherryControlController {
    private final BlueCherrySimulator simulator;

    BlueCherryControlController(BlueCherrySimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        simulator.reset();
        return Map.of("reset", true);
    }

    @PostMapping("/styles")
    List<Map<String, Object>> styles(@RequestBody String body) {
        return simulator.upsertStyles(SimJson.readRecords(body));
    }

    @PostMapping("/picks")
    List<Map<String, Object>> picks(@RequestBody String body) {
        return simulator.createPicks(SimJson.readRecords(body));
    }

    @GetMapping("/picks/{pickNum}")
    Map<String, Object> pick(@PathVariable String pickNum) {
        return simulator.pickSummary(pickNum);
    }

    @PostMapping("/picks/{pickNum}/modify")
    Map<String, Object> modifyPick(@PathVariable String pickNum, @RequestBody String body) {
        return simulator.modifyPick(pickNum, SimJson.readObject(body));
    }

    @PostMapping("/picks/{pickNum}/void")
    Map<String, Object> voidPick(@PathVariable String pickNum) {
        return simulator.voidPick(pickNum);
    }

    @PostMapping("/picks/{pickNum}/cancel")
    Map<String, Object> cancelPick(@PathVariable String pickNum) {
        return simulator.cancelPick(pickNum);
    }

    @PostMapping("/production-orders")
    List<Map<String, Object>> productionOrders(@RequestBody String body) {
        return simulator.createProductionOrders(SimJson.readRecords(body));
    }

    @PostMapping("/return-authorisations")
    List<Map<String, Object>> returnAuthorisations(@RequestBody String body) {
        return simulator.createReturnAuthorisations(SimJson.readRecords(body));
    }

    @PostMapping("/locations")
    List<Map<String, Object>> locations(@RequestBody String body) {
        return simulator.addLocations(SimJson.readRecords(body));
    }

    @PostMapping("/shippers")
    List<Map<String, Object>> shippers(@RequestBody String body) {
        return simulator.addShippers(SimJson.readRecords(body));
    }

    @PostMapping("/inventory")
    List<Map<String, Object>> setInventory(@RequestBody String body) {
        return simulator.setInventory(SimJson.readRecords(body));
    }

    @GetMapping("/state")
    Map<String, Object> state() {
        return simulator.state();
    }

    @GetMapping("/shipments")
    List<Map<String, Object>> shipments() {
        return simulator.shipments();
    }

    @GetMapping("/notifications")
    List<Map<String, Object>> notifications() {
        return simulator.notifications();
    }

    @GetMapping("/invoices")
    List<Map<String, Object>> invoices() {
        return simulator.invoices();
    }

    @GetMapping("/inventory")
    List<Map<String, Object>> inventory() {
        return simulator.inventory();
    }

    @GetMapping("/adjustments")
    List<Map<String, Object>> adjustments() {
        return simulator.adjustments();
    }

    @GetMapping("/receipts")
    List<Map<String, Object>> receipts() {
        return simulator.receipts();
    }

    @GetMapping("/return-receipts")
    List<Map<String, Object>> returnReceipts() {
        return simulator.returnReceipts();
    }

    @GetMapping("/credit-memos")
    List<Map<String, Object>> creditMemos() {
        return simulator.creditMemos();
    }

    @GetMapping("/calls")
    List<ApiCall> calls(@RequestParam(required = false) String path, @RequestParam(required = false) String method) {
        return simulator.calls(path, method);
    }

    @DeleteMapping("/calls")
    Map<String, Object> clearCalls() {
        simulator.clearCalls();
        return Map.of("cleared", true);
    }

    /** Body: {@code {"freeze":"2024-05-01 10:00:00"}}, {@code {"advanceSeconds":5}} or {@code {"real":true}}. */
    record ClockRequest(String freeze, Long advanceSeconds, Boolean real) {
    }

    @PostMapping("/clock")
    Map<String, Object> clock(@RequestBody ClockRequest request) {
        if (request.freeze() == null && request.advanceSeconds() == null && !Boolean.TRUE.equals(request.real())) {
            throw new IllegalArgumentException("send freeze, advanceSeconds or real");
        }
        if (Boolean.TRUE.equals(request.real())) {
            simulator.realClock();
        }
        if (request.freeze() != null) {
            simulator.freezeClock(parseTime(request.freeze()));
        }
        if (request.advanceSeconds() != null) {
            simulator.advanceClock(request.advanceSeconds());
        }
        return simulator.clock();
    }

    @GetMapping("/clock")
    Map<String, Object> clock() {
        return simulator.clock();
    }

    @PostMapping("/faults")
    Fault addFault(@RequestBody FaultRequest request) {
        return simulator.addFault(request);
    }

    @GetMapping("/faults")
    List<Fault> faults() {
        return simulator.faults();
    }

    @DeleteMapping("/faults")
    Map<String, Object> clearFaults() {
        simulator.clearFaults();
        return Map.of("cleared", true);
    }

    @GetMapping("/config")
    SimulatorSettings config() {
        return simulator.settings();
    }

    @PutMapping("/config")
    SimulatorSettings updateConfig(@RequestBody SimulatorSettings.Update update) {
        return simulator.updateSettings(update);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(UnknownRecordException.class)
    ResponseEntity<Map<String, Object>> notFound(UnknownRecordException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    private static LocalDateTime parseTime(String text) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("freeze '" + text + "' must be a time as YYYY-MM-DD HH:MM:SS");
        }
    }
}

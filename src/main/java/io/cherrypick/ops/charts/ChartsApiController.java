package io.cherrypick.ops.charts;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The overview's charts ({@code window}: {@code 24h} or {@code 7d}, in buckets of an hour), read from the database so
 * every instance answers alike.
 */
@RestController
@RequestMapping("/api/charts")
@Tag(name = "Charts", description = "The overview's charts: orders, exceptions, latency, Peoplevox calls, backlog")
public class ChartsApiController {
    static final int MAX_DAYS = 90;

    private final ChartData charts;

    public ChartsApiController(ChartData charts) {
        this.charts = charts;
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders reaching each step per hour (taken from Blue Cherry, held, accepted by Peoplevox,"
            + " allocated, picking, despatched, confirmed in Blue Cherry, cancelled)")
    public ChartData.Chart orders(@RequestParam(defaultValue = "24h") String window) {
        return charts.orders(ChartData.Window.of(window));
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Exceptions opened and resolved (or discarded) per day of the report zone, by problem")
    public ChartData.Chart exceptions(@RequestParam(defaultValue = "14") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + " (got " + days + ")");
        }
        return charts.exceptions(days);
    }

    @GetMapping("/latency")
    @Operation(summary = "Pick-to-Peoplevox, despatch-to-Blue-Cherry and stock push latency per hour: median, 95th"
            + " percentile (seconds) and how many were measured")
    public ChartData.Chart latency(@RequestParam(defaultValue = "24h") String window) {
        return charts.latency(ChartData.Window.of(window));
    }

    @GetMapping("/peoplevox-calls")
    @Operation(summary = "Peoplevox calls per hour from every instance (busiest and average minute, refusals) against"
            + " the rate budget per minute")
    public ChartData.Chart peoplevoxCalls(@RequestParam(defaultValue = "24h") String window) {
        return charts.peoplevoxCalls(ChartData.Window.of(window));
    }

    @GetMapping("/backlog")
    @Operation(summary = "Each flow's backlog per hour (largest per-minute sample) and now")
    public ChartData.Chart backlog(@RequestParam(defaultValue = "24h") String window) {
        return charts.backlog(ChartData.Window.of(window));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badParameter(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}

package io.cherrypick.simulator.scenario;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Control API of the demo scenario: one-shot catalogue and orders, start/stop, state. */
@RestController
@RequestMapping("/sim/scenario/_control")
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@ConditionalOnProperty(prefix = "cherrypick.simulator.scenario", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScenarioController {

    static final int MAX_ORDERS_PER_CALL = 1_000;

    private final ScenarioGenerator scenario;
    private final ScenarioProperties properties;

    public ScenarioController(ScenarioGenerator scenario, ScenarioProperties properties) {
        this.scenario = scenario;
        this.properties = properties;
    }

    /** One created pick as the API reports it; {@code badReason} is null for a good pick. */
    public record CreatedPick(String pickNum, String ordNum, String customer, String location, int lines,
                              BadOrderReason badReason, String badDetail) {
    }

    public record CreatedOrders(int created, int bad, List<CreatedPick> picks) {
    }

    @PostMapping("/catalogue")
    public ScenarioGenerator.CatalogueResult createCatalogue() {
        return scenario.createCatalogue();
    }

    @PostMapping("/orders")
    public CreatedOrders createOrders(@RequestParam int count, @RequestParam(required = false) Double badShare) {
        if (count < 1 || count > MAX_ORDERS_PER_CALL) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_ORDERS_PER_CALL + ", was " + count);
        }
        double share = badShare == null ? properties.getBadOrderShare() : badShare;
        List<CreatedPick> picks = scenario.createOrders(count, share).stream()
                .map(p -> new CreatedPick(p.pickNum(), p.ordNum(), p.customer(), p.location(), p.lines().size(),
                        p.badReason(), p.badDetail()))
                .toList();
        int bad = (int) picks.stream().filter(p -> p.badReason() != null).count();
        return new CreatedOrders(picks.size(), bad, picks);
    }

    @PostMapping("/start")
    public ScenarioState start() {
        scenario.start();
        return scenario.state();
    }

    @PostMapping("/stop")
    public ScenarioState stop() {
        scenario.stop();
        return scenario.state();
    }

    @GetMapping("/state")
    public ScenarioState state() {
        return scenario.state();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** A simulator's control API refused or could not be reached. */
    @ExceptionHandler(ControlCallException.class)
    ResponseEntity<Map<String, String>> badGateway(ControlCallException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}

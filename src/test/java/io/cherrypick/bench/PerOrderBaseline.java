package io.cherrypick.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.support.Simulators;

/**
 * The order benchmark's baseline: the same picks sent the way a per-order connector sends them. It reads the open picks
 * from Blue Cherry ({@code bluecherry:pick}, operation get, page by page), maps each with the same
 * {@code mapping:sales-order} the order flow uses, and saves it with two Peoplevox calls of its own: one SaveData of the
 * header, one of its lines ({@code peoplevox:save}, one record per exchange). No hand-off, no lifecycle, no batching.
 */
final class PerOrderBaseline {
    private static final String ROUTE = "direct:bench-per-order-baseline";

    private PerOrderBaseline() {
    }

    record Result(int saved, int refused, int peoplevoxCalls, double seconds, long cpuMillis) {
    }

    /**
     * Stops the order flow, puts the same {@code orders} picks (numbered N0, N1, ...) in a Blue Cherry that holds nothing
     * else, and sends them per order, counting the Peoplevox calls made over the send.
     */
    @SuppressWarnings("unchecked")
    static Result run(CamelContext camel, io.micrometer.core.instrument.MeterRegistry meters, Simulators sims, int orders,
                      List<String> catalogue) throws Exception {
        BenchRuns.stopFlow(camel, "sales-order");
        sims.post("/sim/bluecherry/_control/reset", Map.of());
        OrderFlowBenchmark.createPicks(sims, "N", orders, catalogue);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).routeId("bench-per-order-baseline")
                        .unmarshal().json(JsonLibrary.Jackson, Pick.class)
                        .to("mapping:sales-order")
                        .to("peoplevox:save?template=Sales%20orders&rows=header")
                        .to("peoplevox:save?template=Sales%20order%20items&rows=lines");
            }
        });
        System.out.printf("%nper-order baseline: the same %d picks again (N0...), one SaveData per header and one per"
                + " order's lines%n", orders);
        ProducerTemplate template = camel.createProducerTemplate();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Instant start = Instant.now();
        long cpuAtStart = BenchRuns.cpuMillis();
        double callsAtStart = peoplevoxCalls(meters);
        List<Map<String, Object>> picks = template.requestBody("bluecherry:pick?operation=get", null, List.class);
        int saved = 0;
        int refused = 0;
        for (Map<String, Object> pick : picks) {
            Exchange sent = template.send(ROUTE, e -> e.getIn().setBody(json.writeValueAsString(pick)));
            if (sent.getException() != null || Boolean.FALSE.equals(sent.getMessage().getHeader(Peoplevox.SAVED, Boolean.class))) {
                refused++;
            } else {
                saved++;
            }
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        long cpu = BenchRuns.cpuMillis() - cpuAtStart;
        template.stop();
        int calls = (int) Math.round(peoplevoxCalls(meters) - callsAtStart);
        return new Result(saved, refused, calls, seconds, cpu);
    }

    /**
     * Peoplevox calls the runtime made so far, by its own count (meter cherrypick.api.calls): the simulator's call log
     * keeps the last 10,000 only, fewer than the baseline makes.
     */
    private static double peoplevoxCalls(io.micrometer.core.instrument.MeterRegistry meters) {
        return meters.find("cherrypick.api.calls").tag("system", "peoplevox").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}

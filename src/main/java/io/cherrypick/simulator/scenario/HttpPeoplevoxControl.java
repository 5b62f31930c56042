package io.cherrypick.simulator.scenario;

import org.springframework.web.client.RestClient;

import java.util.function.Supplier;

/** {@link PeoplevoxControl} over HTTP against {@code <base URL>/sim/peoplevox/_control}. */
public class HttpPeoplevoxControl implements PeoplevoxControl {

    static final String CONTROL_PATH = "/sim/peoplevox/_control";

    private final ControlHttpClient http;

    public HttpPeoplevoxControl(RestClient restClient, Supplier<String> baseUrl) {
        this.http = new ControlHttpClient(restClient, baseUrl, CONTROL_PATH);
    }

    @Override
    public void seed(Seed seed) {
        http.post("/seed", seed);
    }

    @Override
    public State state() {
        return http.get("/state", State.class);
    }

    @Override
    public void advanceOrder(String salesOrderNumber, Advance advance) {
        http.post("/orders/{salesOrderNumber}/advance", advance, salesOrderNumber);
    }

    @Override
    public void moveStock(StockMovement movement) {
        http.post("/stock", movement);
    }

    @Override
    public void receiveReturn(ReturnReceipt receipt) {
        http.post("/returns/receive", receipt);
    }
}

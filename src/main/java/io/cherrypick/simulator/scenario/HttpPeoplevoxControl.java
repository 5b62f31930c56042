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

    /** Settled (despatched, cancelled) orders the warehouse tick sees, newest first: the ones returns are raised on. */
    static final int RECENT_SETTLED = 1000;

    @Override
    public void seed(Seed seed) {
        http.post("/seed", seed);
    }

    @Override
    public State state() {
        // the floor, not the whole state: open orders and the latest settled ones (returns are raised on those), so a
        // tick costs the same at the end of a day as at its start
        return http.get("/floor?recentSettled=" + RECENT_SETTLED, State.class);
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

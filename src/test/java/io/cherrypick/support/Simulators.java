package io.cherrypick.support;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Test access to the simulators' control APIs over HTTP (the same API a person would use with curl). */
public final class Simulators {
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public Simulators(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    public void resetAll() {
        post("/sim/peoplevox/_control/reset", Map.of());
        post("/sim/bluecherry/_control/reset", Map.of());
    }

    /** Posts JSON; the answer as parsed JSON (a map, a list, ...). */
    public Object post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Object.class);
    }

    public Map<String, Object> get(String path) {
        return http.get().uri(path).retrieve().body(MAP);
    }

    public List<Map<String, Object>> getList(String path) {
        return http.get().uri(path).retrieve().body(LIST);
    }

    public void delete(String path) {
        http.delete().uri(path).retrieve().toBodilessEntity();
    }

    // --- Peoplevox
    public void seedPeoplevoxItems(List<String> itemCodes) {
        post("/sim/peoplevox/_control/seed", Map.of("items", itemCodes.stream()
                .map(c -> Map.of("ItemCode", c, "Name", "Item " + c, "Barcode", c)).toList()));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> peoplevoxOrders() {
        return (List<Map<String, Object>>) get("/sim/peoplevox/_control/state").get("salesOrders");
    }

    public Map<String, Object> peoplevoxOrder(String salesOrderNumber) {
        return get("/sim/peoplevox/_control/orders/" + salesOrderNumber);
    }

    public List<Map<String, Object>> peoplevoxCalls(String operation, String template) {
        return http.get().uri(b -> {
            b.path("/sim/peoplevox/_control/calls").queryParam("operation", operation);
            if (template != null) {
                b.queryParam("template", template);
            }
            return b.build();
        }).retrieve().body(LIST);
    }

    /** Seeds items with plenty of stock at PrimarySite and LondonSite, so the warehouse can allocate orders for them. */
    public void seedPeoplevoxItemsWithStock(List<String> itemCodes) {
        seedPeoplevoxItems(itemCodes);
        List<Map<String, Object>> stock = new java.util.ArrayList<>();
        for (String code : itemCodes) {
            stock.add(Map.of("itemCode", code, "site", "PrimarySite", "onHand", 1000));
            stock.add(Map.of("itemCode", code, "site", "LondonSite", "onHand", 1000));
        }
        post("/sim/peoplevox/_control/seed", Map.of("stock", stock));
    }

    public void peoplevoxFault(Map<String, Object> fault) {
        post("/sim/peoplevox/_control/faults", fault);
    }

    // --- Blue Cherry
    public void createPicks(List<Map<String, Object>> picks) {
        http.post().uri("/sim/bluecherry/_control/picks").contentType(MediaType.APPLICATION_JSON).body(picks).retrieve()
                .toBodilessEntity();
    }

    public void blueCherryClock(Map<String, Object> clock) {
        post("/sim/bluecherry/_control/clock", clock);
    }

    public void blueCherryFault(Map<String, Object> fault) {
        post("/sim/bluecherry/_control/faults", fault);
    }
}

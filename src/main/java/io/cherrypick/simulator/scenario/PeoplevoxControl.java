package io.cherrypick.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the scenario asks of the Peoplevox simulator's control API ({@code /sim/peoplevox/_control}). The records
 * below are the JSON bodies of that contract; the HTTP implementation is {@link HttpPeoplevoxControl}.
 */
public interface PeoplevoxControl {

    /** Load sites, items and stock: {@code POST /seed}. */
    void seed(Seed seed);

    /**
     * What the warehouse works on: {@code GET /floor} (the open sales orders and the latest settled ones, stock and the
     * returns expected).
     */
    State state();

    /** Move a sales order one step: {@code POST /orders/{salesOrderNumber}/advance}. */
    void advanceOrder(String salesOrderNumber, Advance advance);

    /** Add (or, with a negative delta, remove) stock: {@code POST /stock}. */
    void moveStock(StockMovement movement);

    /** Book a customer return in: {@code POST /returns/receive}. */
    void receiveReturn(ReturnReceipt receipt);

    /** Peoplevox status names, in the order a sales order moves through them. */
    List<String> PROGRESSION = List.of("New", "Allocated", "Picking", "Packed", "Despatched");

    record Seed(List<Site> sites, List<Item> items, List<StockLevel> stock) {
    }

    /** A Peoplevox site, as in the {@code Sites} template (Name, Reference). */
    record Site(@JsonProperty("Reference") String reference, @JsonProperty("Name") String name) {
    }

    /** An item type in the {@code Item types} template's field names. */
    record Item(@JsonProperty("ItemCode") String itemCode,
                @JsonProperty("Name") String name,
                @JsonProperty("Barcode") String barcode,
                @JsonProperty("Description") String description,
                @JsonProperty("RetailPrice") BigDecimal retailPrice,
                @JsonProperty("Weight") BigDecimal weight) {
    }

    record StockLevel(String itemCode, String site, int onHand) {
    }

    /** The parts of the simulator's state the scenario reads; everything else in the answer is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(List<SalesOrder> salesOrders, List<Stock> stock, List<ExpectedReturn> expectedReturns) {
        public State {
            salesOrders = salesOrders == null ? List.of() : List.copyOf(salesOrders);
            stock = stock == null ? List.of() : List.copyOf(stock);
            expectedReturns = expectedReturns == null ? List.of() : List.copyOf(expectedReturns);
        }

        public State(List<SalesOrder> salesOrders) {
            this(salesOrders, List.of(), List.of());
        }
    }

    /** Stock of an item at a site; available = on hand - allocated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stock(String itemCode, String site, int onHand, int allocated, int available) {
    }

    /** A return Peoplevox expects (an RMA line), as the returns flow announces it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExpectedReturn(String rmaNumber, String salesOrderNumber, String itemCode, int quantity, int received) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SalesOrder(String salesOrderNumber, String status, String site, Map<String, Object> fields,
                      List<SalesOrderLine> lines) {
        public SalesOrder {
            fields = fields == null ? Map.of() : fields;
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        /** A sales-order field as text ("" when absent). */
        public String field(String name) {
            Object value = fields.get(name);
            return value == null ? "" : value.toString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SalesOrderLine(String line, String itemCode, int quantity, Integer despatched) {
        public int remaining() {
            return Math.max(0, quantity - (despatched == null ? 0 : despatched));
        }
    }

    /** {@code carrier}, {@code serviceType} and {@code packages} are only sent for the step to Despatched. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Advance(String to, String carrier, String serviceType, List<DespatchPackage> packages) {
        public static Advance to(String status) {
            return new Advance(status, null, null, null);
        }
    }

    record DespatchPackage(String trackingNumber, BigDecimal weight, List<PackageLine> lines) {
    }

    record PackageLine(String itemCode, int quantity) {
    }

    record StockMovement(String itemCode, String site, int delta) {
    }

    /** {@code rmaNumber} is left out (null) when Peoplevox does not expect the return: an unannounced return. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReturnReceipt(String salesOrderNumber, String rmaNumber, String itemCode, int quantity, String reason,
                         String condition, boolean reusable) {
    }
}

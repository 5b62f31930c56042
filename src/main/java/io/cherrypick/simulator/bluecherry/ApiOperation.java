package io.cherrypick.simulator.bluecherry;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.cherrypick.simulator.bluecherry.model.InventoryRows;
import io.cherrypick.simulator.bluecherry.model.ServedRecord;
import io.cherrypick.simulator.bluecherry.model.Templates;
import io.cherrypick.simulator.bluecherry.posting.OrderShipmentPosting;
import io.cherrypick.simulator.bluecherry.posting.PhysicalInventoryPosting;
import io.cherrypick.simulator.bluecherry.posting.Posting;
import io.cherrypick.simulator.bluecherry.posting.ProductionReceiptPosting;
import io.cherrypick.simulator.bluecherry.posting.ReturnReceiptPosting;

/**
 * The operations of the simulated API, under {@code /sim/bluecherry/api/}. Resource names match case-insensitively
 * ({@code Location} = {@code location}); {@code x-sim/} resources are invented and flagged as such.
 *
 * @param name     resource name as Blue Cherry spells it; also the name faults are armed for
 * @param method   HTTP method
 * @param kind     how the resource answers
 * @param invented true when no public evidence of the resource exists
 * @param template header fields of a read resource (for {@code $filter})
 * @param records  the records a read resource serves
 * @param posting  what a write resource does
 */
public record ApiOperation(String name, String method, Kind kind, boolean invented, Map<String, Object> template,
                           Function<BlueCherryState, Collection<? extends ServedRecord>> records, Posting posting) {

    public enum Kind {
        /** {@code {"version","data":{"header":[...]}}} with child collections under {@code _include=all}; capped pages. */
        HEADER_DETAIL,
        /** {@code {"version","data":[...]}}. */
        FLAT,
        /** JSON array in, {@code {"pkey":n}} out. */
        WRITE
    }

    static final List<ApiOperation> ALL = List.of(
            read("pick", Kind.HEADER_DETAIL, false, Templates.PICK_HEADER, s -> s.picks().values()),
            read("style", Kind.HEADER_DETAIL, false, Templates.STYLE_HEADER, s -> s.styles().values()),
            read("productionOrderByStage", Kind.HEADER_DETAIL, false, Templates.PRODUCTION_ORDER_HEADER, s -> s.productionOrders().values()),
            read("Location", Kind.FLAT, false, Templates.LOCATION, s -> s.locations().values()),
            read("Shipper", Kind.FLAT, false, Templates.SHIPPER, s -> s.shippers().values()),
            read("x-sim/returnAuthorization", Kind.HEADER_DETAIL, true, Templates.RA_HEADER, s -> s.returnAuthorisations().values()),
            read("x-sim/inventory", Kind.FLAT, true, Templates.INVENTORY, InventoryRows::all),
            write("OrderShipment", false, new OrderShipmentPosting()),
            write("PhysicalInventoryTM", false, new PhysicalInventoryPosting()),
            write("ProductionReceiptAdvice", false, new ProductionReceiptPosting()),
            write("x-sim/ReturnReceiptAdvice", true, new ReturnReceiptPosting()));

    /** The operation for a method and resource path, or null (the gateway answers 404 for unknown operations). */
    static ApiOperation resolve(String method, String resourcePath) {
        String path = resourcePath.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.name().toLowerCase(Locale.ROOT).equals(path))
                .findFirst().orElse(null);
    }

    private static ApiOperation read(String name, Kind kind, boolean invented, Map<String, Object> template,
                                     Function<BlueCherryState, Collection<? extends ServedRecord>> records) {
        return new ApiOperation(name, "GET", kind, invented, template, records, null);
    }

    private static ApiOperation write(String name, boolean invented, Posting posting) {
        return new ApiOperation(name, "POST", Kind.WRITE, invented, Map.of(), null, posting);
    }
}

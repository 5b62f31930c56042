package io.cherrypick.simulator.peoplevox.warehouse;

/** A control-API request the warehouse refuses; the kind maps to an HTTP status. */
public class WarehouseException extends RuntimeException {
    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public WarehouseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static WarehouseException badRequest(String message) {
        return new WarehouseException(Kind.BAD_REQUEST, message);
    }

    public static WarehouseException notFound(String message) {
        return new WarehouseException(Kind.NOT_FOUND, message);
    }

    public static WarehouseException conflict(String message) {
        return new WarehouseException(Kind.CONFLICT, message);
    }
}

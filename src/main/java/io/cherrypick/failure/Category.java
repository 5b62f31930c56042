package io.cherrypick.failure;

/**
 * Why a record could not go through. Each category has a default owner team (support, warehouse, customer service,
 * purchasing, ...), the people a dead letter of that category goes to; a route may name another owner.
 */
public enum Category {
    SKU_MISMATCH(Owner.SUPPORT),
    MISSING_WAREHOUSE(Owner.SUPPORT),
    VALIDATION(Owner.SUPPORT),
    REJECTED(Owner.SUPPORT),
    DUPLICATE(Owner.SUPPORT),
    DUPLICATE_BARCODE(Owner.DATA),
    DRIFT(Owner.DATA),
    AFTER_CUTOFF(Owner.CX),
    API_TIMEOUT(Owner.SUPPORT),
    API_ERROR(Owner.SUPPORT),
    AUTH(Owner.SUPPORT),
    RATE_LIMITED(Owner.SUPPORT),
    MALFORMED_EVENT(Owner.SUPPORT),
    RETURN_MISMATCH(Owner.WAREHOUSE),
    RECEIPT_MISMATCH(Owner.WAREHOUSE),
    OVER_RECEIPT(Owner.PURCHASING),
    PURCHASE_ORDER_CHANGED(Owner.PURCHASING),
    INTERNAL(Owner.SUPPORT);

    private final Owner defaultOwner;

    Category(Owner defaultOwner) {
        this.defaultOwner = defaultOwner;
    }

    public Owner defaultOwner() {
        return defaultOwner;
    }
}

package io.cherrypick.flow.inbound;

import org.springframework.stereotype.Component;

import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.PurchaseOrderStore;

/**
 * Whether a purchase order shows an exception (its {@code exception_open} flag, what purchasing and the console read):
 * while the purchase order itself, or one of the goods-in lines booked against it, waits for a person. Recomputed
 * whenever one of them settles, so closing (or posting) one never hides another.
 */
@Component
public class PurchaseOrderExceptionFlag {
    private final PurchaseOrderStore store;
    private final ExceptionStore exceptions;

    public PurchaseOrderExceptionFlag(PurchaseOrderStore store, ExceptionStore exceptions) {
        this.store = store;
        this.exceptions = exceptions;
    }

    public void refresh(String prodNum) {
        if (store.find(prodNum).isEmpty()) {
            return;
        }
        boolean open = store.receiptsOf(prodNum).stream().anyMatch(g -> GoodsReceiptSteps.EXCEPTION.equals(g.state()))
                || !exceptions.openFor(InboundFlow.PURCHASE_ORDER_FLOW, prodNum).isEmpty();
        store.flagException(prodNum, open);
    }
}

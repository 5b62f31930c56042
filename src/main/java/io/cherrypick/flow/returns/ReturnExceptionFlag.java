package io.cherrypick.flow.returns;

import org.springframework.stereotype.Component;

import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnStore;

/**
 * Whether an RA shows an exception (its {@code exception_open} flag, what customer service and the console read): while
 * the RA itself, or one of the returns booked against it, waits for a person. Recomputed whenever one of them settles,
 * so closing one exception never hides another.
 */
@Component
public class ReturnExceptionFlag {
    private final ReturnStore store;
    private final ExceptionStore exceptions;

    public ReturnExceptionFlag(ReturnStore store, ExceptionStore exceptions) {
        this.store = store;
        this.exceptions = exceptions;
    }

    public void refresh(String raNum) {
        store.authorisation(raNum).ifPresent(ra -> {
            boolean open = store.receiptsOf(ra).stream().anyMatch(r -> r.state() == ReceiptState.EXCEPTION)
                    || !exceptions.openFor(ReturnsFlow.AUTHORISATION_FLOW, raNum).isEmpty();
            store.flagException(raNum, open);
        });
    }
}

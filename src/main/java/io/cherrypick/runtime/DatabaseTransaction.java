package io.cherrypick.runtime;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of a {@code policy: {ref: databaseTransaction}} block run in one database transaction: committed when they
 * succeed, rolled back when one fails (the failure goes on to the route's error handling). Used where a route records
 * several facts that must stand or fall together, e.g. a batch settled DONE and its orders marked acknowledged.
 * <p>
 * Camel's {@code transacted} EIP is not used for this: it makes the whole route transacted, so the calls to Peoplevox
 * before the block would hold a database transaction open.
 */
@Component("databaseTransaction")
public class DatabaseTransaction implements Policy {
    private final TransactionTemplate tx;

    public DatabaseTransaction(TransactionTemplate tx) {
        this.tx = tx;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> tx.executeWithoutResult(status -> {
            Object caughtBefore = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || handledWithin(exchange, caughtBefore)) {
                status.setRollbackOnly();
            }
        });
    }

    /**
     * Whether a step of the block failed and the route's error handling took the failure (onException handled: true,
     * as in routeConfiguration cherrypick-flow): the exchange then carries no exception, only the one caught, and the
     * route stops. Committing then would keep what the steps before it did (a batch settled DONE whose levels were never
     * stored): it rolls back like any failure, and the caller still sees the failure as the one caught.
     */
    private static boolean handledWithin(Exchange exchange, Object caughtBefore) {
        Object caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        return caught != null && caught != caughtBefore
                && (exchange.getExchangeExtension().isErrorHandlerHandled() || exchange.getExchangeExtension().isFailureHandled());
    }
}

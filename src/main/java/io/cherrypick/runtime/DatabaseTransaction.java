package io.cherrypick.runtime;

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
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                status.setRollbackOnly();
            }
        });
    }
}

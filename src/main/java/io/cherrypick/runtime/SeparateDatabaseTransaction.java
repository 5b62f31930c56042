package io.cherrypick.runtime;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of a {@code policy: {ref: separateDatabaseTransaction}} block run in a transaction of their own, whatever
 * the route is in: the one the route was in (a {@code databaseTransaction} block) waits meanwhile and is rolled back or
 * committed on its own. Used to record a failure of a transactional block: what it wrote rolls back, and the record of
 * its failure stays (on PostgreSQL a failed statement also leaves its transaction unable to run any other).
 */
@Component("separateDatabaseTransaction")
public class SeparateDatabaseTransaction extends DatabaseTransaction {
    public SeparateDatabaseTransaction(PlatformTransactionManager transactions) {
        super(separate(transactions));
    }

    private static TransactionTemplate separate(PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }
}

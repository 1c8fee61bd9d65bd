package dev.muster.storage;

import dev.muster.onboarding.Transactions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Transaction boundaries on Spring's transaction manager. Both kinds are nested: inside an open transaction
 * they hold a savepoint, so a failing or dry-run item undoes only itself; otherwise they open a transaction.
 */
class SpringTransactions implements Transactions {
    private final TransactionTemplate nested;

    SpringTransactions(PlatformTransactionManager transactionManager) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }

    @Override
    public <T> T rolledBack(Supplier<T> work) {
        return nested.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}

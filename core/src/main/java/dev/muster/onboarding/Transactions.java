package dev.muster.onboarding;

import java.util.function.Supplier;

/** Transaction boundaries, provided by the application's storage. */
public interface Transactions {
    /**
     * Runs the work in a transaction of its own, or in a savepoint when a transaction is already open, so that
     * one failing item rolls back only itself.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Runs the work in a transaction that is always rolled back: how a dry run sees its own earlier items. */
    <T> T rolledBack(Supplier<T> work);
}

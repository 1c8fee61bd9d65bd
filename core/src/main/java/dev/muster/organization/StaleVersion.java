package dev.muster.organization;

/**
 * A write lost an optimistic-locking race: somebody changed the row since it was read. Retrying with a fresh
 * read can help.
 */
public final class StaleVersion extends RuntimeException {
    public StaleVersion(String what) {
        super(what + " was changed concurrently");
    }
}

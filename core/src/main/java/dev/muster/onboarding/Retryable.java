package dev.muster.onboarding;

/**
 * A fault that says whether trying again can help (a dropped LDAP connection, a busy server, a lost
 * optimistic-locking race). Error handling matches on this type, never on message text.
 */
public interface Retryable {
    boolean retryable();
}

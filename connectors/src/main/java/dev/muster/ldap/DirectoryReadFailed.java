package dev.muster.ldap;

import dev.muster.onboarding.Retryable;

/**
 * A read of the directory that did not complete (connection lost, bind refused, size or time limit, referral,
 * an error on any page). Nothing may be inferred from it: a sync that gets one changes nothing.
 *
 * @see #resultCode() the LDAP result code, e.g. {@code 81 (server down)}
 */
public final class DirectoryReadFailed extends RuntimeException implements Retryable {
    private final String resultCode;
    private final boolean retryable;

    public DirectoryReadFailed(String message, String resultCode, boolean retryable, Throwable cause) {
        super(message + " (LDAP result code " + resultCode + ")", cause);
        this.resultCode = resultCode;
        this.retryable = retryable;
    }

    /** The LDAP result code as {@code "<number> (<name>)"}. */
    public String resultCode() {
        return resultCode;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}

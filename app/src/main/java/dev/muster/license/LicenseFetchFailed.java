package dev.muster.license;

import dev.muster.onboarding.Retryable;

/** Fetching a license from the license server failed; I/O errors, 5xx and 429 can pass, other statuses not. */
public final class LicenseFetchFailed extends RuntimeException implements Retryable {
    private final boolean retryable;

    public LicenseFetchFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}

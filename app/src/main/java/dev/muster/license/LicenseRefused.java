package dev.muster.license;

import org.springframework.http.HttpStatus;

/**
 * A license document or an upgrade is refused, with a stable code ({@code license-bad-signature},
 * {@code license-other-organization}, {@code license-expired}, ...). Retrying the same document never helps.
 */
public final class LicenseRefused extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public LicenseRefused(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}

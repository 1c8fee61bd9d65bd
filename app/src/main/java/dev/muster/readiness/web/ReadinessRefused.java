package dev.muster.readiness.web;

import org.springframework.http.HttpStatus;

/** A readiness request the API refuses, with a stable code and the reason. */
public final class ReadinessRefused extends RuntimeException {
    final HttpStatus status;
    final String code;

    public ReadinessRefused(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ReadinessRefused notFound(String what) {
        return new ReadinessRefused(HttpStatus.NOT_FOUND, "not-found", what + " does not exist");
    }
}

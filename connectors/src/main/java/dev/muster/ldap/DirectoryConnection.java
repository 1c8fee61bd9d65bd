package dev.muster.ldap;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and bind to a directory.
 *
 * @param caCertificatePem the CA (PEM, one or more certificates) that signs the server certificate; {@code null}
 *                         uses the JVM's default trust store
 * @param trustAll accept any server certificate: only for tests and only when asked for explicitly
 * @param bindPassword write-only: never returned by the API and never part of {@link #toString()}; required to
 *                     connect with a {@code bindDn} (an empty password would silently bind anonymously)
 * @param pageSize entries per page of the paged search (RFC 2696)
 */
public record DirectoryConnection(String host, int port, Security security, String caCertificatePem,
                                  boolean trustAll, String bindDn, String bindPassword, Duration connectTimeout,
                                  Duration responseTimeout, int pageSize) {

    /** Transport security. */
    public enum Security { PLAIN, LDAPS, STARTTLS }

    public DirectoryConnection {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("connection.host must not be blank");
        }
        host = host.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("connection.port must be between 1 and 65535, not " + port);
        }
        Objects.requireNonNull(security, "connection.security");
        caCertificatePem = caCertificatePem == null || caCertificatePem.isBlank() ? null : caCertificatePem;
        if (trustAll && caCertificatePem != null) {
            throw new IllegalArgumentException("connection.trustAll and connection.caCertificatePem exclude each other");
        }
        bindDn = bindDn == null || bindDn.isBlank() ? null : bindDn.strip();
        bindPassword = bindPassword == null || bindPassword.isEmpty() ? null : bindPassword;
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connection.connectTimeout");
        responseTimeout = positive(responseTimeout, Duration.ofSeconds(30), "connection.responseTimeout");
        if (pageSize == 0) {
            pageSize = 500;
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("connection.pageSize must be between 1 and 10000, not " + pageSize);
        }
    }

    /** The same connection with another password (the stored one when a configuration update omits it). */
    public DirectoryConnection withBindPassword(String password) {
        return new DirectoryConnection(host, port, security, caCertificatePem, trustAll, bindDn, password,
                connectTimeout, responseTimeout, pageSize);
    }

    @Override
    public String toString() {
        return "DirectoryConnection[" + security + "://" + host + ":" + port + ", bindDn=" + bindDn
                + ", password=" + (bindPassword == null ? "none" : "***") + ", pageSize=" + pageSize + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}

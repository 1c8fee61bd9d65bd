package dev.muster.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Opens a bound connection pool to a directory: plain, LDAPS or StartTLS, trusting a given CA. */
final class Connections {
    private static final int MAX_CONNECTIONS = 4;

    private Connections() {
    }

    static LDAPConnectionPool pool(DirectoryConnection c) throws LDAPException {
        if (c.bindDn() != null && c.bindPassword() == null) {
            throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.PARAM_ERROR,
                    "a bind DN is configured without a password: refusing an unauthenticated bind");
        }
        var options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, c.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(c.responseTimeout().toMillis());
        ServerSet servers;
        PostConnectProcessor postConnect = null;
        if (c.security() == DirectoryConnection.Security.PLAIN) {
            servers = new SingleServerSet(c.host(), c.port(), options);
        } else {
            if (!c.trustAll()) {
                options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            }
            SSLContext context = sslContext(c);
            if (c.security() == DirectoryConnection.Security.LDAPS) {
                servers = new SingleServerSet(c.host(), c.port(), context.getSocketFactory(), options);
            } else {
                servers = new SingleServerSet(c.host(), c.port(), options);
                postConnect = new StartTLSPostConnectProcessor(context);
            }
        }
        BindRequest bind = c.bindDn() == null ? null : new SimpleBindRequest(c.bindDn(), c.bindPassword());
        var pool = new LDAPConnectionPool(servers, bind, 1, MAX_CONNECTIONS, postConnect);
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        pool.setConnectionPoolName("muster-directory");
        return pool;
    }

    private static SSLContext sslContext(DirectoryConnection c) {
        try {
            TrustManager trust = c.trustAll() ? new TrustAllTrustManager()
                    : c.caCertificatePem() == null ? null : trustManager(c.caCertificatePem());
            SSLUtil ssl = trust == null ? new SSLUtil() : new SSLUtil(trust);
            return ssl.createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("connection.caCertificatePem cannot be used: " + e.getMessage(), e);
        }
    }

    static TrustManager trustManager(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }
}

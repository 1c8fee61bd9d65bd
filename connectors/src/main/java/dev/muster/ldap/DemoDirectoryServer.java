package dev.muster.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;

/**
 * An in-process directory for the demo: UnboundID's in-memory server on a local port, seeded from an LDIF file,
 * accepting one bind DN. Only for demonstrations and trying Muster out, never for production data.
 */
public final class DemoDirectoryServer implements AutoCloseable {
    private final InMemoryDirectoryServer server;

    private DemoDirectoryServer(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /**
     * @param port the local port, {@code 0} for any free one
     */
    public static DemoDirectoryServer start(String baseDn, InputStream ldif, String bindDn, String bindPassword,
                                            int port) throws IOException {
        try {
            var config = new InMemoryDirectoryServerConfig(baseDn);
            config.setSchema(null); // the sample carries ppolicy attributes the default schema does not define
            config.addAdditionalBindCredentials(bindDn, bindPassword);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("demo", InetAddress.getLoopbackAddress(),
                    port, null));
            var server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, new LDIFReader(ldif));
            server.startListening();
            return new DemoDirectoryServer(server);
        } catch (LDAPException e) {
            throw new IOException("cannot start the demo directory: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getListenPort();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}

package dev.muster.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

import java.time.Duration;
import java.util.Objects;

/** In-memory directory servers on a real local socket, seeded from the LDIF fixtures. */
final class TestDirectories {
    static final String AD_BASE = "DC=corp,DC=example";
    static final String OPENLDAP_BASE = "dc=example,dc=com";
    static final String ADMIN_DN = "cn=Directory Manager";
    static final String ADMIN_PASSWORD = "s3cret-bind";

    private TestDirectories() {
    }

    /** Active Directory shaped: no schema checking, since AD attributes such as objectGUID are not in it. */
    static InMemoryDirectoryServer activeDirectory() throws Exception {
        return start(AD_BASE, "/ldap/active-directory.ldif", 0, null);
    }

    static InMemoryDirectoryServer openLdap() throws Exception {
        return start(OPENLDAP_BASE, "/ldap/openldap.ldif", 0, null);
    }

    static InMemoryDirectoryServer start(String base, String ldif, int maxSizeLimit,
                                         InMemoryOperationInterceptor interceptor) throws Exception {
        return start(base, ldif, maxSizeLimit, interceptor, java.util.List.of());
    }

    /** @param rootDse extra root DSE attributes, e.g. AD's {@code highestCommittedUSN} */
    static InMemoryDirectoryServer start(String base, String ldif, int maxSizeLimit,
                                         InMemoryOperationInterceptor interceptor,
                                         java.util.List<com.unboundid.ldap.sdk.Attribute> rootDse) throws Exception {
        var config = new InMemoryDirectoryServerConfig(base);
        config.setCustomRootDSEAttributes(rootDse);
        config.setSchema(null);
        config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setMaxSizeLimit(maxSizeLimit);
        if (interceptor != null) {
            config.addInMemoryOperationInterceptor(interceptor);
        }
        var server = new InMemoryDirectoryServer(config);
        if (ldif != null) {
            try (var in = Objects.requireNonNull(TestDirectories.class.getResourceAsStream(ldif), ldif)) {
                server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(in));
            }
        } else {
            server.add(new Entry(base, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "domain")));
        }
        server.startListening();
        return server;
    }

    static DirectoryConnection connection(InMemoryDirectoryServer server) {
        return new DirectoryConnection("127.0.0.1", server.getListenPort(), DirectoryConnection.Security.PLAIN,
                null, false, ADMIN_DN, ADMIN_PASSWORD, Duration.ofSeconds(5), Duration.ofSeconds(10), 100);
    }

    static DirectoryMapping openLdapMapping() {
        return new DirectoryMapping(DirectoryPreset.OPENLDAP, OPENLDAP_BASE, "ou=people", null, "ou=groups", null,
                null, null, null, null, null, null, null, null, null, null, null, null, "employeeType", "disabled",
                null);
    }

    static DirectoryMapping adMapping() {
        return DirectoryMapping.of(DirectoryPreset.ACTIVE_DIRECTORY, AD_BASE);
    }

    static void addPeople(InMemoryDirectoryServer server, String base, int count) throws Exception {
        server.add("dn: ou=many," + base, "objectClass: organizationalUnit", "ou: many");
        for (int i = 0; i < count; i++) {
            server.add("dn: uid=user" + i + ",ou=many," + base, "objectClass: inetOrgPerson", "uid: user" + i,
                    "cn: User " + i, "sn: " + i, "mail: user" + i + "@example.com");
        }
    }
}

package dev.muster.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An OpenLDAP-shaped in-memory directory on a local socket that a test edits as it goes. */
final class TestDirectory implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String BIND_DN = "cn=sync,dc=example,dc=com";
    static final String BIND_PASSWORD = "bind-pw-7f3a9c";
    static final String HIGHEST_USN = "100";

    final InMemoryDirectoryServer server;
    private final AtomicInteger countdown = new AtomicInteger();
    private volatile boolean failing;
    private volatile boolean once;

    TestDirectory() throws Exception {
        var config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        // as Active Directory publishes it, for incremental runs that follow uSNChanged
        config.setCustomRootDSEAttributes(List.of(new com.unboundid.ldap.sdk.Attribute("highestCommittedUSN",
                HIGHEST_USN)));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchResult(InMemoryInterceptedSearchResult result) {
                if (countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                    failing = true;
                }
                if (failing) {
                    failing = !once;
                    result.setResult(new LDAPResult(result.getMessageID(), ResultCode.UNAVAILABLE,
                            "directory going down", null, (String[]) null, (Control[]) null));
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.startListening();
    }

    /** The n-th search (page) from now and every later one fail with UNAVAILABLE: a directory dying mid-read. */
    void failFromSearch(int n) {
        once = false;
        countdown.set(n);
    }

    /** Only the n-th search from now fails: a transient fault. */
    void failOnceAtSearch(int n) {
        once = true;
        countdown.set(n);
    }

    void person(String uid, String mail, String name) throws Exception {
        server.add("dn: " + dn(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name.substring(name.lastIndexOf(' ') + 1), "mail: " + mail, "departmentNumber: Engineering");
    }

    void people(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            person("user" + i, "user" + i + "@example.com", "User Number" + i);
        }
    }

    void disable(String uid) throws Exception {
        server.modify("dn: " + dn(uid), "changetype: modify", "replace: employeeType", "employeeType: disabled");
    }

    void enable(String uid) throws Exception {
        server.modify("dn: " + dn(uid), "changetype: modify", "delete: employeeType");
    }

    void delete(String uid) throws Exception {
        server.delete(dn(uid));
    }

    void group(String cn, String... memberDns) throws Exception {
        var lines = new ArrayList<>(List.of("dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames",
                "cn: " + cn));
        for (String member : memberDns) {
            lines.add("member: " + member);
        }
        server.add(lines.toArray(String[]::new));
    }

    static String dn(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    static String groupDn(String cn) {
        return "cn=" + cn + ",ou=groups," + BASE;
    }

    /** The PUT body configuring this directory with the OpenLDAP preset; every run is full unless overridden. */
    Map<String, Object> configuration(Map<String, Object> overrides) {
        var connection = Map.<String, Object>of("host", "127.0.0.1", "port", server.getListenPort(),
                "security", "plain", "bindDn", BIND_DN, "bindPassword", BIND_PASSWORD, "pageSize", 50);
        var mapping = new java.util.HashMap<String, Object>(Map.of("baseDn", BASE, "userBase", "ou=people",
                "groupBase", "ou=groups", "disabledAttribute", "employeeType", "disabledValue", "disabled"));
        var body = new java.util.HashMap<String, Object>(Map.of("preset", "openldap", "connection", connection,
                "mapping", mapping, "newMembers", "stage", "fullSyncInterval", "PT0S",
                // a schedule that does not fire during a test run: syncs here are started by the test
                "schedule", "0 0 0 1 1 ? 2099"));
        overrides.forEach((k, v) -> {
            if (k.startsWith("mapping.")) {
                mapping.put(k.substring(8), v);
            } else {
                body.put(k, v);
            }
        });
        return body;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}

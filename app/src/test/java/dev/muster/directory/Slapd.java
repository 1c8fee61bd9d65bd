package dev.muster.directory;

import com.unboundid.ldap.sdk.LDAPConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real OpenLDAP slapd from the distribution's package, started by {@code ldap/slapd-e2e.sh} with a throwaway
 * configuration, CA and database on random local ports. Never a system slapd.
 */
final class Slapd implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String SYNC_DN = "cn=sync," + BASE;
    static final String ADMIN_DN = "cn=admin," + BASE;

    final Path work;
    final int port;
    final int ldapsPort;
    private final Process process;

    private Slapd(Path work, int port, int ldapsPort, Process process) {
        this.work = work;
        this.port = port;
        this.ldapsPort = ldapsPort;
        this.process = process;
    }

    /** Starts slapd seeded with {@code people} people user0..userN-1, nested groups and a posixGroup. */
    static Slapd start(Path work, int people) throws Exception {
        Files.createDirectories(work);
        Path seed = work.resolve("seed.ldif");
        Files.writeString(seed, seed(people));
        int port = freePort();
        int ldapsPort = freePort();
        Path script = Path.of(Objects.requireNonNull(Slapd.class.getResource("/ldap/slapd-e2e.sh")).toURI());
        Process process = new ProcessBuilder("bash", script.toString(), work.resolve("run").toString(),
                String.valueOf(port), String.valueOf(ldapsPort), seed.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("slapd.log").toFile()).start();
        var slapd = new Slapd(work.resolve("run"), port, ldapsPort, process);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd did not start: " + Files.readString(work.resolve("slapd.log")));
            }
            return accepts(port) && accepts(ldapsPort);
        });
        return slapd;
    }

    String syncPassword() throws IOException {
        return Files.readString(work.resolve("sync.password"));
    }

    String caPem() throws IOException {
        return Files.readString(work.resolve("ca.pem"));
    }

    /** A connection as the directory's administrator, to change entries as an admin of the directory would. */
    LDAPConnection admin() throws Exception {
        return new LDAPConnection("127.0.0.1", port, ADMIN_DN, Files.readString(work.resolve("admin.password")));
    }

    LDAPConnection syncUser() throws Exception {
        return new LDAPConnection("127.0.0.1", port, SYNC_DN, syncPassword());
    }

    /** Kills slapd at once, as a crash or a power cut would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    static String dn(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    private static String seed(int people) {
        var ldif = new StringBuilder("""
                dn: dc=example,dc=com
                objectClass: domain
                dc: example

                dn: ou=people,dc=example,dc=com
                objectClass: organizationalUnit
                ou: people

                dn: ou=groups,dc=example,dc=com
                objectClass: organizationalUnit
                ou: groups

                """);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            ldif.append("dn: ").append(dn("user" + i)).append("\nobjectClass: inetOrgPerson\nuid: user").append(i)
                    .append("\ncn: User ").append(i).append("\nsn: ").append(i).append("\nmail: user").append(i)
                    .append("@example.com\ntitle: Engineer\n\n");
            all.add(dn("user" + i));
        }
        ldif.append("dn: cn=backend,ou=groups,").append(BASE).append("\nobjectClass: groupOfNames\ncn: backend\n")
                .append("member: ").append(dn("user1")).append("\nmember: cn=engineering,ou=groups,").append(BASE)
                .append("\n\n");
        ldif.append("dn: cn=engineering,ou=groups,").append(BASE).append("\nobjectClass: groupOfNames\n")
                .append("cn: engineering\nmember: ").append(dn("user0")).append("\nmember: cn=backend,ou=groups,")
                .append(BASE).append("\n\n");
        ldif.append("dn: cn=ops,ou=groups,").append(BASE).append("\nobjectClass: posixGroup\ncn: ops\n")
                .append("gidNumber: 5000\nmemberUid: user2\nmemberUid: user3\n");
        return ldif.toString();
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}

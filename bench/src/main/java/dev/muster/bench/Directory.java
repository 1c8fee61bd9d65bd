package dev.muster.bench;

import static org.awaitility.Awaitility.await;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenLDAP {@code slapd} on 127.0.0.1 holding a generated directory of N people and M nested groups,
 * loaded offline with {@code slapadd} (which is what makes 100,000 entries load in seconds), as
 * app/src/test/resources/ldap/slapd-e2e.sh does for the end-to-end tests; plain LDAP only.
 */
final class Directory implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String ADMIN = "cn=admin," + BASE;
    static final String SYNC = "cn=sync," + BASE;
    static final int GROUP_FAN_OUT = 4;

    private final Process slapd;
    final int port;
    final String adminPassword;
    final String syncPassword;

    private Directory(Process slapd, int port, String adminPassword, String syncPassword) {
        this.slapd = slapd;
        this.port = port;
        this.adminPassword = adminPassword;
        this.syncPassword = syncPassword;
    }

    static Directory start(int people, int groups, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("db"));
        String adminPassword = "admin-" + UUID.randomUUID();
        String syncPassword = "sync-" + UUID.randomUUID();
        Path conf = work.resolve("slapd.conf");
        Files.writeString(conf, config(work, adminPassword));
        Path ldif = generate(people, groups, work.resolve("directory.ldif"), syncPassword);
        run(List.of(binary("slapadd"), "-q", "-f", conf.toString(), "-l", ldif.toString()), work);
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process slapd = new ProcessBuilder(binary("slapd"), "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/",
                "-d", "0").redirectErrorStream(true).redirectOutput(work.resolve("slapd.log").toFile()).start();
        var directory = new Directory(slapd, port, adminPassword, syncPassword);
        directory.awaitListening();
        return directory;
    }

    static String personDn(int i) {
        return "uid=person" + String.format("%06d", i) + ",ou=people," + BASE;
    }

    static String groupDn(int g) {
        return "cn=group-" + g + ",ou=groups," + BASE;
    }

    /**
     * People {@code person000000...}; person i is a direct member of group {@code i mod M}; group g (g > 0) is a
     * member of group {@code (g-1)/4}, so groups nest up to log4(M) deep and the root holds everyone.
     */
    static Path generate(int people, int groups, Path file, String syncPassword) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("dn: " + BASE + "\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n");
            out.write("dn: ou=people," + BASE + "\nobjectClass: organizationalUnit\nou: people\n\n");
            out.write("dn: ou=groups," + BASE + "\nobjectClass: organizationalUnit\nou: groups\n\n");
            out.write("dn: " + SYNC + "\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: sync\n"
                    + "userPassword: " + syncPassword + "\n\n");
            for (int i = 0; i < people; i++) {
                String id = String.format("%06d", i);
                out.write("dn: " + personDn(i) + "\nobjectClass: inetOrgPerson\nuid: person" + id + "\ncn: Person " + id
                        + "\nsn: " + id + "\ngivenName: Person\nmail: person" + id + "@bench.example\n"
                        + "departmentNumber: dept-" + (i % 40) + "\ntitle: " + (i % 50 == 0 ? "Manager" : "Engineer")
                        + "\n\n");
            }
            for (int g = 0; g < groups; g++) {
                out.write("dn: " + groupDn(g) + "\nobjectClass: groupOfNames\ncn: group-" + g + "\n");
                for (int i = g; i < people; i += groups) {
                    out.write("member: " + personDn(i) + "\n");
                }
                for (int child = g * GROUP_FAN_OUT + 1; child <= g * GROUP_FAN_OUT + GROUP_FAN_OUT && child < groups;
                     child++) {
                    out.write("member: " + groupDn(child) + "\n");
                }
                out.write("\n");
            }
        }
        return file;
    }

    private static String config(Path work, String adminPassword) {
        String schema = "/etc/ldap/schema";
        return "include " + schema + "/core.schema\ninclude " + schema + "/cosine.schema\n"
                + "include " + schema + "/inetorgperson.schema\ninclude " + schema + "/nis.schema\n"
                + "modulepath /usr/lib/ldap\nmoduleload back_mdb\n"
                + "pidfile " + work.resolve("slapd.pid") + "\nargsfile " + work.resolve("slapd.args") + "\n"
                + "sizelimit size.soft=50 size.hard=50 size.prtotal=unlimited\n"
                + "database mdb\nmaxsize 4294967296\nsuffix \"" + BASE + "\"\nrootdn \"" + ADMIN + "\"\n"
                + "rootpw " + adminPassword + "\ndirectory " + work.resolve("db") + "\n"
                + "index objectClass eq\nindex entryUUID eq\nindex modifyTimestamp eq\n"
                + "access to attrs=userPassword by dn.exact=\"" + ADMIN + "\" write by anonymous auth by * none\n"
                + "access to * by dn.exact=\"" + SYNC + "\" read by * none\n";
    }

    private static String binary(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return name;
    }

    private static void run(List<String> command, Path work) throws IOException, InterruptedException {
        Path log = work.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
        }
    }

    private void awaitListening() {
        await("slapd listening on " + port).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100)).until(this::listening);
    }

    private boolean listening() {
        if (!slapd.isAlive()) {
            throw new IllegalStateException("slapd exited with " + slapd.exitValue());
        }
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        slapd.destroy();
        if (!slapd.waitFor(20, TimeUnit.SECONDS)) {
            slapd.destroyForcibly().waitFor();
        }
    }
}

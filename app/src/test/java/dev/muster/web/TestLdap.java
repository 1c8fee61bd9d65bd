package dev.muster.web;

import dev.muster.ldap.DemoDirectoryServer;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An OpenLDAP-shaped directory on a local socket for the directory pages: one person, Ada. */
final class TestLdap implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String BIND_DN = "cn=sync,dc=example,dc=com";
    static final String BIND_PASSWORD = "pages-bind-pw-4e1d7b";
    private static final String LDIF = """
            dn: dc=example,dc=com
            objectClass: domain
            dc: example

            dn: ou=people,dc=example,dc=com
            objectClass: organizationalUnit
            ou: people

            dn: ou=groups,dc=example,dc=com
            objectClass: organizationalUnit
            ou: groups

            dn: uid=ada,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: ada
            cn: Ada Lovelace
            sn: Lovelace
            mail: ada@example.com
            """;

    final DemoDirectoryServer server;

    TestLdap() throws IOException {
        server = DemoDirectoryServer.start(BASE, new ByteArrayInputStream(LDIF.getBytes(StandardCharsets.UTF_8)),
                BIND_DN, BIND_PASSWORD, 0);
    }

    int port() {
        return server.port();
    }

    /**
     * Members the directory once had and no longer has: linked to it, absent from its read, so that a full sync
     * revokes them (and holds the run when they are more than its limit).
     */
    static void formerDirectoryMembers(Onboarding onboarding, String org, int count) {
        var people = new ArrayList<OnboardingCommand>();
        for (int i = 1; i <= count; i++) {
            people.add(OnboardingCommand.UpsertPerson.of("gone-" + i, "gone" + i + "@example.com", "Gone " + i,
                    Map.of(), null, true));
        }
        onboarding.run(new Batch(OrganizationId.of(org), Source.DIRECTORY,
                Actor.system(Actor.Kind.DIRECTORY_SYNC, "earlier sync"), List.copyOf(people), false, "test", null));
    }

    @Override
    public void close() {
        server.close();
    }
}

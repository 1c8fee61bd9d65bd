package dev.muster.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory reader against UnboundID's in-memory server over a real socket. */
class DirectoryReaderIntegrationTests {
    private InMemoryDirectoryServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }

    @Test
    void readsActiveDirectoryPeopleKeyedOnObjectGuidInStandardForm() throws Exception {
        server = TestDirectories.activeDirectory();
        DirectorySnapshot read = readAll(TestDirectories.adMapping());

        Map<String, DirectoryPerson> people = byEmail(read);
        assertThat(people).containsOnlyKeys("alice@corp.example", "bob@corp.example", "carol@corp.example",
                "dave@corp.example", "erin@corp.example", "Erin@corp.example");
        DirectoryPerson alice = people.get("alice@corp.example");
        assertThat(alice.sourceId()).isEqualTo("a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90");
        assertThat(alice.name()).isEqualTo("Alice Archer");
        assertThat(alice.attributes()).containsEntry("department", "Engineering").containsEntry("title", "Developer");
        assertThat(alice.uid()).isEqualTo("alice");
        assertThat(read.full()).isTrue();
    }

    @Test
    void treatsUserAccountControlBit2AsDisabled() throws Exception {
        server = TestDirectories.activeDirectory();
        Map<String, DirectoryPerson> people = byEmail(readAll(TestDirectories.adMapping()));

        assertThat(people.get("dave@corp.example").enabled()).as("514 = NORMAL_ACCOUNT | ACCOUNTDISABLE").isFalse();
        assertThat(people.get("carol@corp.example").enabled()).as("66048 has bit 2 clear").isTrue();
        assertThat(people.get("alice@corp.example").enabled()).isTrue();
    }

    @Test
    void flattensNestedGroupsAndCutsCycles() throws Exception {
        server = TestDirectories.activeDirectory();
        DirectorySnapshot read = readAll(TestDirectories.adMapping());
        Map<String, DirectoryGroup> groups = read.groups().stream()
                .collect(Collectors.toMap(DirectoryGroup::name, Function.identity()));
        String alice = "a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90";
        String bob = "0b0b0b0b-1111-2222-3333-444455556666";

        assertThat(groups.get("Engineering").memberSourceIds()).containsExactlyInAnyOrder(alice, bob);
        assertThat(groups.get("Backend").memberSourceIds()).containsExactlyInAnyOrder(alice, bob);
        assertThat(groups.get("All Staff").memberSourceIds()).containsExactlyInAnyOrder(alice, bob,
                "c0c0c0c0-aaaa-bbbb-cccc-ddddeeeeffff", "d0d0d0d0-1234-5678-9abc-def012345678");
        assertThat(read.warnings()).anyMatch(w -> w.contains("CN=Somebody Gone"));
    }

    @Test
    void resolvesMemberUidOfPosixGroupsAndReadsEntryUuid() throws Exception {
        server = TestDirectories.openLdap();
        DirectorySnapshot read = readAll(TestDirectories.openLdapMapping());
        Map<String, DirectoryPerson> people = byEmail(read);
        DirectoryGroup ops = read.groups().stream().filter(g -> g.name().equals("ops")).findFirst().orElseThrow();

        assertThat(ops.memberSourceIds()).containsExactlyInAnyOrder(people.get("carol@example.com").sourceId(),
                people.get("dave@example.com").sourceId());
        assertThat(people.get("carol@example.com").sourceId())
                .isEqualTo(server.getEntry("uid=carol,ou=people,dc=example,dc=com").getAttributeValue("entryUUID"));
        assertThat(people.get("dave@example.com").enabled()).as("employeeType=disabled").isFalse();
        assertThat(people.get("alice@example.com").attributes()).containsEntry("department", "Engineering");
        DirectoryGroup engineering = read.groups().stream().filter(g -> g.name().equals("engineering"))
                .findFirst().orElseThrow();
        assertThat(engineering.memberSourceIds()).containsExactlyInAnyOrder(
                people.get("alice@example.com").sourceId(), people.get("bob@example.com").sourceId());
    }

    @Test
    void keepsTheIdAcrossARenameAndAnEmailChange() throws Exception {
        server = TestDirectories.openLdap();
        String before = byEmail(readAll(TestDirectories.openLdapMapping())).get("bob@example.com").sourceId();

        server.modifyDN("uid=bob,ou=people,dc=example,dc=com", "uid=robert", true, null);
        server.modify("dn: uid=robert,ou=people,dc=example,dc=com", "changetype: modify", "replace: mail",
                "mail: robert@example.com");
        DirectoryPerson after = byEmail(readAll(TestDirectories.openLdapMapping())).get("robert@example.com");

        assertThat(after.sourceId()).isEqualTo(before);
        assertThat(after.dn()).isEqualTo("uid=robert,ou=people,dc=example,dc=com");
    }

    @Test
    void pagesThroughMorePeopleThanTheServerSizeLimit() throws Exception {
        server = TestDirectories.start(TestDirectories.OPENLDAP_BASE, null, 500, null);
        TestDirectories.addPeople(server, TestDirectories.OPENLDAP_BASE, 1_600);
        assertThatThrownBy(() -> server.getConnection().search(TestDirectories.OPENLDAP_BASE, SearchScope.SUB,
                "(objectClass=inetOrgPerson)"))
                .as("an unpaged search hits the size limit").isInstanceOf(LDAPSearchException.class)
                .extracting(e -> ((LDAPSearchException) e).getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);

        DirectorySnapshot read = readAll(DirectoryMapping.of(DirectoryPreset.OPENLDAP, TestDirectories.OPENLDAP_BASE));

        assertThat(read.people()).hasSize(1_600);
        assertThat(read.people().stream().map(DirectoryPerson::sourceId).distinct()).hasSize(1_600);
    }

    @Test
    void failsTheWholeReadWhenALaterPageFails() throws Exception {
        var searches = new AtomicInteger();
        server = TestDirectories.start(TestDirectories.OPENLDAP_BASE, null, 0, new InMemoryOperationInterceptor() {
            @Override
            public void processSearchResult(InMemoryInterceptedSearchResult result) {
                if (searches.incrementAndGet() == 3) {
                    result.setResult(new LDAPResult(result.getMessageID(), ResultCode.UNAVAILABLE,
                            "the directory is shutting down", null, (String[]) null, (com.unboundid.ldap.sdk.Control[]) null));
                }
            }
        });
        TestDirectories.addPeople(server, TestDirectories.OPENLDAP_BASE, 350);

        assertThatThrownBy(() -> readAll(DirectoryMapping.of(DirectoryPreset.OPENLDAP, TestDirectories.OPENLDAP_BASE)))
                .isInstanceOfSatisfying(DirectoryReadFailed.class, e -> {
                    assertThat(e.resultCode()).isEqualTo("52 (unavailable)");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("people search").contains("after 200 entries");
                });
    }

    @Test
    void failsWithTheResultCodeWhenTheBindIsRefused() throws Exception {
        server = TestDirectories.openLdap();
        var wrong = new DirectoryConnection("127.0.0.1", server.getListenPort(), DirectoryConnection.Security.PLAIN,
                null, false, TestDirectories.ADMIN_DN, "wrong", null, null, 100);

        try (var reader = new DirectoryReader(wrong, TestDirectories.openLdapMapping())) {
            assertThatThrownBy(reader::readAll).isInstanceOfSatisfying(DirectoryReadFailed.class, e -> {
                assertThat(e.resultCode()).isEqualTo("49 (invalid credentials)");
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).doesNotContain("wrong");
            });
        }
    }

    @Test
    void failsRetryablyWhenTheServerIsUnreachable() throws Exception {
        server = TestDirectories.openLdap();
        var connection = TestDirectories.connection(server);
        server.shutDown(true);
        server = null;

        try (var reader = new DirectoryReader(connection, TestDirectories.openLdapMapping())) {
            assertThatThrownBy(reader::readAll).isInstanceOfSatisfying(DirectoryReadFailed.class, e -> {
                assertThat(e.resultCode()).isEqualTo("91 (connect error)");
                assertThat(e.retryable()).isTrue();
            });
        }
    }

    @Test
    void refusesAGroupWhoseMembersComeInRanges() throws Exception {
        server = TestDirectories.activeDirectory();
        server.add("dn: CN=Huge,OU=Groups," + TestDirectories.AD_BASE, "objectClass: group", "cn: Huge",
                "member;range=0-1499: CN=Alice Archer,OU=Staff," + TestDirectories.AD_BASE,
                "objectGUID:: AAECAwQFBgcICQoLDA0ODw==");

        assertThatThrownBy(() -> readAll(TestDirectories.adMapping()))
                .isInstanceOfSatisfying(DirectoryReadFailed.class, e -> {
                    assertThat(e.getMessage()).contains("CN=Huge").contains("member;range=0-1499");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void readsOnlyPeopleChangedSinceAnInstant() throws Exception {
        server = TestDirectories.activeDirectory();
        server.modify("dn: CN=Carol Clark,OU=Staff," + TestDirectories.AD_BASE, "changetype: modify",
                "replace: whenChanged", "whenChanged: 20250601120000.0Z", "-", "replace: title", "title: CFO");

        DirectorySnapshot read;
        try (var reader = new DirectoryReader(TestDirectories.connection(server), TestDirectories.adMapping())) {
            read = reader.readChangedSince(Instant.parse("2025-06-01T11:00:00Z"));
        }

        assertThat(read.full()).isFalse();
        assertThat(read.people()).extracting(DirectoryPerson::email).containsExactly("carol@corp.example");
        assertThat(read.people().get(0).attributes()).containsEntry("title", "CFO");
        assertThat(read.groups()).isEmpty();
    }

    @Test
    void readsOnlyPeopleChangedAfterTheUpdateSequenceNumberOfTheLastRead() throws Exception {
        server = TestDirectories.start(TestDirectories.AD_BASE, "/ldap/active-directory.ldif", 0, null,
                List.of(new com.unboundid.ldap.sdk.Attribute("highestCommittedUSN", "5004")));
        for (String cn : List.of("Alice Archer", "Bob Baker", "Carol Clark", "Dave Dawson", "Erin Evans",
                "Erin Ellis")) {
            server.modify("dn: CN=" + cn + ",OU=Staff," + TestDirectories.AD_BASE, "changetype: modify",
                    "replace: uSNChanged", "uSNChanged: 5001");
        }
        var mapping = new DirectoryMapping(DirectoryPreset.ACTIVE_DIRECTORY, TestDirectories.AD_BASE, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "uSNChanged");
        DirectorySnapshot full = readAll(mapping);
        server.modify("dn: CN=Bob Baker,OU=Staff," + TestDirectories.AD_BASE, "changetype: modify",
                "replace: uSNChanged", "uSNChanged: 5007", "-", "replace: title", "title: Staff SRE");

        DirectorySnapshot changed;
        try (var reader = new DirectoryReader(TestDirectories.connection(server), mapping)) {
            changed = reader.readChangedSince(Instant.EPOCH, full.changeMark());
        }

        assertThat(full.changeMark()).isEqualTo("5004");
        assertThat(changed.people()).extracting(DirectoryPerson::email).containsExactly("bob@corp.example");
        assertThat(changed.people().get(0).attributes()).containsEntry("title", "Staff SRE");
    }

    @Test
    void failsAUsnReadWhenTheServerHasNoHighestCommittedUsn() throws Exception {
        server = TestDirectories.activeDirectory();
        var mapping = new DirectoryMapping(DirectoryPreset.ACTIVE_DIRECTORY, TestDirectories.AD_BASE, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "uSNChanged");

        assertThatThrownBy(() -> readAll(mapping)).isInstanceOf(DirectoryReadFailed.class)
                .hasMessageContaining("highestCommittedUSN");
    }

    @Test
    void rejectsAnInvalidFilterNamingTheSetting() {
        assertThatThrownBy(() -> new DirectoryMapping(DirectoryPreset.OPENLDAP, TestDirectories.OPENLDAP_BASE, null,
                "(objectClass=inetOrgPerson", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping.userFilter");
    }

    private DirectorySnapshot readAll(DirectoryMapping mapping) {
        try (var reader = new DirectoryReader(TestDirectories.connection(server), mapping)) {
            return reader.readAll();
        }
    }

    private static Map<String, DirectoryPerson> byEmail(DirectorySnapshot read) {
        return read.people().stream().filter(p -> p.email() != null)
                .collect(Collectors.toMap(DirectoryPerson::email, Function.identity()));
    }
}

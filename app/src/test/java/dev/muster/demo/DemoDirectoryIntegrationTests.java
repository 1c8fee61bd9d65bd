package dev.muster.demo;

import dev.muster.directory.DirectoryConfigurations;
import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Groups;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.Organizations;
import dev.muster.organization.Origin;
import dev.muster.organization.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded defaults: the demo organization syncs from samples/directory.ldif served in-process. */
@SpringBootTest(properties = {
        "muster.admin-token=test-admin-token-demo-directory-1",
        "muster.data-dir=./target/test-data/demo-directory-${random.uuid}",
        "muster.directory.scheduling=false"})
class DemoDirectoryIntegrationTests {
    @Autowired
    Organizations organizations;
    @Autowired
    DirectoryConfigurations configurations;
    @Autowired
    DirectorySync sync;
    @Autowired
    Runs runs;
    @Autowired
    Members members;
    @Autowired
    Groups groups;

    @Test
    void plansAtStartAndSyncsTheSampleDirectory() throws Exception {
        Organization demo = organizations.list().stream().filter(o -> o.name().equals(DemoOrganization.NAME))
                .findFirst().orElseThrow();
        assertThat(configurations.find(demo.id())).hasValueSatisfying(c ->
                assertThat(c.schedule()).isEqualTo("0 * * * * ?"));
        assertThat(runs.page(demo.id(), 0, 50).items()).filteredOn(r -> r.source() == Source.DIRECTORY)
                .extracting(Run::state).containsExactly(RunState.PLANNED);

        SyncResult result = sync.sync(demo.id(), false, true, "test");

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(members.list(new MemberQuery(demo.id(), MemberStatus.STAGED, null, Source.DIRECTORY, 0, 1))
                .total()).as("30 people, one of them disabled").isEqualTo(29);
        assertThat(members.findByEmail(demo.id(), "oscar@demo.example")).isEmpty();
        var engineering = groups.findByName(demo.id(), "Engineering").orElseThrow();
        assertThat(engineering.identity()).as("linked to the demo's existing group").isNotNull();
        assertThat(groups.memberships(demo.id(), engineering.id())).as("Backend and Frontend flattened in")
                .filteredOn(m -> m.origin() == Origin.DIRECTORY).hasSize(16);
        var allStaff = groups.findByName(demo.id(), "All Staff").orElseThrow();
        assertThat(groups.memberships(demo.id(), allStaff.id()))
                .filteredOn(m -> m.origin() == Origin.DIRECTORY).hasSize(26);
        String adaUuid = entryUuid("uid=ada,");
        assertThat(members.findByIdentity(demo.id(), new ExternalIdentity(Source.DIRECTORY, adaUuid)))
                .as("the sample's fixed entryUUID is the identity").isPresent();
    }

    private static String entryUuid(String dnStart) throws Exception {
        String ldif = Files.readString(Path.of("../samples/directory.ldif"));
        var matcher = Pattern.compile("dn: " + Pattern.quote(dnStart) + "[^\\n]*\\n(?:[^\\n]+\\n)*?entryUUID: (\\S+)")
                .matcher(ldif);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}

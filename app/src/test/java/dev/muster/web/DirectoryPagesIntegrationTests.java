package dev.muster.web;

import dev.muster.directory.DirectoryConfigurations;
import dev.muster.onboarding.Onboarding;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory pages over HTTP against a directory on a real socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + DirectoryPagesIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/directory-pages-${random.uuid}",
        "muster.demo.enabled=false", "muster.directory.scheduling=false"})
class DirectoryPagesIntegrationTests {
    static final String TOKEN = "test-admin-token-directory-pages-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Members members;
    @Autowired
    DirectoryConfigurations directories;

    TestLdap ldap;
    PageClient browser;
    String org;

    @BeforeEach
    void start() throws IOException {
        ldap = new TestLdap();
        browser = new PageClient(port);
        browser.signIn(TOKEN);
        org = browser.post("/admin/organizations", "_csrf", PageClient.csrf(browser.get("/admin/organizations")),
                        "name", "Directory Co", "plan", "TRIAL", "seats", "50", "seatLimit", "", "ownerEmail",
                        "owner@example.com", "ownerName", "").headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
    }

    @AfterEach
    void stop() {
        ldap.close();
    }

    private String page() {
        return "/admin/organizations/" + org + "/directory";
    }

    private HttpResponse<String> save(String password, String... overrides) {
        var fields = new ArrayList<>(List.of("preset", "openldap", "host", "127.0.0.1", "port",
                String.valueOf(ldap.port()), "security", "plain", "bindDn", TestLdap.BIND_DN, "bindPassword", password,
                "baseDn", TestLdap.BASE, "userBase", "ou=people", "groupBase", "ou=groups", "emailSuffix", "",
                "schedule", "0 0 0 1 1 ? 2099", "newMembers", "stage", "maxRevocations", "1",
                "maxRevocationPercent", "50", "enabled", "true"));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.set(fields.indexOf(overrides[i]) + 1, overrides[i + 1]);
        }
        fields.add("_csrf");
        fields.add(PageClient.csrf(browser.get(page())));
        return browser.post(page(), fields.toArray(String[]::new));
    }

    private String csrf() {
        return PageClient.csrf(browser.get(page()));
    }

    private long count(MemberStatus status) {
        return members.list(new dev.muster.organization.MemberQuery(OrganizationId.of(org), status, null, null, 0,
                100)).total();
    }

    @Test
    void savesTheSettingsAndNeverShowsTheBindPassword() {
        HttpResponse<String> saved = save(TestLdap.BIND_PASSWORD);

        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = browser.follow(saved);
        assertThat(shown.body()).contains("Directory settings saved.").contains("A password is stored")
                .contains("value=\"" + TestLdap.BASE + "\"").doesNotContain(TestLdap.BIND_PASSWORD);

        assertThat(browser.follow(save("")).body()).contains("A password is stored");
        HttpResponse<String> tested = browser.post(page() + "/test", "_csrf", csrf());
        assertThat(tested.body()).contains("Connected: 1 people and 0 groups read").contains("ada@example.com")
                .doesNotContain(TestLdap.BIND_PASSWORD);
    }

    @Test
    void namesTheWrongFieldStoresNothingAndDoesNotEchoThePassword() {
        HttpResponse<String> refused = save(TestLdap.BIND_PASSWORD, "port", "many");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Port: a whole number, not \u201cmany\u201d")
                .doesNotContain(TestLdap.BIND_PASSWORD).contains("value=\"" + TestLdap.BIND_DN + "\"");
        assertThat(directories.find(OrganizationId.of(org))).isEmpty();

        HttpResponse<String> noPassword = save("");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(noPassword.body()).contains("Bind password: required with a bind DN");
        assertThat(save(TestLdap.BIND_PASSWORD, "schedule", "every day").body())
                .contains("schedule is not a valid Quartz cron expression");
    }

    @Test
    void turnsTheScheduleOffWhenTheBoxIsUntickedAndKeepsWhatTheFormDoesNotShow() {
        save(TestLdap.BIND_PASSWORD);
        var before = directories.find(OrganizationId.of(org)).orElseThrow();

        var fields = new ArrayList<>(List.of("preset", "openldap", "host", "127.0.0.1", "port",
                String.valueOf(ldap.port()), "security", "plain", "bindDn", TestLdap.BIND_DN, "bindPassword", "",
                "baseDn", TestLdap.BASE, "userBase", "ou=people", "groupBase", "ou=groups", "emailSuffix", "",
                "schedule", "0 0 0 1 1 ? 2099", "newMembers", "invite", "maxRevocations", "4",
                "maxRevocationPercent", "12.5", "_csrf", csrf()));
        assertThat(browser.post(page(), fields.toArray(String[]::new)).statusCode()).isEqualTo(302);

        var after = directories.find(OrganizationId.of(org)).orElseThrow();
        assertThat(after.enabled()).isFalse();
        assertThat(after.maxRevocations()).isEqualTo(4);
        assertThat(after.maxRevocationPercent()).isEqualTo(12.5);
        assertThat(after.newMembers().name()).isEqualTo("INVITE");
        assertThat(after.mapping().userFilter()).isEqualTo(before.mapping().userFilter());
        assertThat(after.connection().bindPassword()).isEqualTo(TestLdap.BIND_PASSWORD);
        assertThat(browser.get(page()).body()).doesNotContain("name=\"enabled\" value=\"true\" checked");
    }

    @Test
    void saysWhyAConnectionTestFails() {
        save("not-the-password");

        HttpResponse<String> tested = browser.post(page() + "/test", "_csrf", csrf());

        assertThat(tested.body()).contains("The test failed").contains("49 (invalid credentials)")
                .doesNotContain("not-the-password");
    }

    @Test
    void showsTheDryRunsPlanAndChangesNothing() {
        save(TestLdap.BIND_PASSWORD);

        HttpResponse<String> dryRun = browser.post(page() + "/sync", "_csrf", csrf(), "dryRun", "true");

        assertThat(dryRun.headers().firstValue("Location").orElseThrow()).contains("/runs/");
        HttpResponse<String> plan = browser.follow(dryRun);
        assertThat(plan.body()).contains("Dry run planned").contains("(dry run)").contains("ada@example.com");
        assertThat(members.findByEmail(OrganizationId.of(org), "ada@example.com")).isEmpty();
    }

    @Test
    void holdsARunOverTheLimitUntilAnAdminApprovesIt() {
        TestLdap.formerDirectoryMembers(onboarding, org, 3);
        save(TestLdap.BIND_PASSWORD);

        HttpResponse<String> held = browser.follow(browser.post(page() + "/sync", "_csrf", csrf(),
                "dryRun", "false"));
        assertThat(held.body()).contains("awaiting approval").contains("id=\"approve-run\"")
                .contains("would revoke 3");
        assertThat(count(MemberStatus.REVOKED)).isZero();
        String run = held.uri().getPath().replaceAll(".*/runs/", "");
        assertThat(browser.get(page()).body()).contains("Runs awaiting approval").contains("data-run=\"" + run + "\"");

        HttpResponse<String> approved = browser.post("/admin/organizations/" + org + "/runs/" + run + "/approve",
                "_csrf", PageClient.csrf(held));

        assertThat(browser.follow(approved).body()).contains("Approved: the run succeeded");
        assertThat(count(MemberStatus.REVOKED)).isEqualTo(3);
        assertThat(browser.get("/admin/organizations/" + org + "/runs/" + run).body()).contains("approved")
                .doesNotContain("id=\"approve-run\"");
        HttpResponse<String> again = browser.post("/admin/organizations/" + org + "/runs/" + run + "/approve",
                "_csrf", PageClient.csrf(held));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is not awaiting approval");
    }

    @Test
    void appliesNothingOfARejectedRun() {
        TestLdap.formerDirectoryMembers(onboarding, org, 3);
        save(TestLdap.BIND_PASSWORD);
        HttpResponse<String> held = browser.follow(browser.post(page() + "/sync", "_csrf", csrf(),
                "dryRun", "false"));
        String run = held.uri().getPath().replaceAll(".*/runs/", "");

        HttpResponse<String> rejected = browser.post("/admin/organizations/" + org + "/runs/" + run + "/reject",
                "_csrf", PageClient.csrf(held));

        assertThat(browser.follow(rejected).body()).contains("Rejected: nothing of this run was applied.")
                .contains("rejected");
        assertThat(count(MemberStatus.REVOKED)).isZero();
    }

    @Test
    void asksForSettingsBeforeATest() {
        HttpResponse<String> tested = browser.post(page() + "/test", "_csrf", csrf());

        assertThat(tested.statusCode()).isEqualTo(404);
        assertThat(tested.body()).contains("This organization has no directory settings yet");
    }
}

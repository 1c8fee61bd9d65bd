package dev.muster.web;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Actor;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.organization.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages over HTTP: sign-in, session cookie, CSRF, the pages' content and errors in words. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + AdminPagesIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/admin-pages-${random.uuid}",
        "muster.demo.enabled=false"})
class AdminPagesIntegrationTests {
    static final String TOKEN = "test-admin-token-pages-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Collections collections;

    PageClient browser;
    /** The page the organization's creation redirected to, as a browser follows it. */
    HttpResponse<String> lastPage;

    @BeforeEach
    void browser() {
        browser = new PageClient(port);
    }

    private PageClient signedIn() {
        assertThat(browser.signIn(TOKEN).statusCode()).isEqualTo(302);
        return browser;
    }

    /** Creates an organization through its form and returns its id. */
    private String createOrganization(String name) {
        String csrf = PageClient.csrf(signedIn().get("/admin/organizations"));
        HttpResponse<String> created = browser.post("/admin/organizations", "_csrf", csrf, "name", name,
                "plan", "TRIAL", "seats", "50", "seatLimit", "", "ownerEmail", "owner@acme.test",
                "ownerName", "Olive Owner");
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        lastPage = browser.get(java.net.URI.create(location).getPath());
        return location.replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
    }

    private Member member(String org, String email) {
        return members.findByEmail(OrganizationId.of(org), email).orElseThrow();
    }

    @Test
    void sendsAVisitorWithoutASessionToTheSignInPage() {
        HttpResponse<String> page = browser.get("/admin/organizations?x=1");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/sign-in?next=/admin/organizations?x%3D1");
    }

    @Test
    void refusesAWrongTokenInWordsAndKeepsTheSessionCookieHttpOnlyAndLax() {
        HttpResponse<String> form = browser.get("/admin/sign-in");
        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> refused = browser.post("/admin/sign-in", "_csrf", PageClient.csrf(form),
                "token", "not-the-token-not-the-token");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("That is not the admin token");
        assertThat(browser.get("/admin/organizations").statusCode()).isEqualTo(303);
    }

    @Test
    void signsInUnderANewSessionIdAndGoesWhereTheVisitorWanted() {
        HttpResponse<String> form = browser.get("/admin/sign-in?next=/admin/organizations%3Fa%3Db");
        String before = browser.cookies.getCookieStore().getCookies().get(0).getValue();

        HttpResponse<String> signedIn = browser.post("/admin/sign-in", "_csrf", PageClient.csrf(form),
                "token", TOKEN, "next", "/admin/organizations?a=b");

        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/organizations?a=b");
        assertThat(browser.cookies.getCookieStore().getCookies().get(0).getValue()).isNotEqualTo(before);
        assertThat(browser.get("/admin/organizations").statusCode()).isEqualTo(200);
    }

    @Test
    void neverRedirectsOutsideThePagesAfterSignIn() {
        HttpResponse<String> form = browser.get("/admin/sign-in");
        HttpResponse<String> signedIn = browser.post("/admin/sign-in", "_csrf", PageClient.csrf(form),
                "token", TOKEN, "next", "https://evil.example/admin/");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/organizations");
    }

    @Test
    void refusesAStateChangingFormWithoutTheSessionsCsrfTokenAndChangesNothing() {
        signedIn();
        int before = organizations.list().size();

        HttpResponse<String> missing = browser.post("/admin/organizations", "name", "Forged", "seats", "5");
        HttpResponse<String> wrong = browser.post("/admin/organizations", "_csrf", "forged-token", "name",
                "Forged", "seats", "5");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("This form has expired or did not come from this site")
                .doesNotContain("Exception");
        assertThat(organizations.list()).hasSize(before);
    }

    @Test
    void signsOutSoThatTheSessionNoLongerWorks() {
        String csrf = PageClient.csrf(signedIn().get("/admin/organizations"));

        assertThat(browser.post("/admin/sign-out", "_csrf", csrf).statusCode()).isEqualTo(302);

        assertThat(browser.get("/admin/organizations").statusCode()).isEqualTo(303);
        assertThat(browser.post("/admin/organizations", "_csrf", csrf, "name", "After", "seats", "1")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void leavesTheApiInvitationPageAndActuatorToTheirOwnRules() {
        signedIn();

        assertThat(browser.get("/api/organizations").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/organizations", TOKEN).statusCode()).isEqualTo(200);
        // the CSV drop-folder consumer reports ready only after its first poll, which can follow the boot
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(browser.get("/actuator/health", "no-token").statusCode()).isEqualTo(200));
        assertThat(browser.get("/invitations/accept?token=x").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/organizations").headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void createsAnOrganizationWithItsFirstOwnerAndNamesEveryWrongField() {
        String org = createOrganization("Acme Pages");

        HttpResponse<String> page = lastPage;
        assertThat(page.body()).contains("Organization Acme Pages created.").contains("owner@acme.test")
                .contains("confirmed");
        assertThat(member(org, "owner@acme.test").role().name()).isEqualTo("OWNER");

        String csrf = PageClient.csrf(page);
        HttpResponse<String> bad = browser.post("/admin/organizations", "_csrf", csrf, "name", " ",
                "plan", "TRIAL", "seats", "many", "seatLimit", "", "ownerEmail", "not-an-email", "ownerName", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Name: give the organization a name.")
                .contains("Seats: a whole number, 0 or more.")
                .contains("Owner e-mail: \u201cnot-an-email\u201d is not a valid e-mail address.");
    }

    @Test
    void filtersAndPagesTheMembers() {
        String org = createOrganization("Paged");
        var people = new ArrayList<OnboardingCommand>();
        for (int i = 0; i < 30; i++) {
            people.add(OnboardingCommand.UpsertPerson.of("u" + i, "person" + i + "@acme.test", "Person " + i,
                    Map.of(), null, true));
        }
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                people, false, "test", null));
        String base = "/admin/organizations/" + org + "/members";

        HttpResponse<String> first = browser.get(base + "?status=INVITED&role=&source=SCIM");
        HttpResponse<String> second = browser.get(base + "?status=INVITED&role=&source=SCIM&offset=25");
        HttpResponse<String> manual = browser.get(base + "?source=MANUAL");

        assertThat(first.body()).contains("1 to 25 of 30").contains("offset=25").doesNotContain("owner@acme.test");
        assertThat(second.body()).contains("26 to 30 of 30").contains("rel=\"prev\"");
        assertThat(manual.body()).contains("owner@acme.test").doesNotContain("person1@acme.test");
        HttpResponse<String> bad = browser.get(base + "?status=HAPPY");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\u201cHAPPY\u201d is not a valid status");
    }

    @Test
    void showsAMembersOriginsAndTheExplanationOfItsRole() {
        String org = createOrganization("Origins");
        OrganizationId id = OrganizationId.of(org);
        collections.insert(new Collection(CollectionId.random(), id, "Secrets", null, Instant.now()));
        onboarding.run(new Batch(id, Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"), List.of(
                new OnboardingCommand.UpsertGroup("g1", "Engineering", null),
                OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of("department", "R&D"),
                        Set.of("g1"), true)), false, "test", null));
        onboarding.run(new Batch(id, Source.CSV, Actor.system(Actor.Kind.CSV_IMPORT, "people.csv"), List.of(
                new OnboardingCommand.UpsertPerson("ada@acme.test", "ada@acme.test", "Ada", Map.of(), null,
                        Set.of(), List.of(new OnboardingCommand.RequestedGrant("Secrets", AccessLevel.CAN_EDIT)),
                        null, Set.of(), true, "line 2")), false, "test", null));

        HttpResponse<String> page = browser.get("/admin/organizations/" + org + "/members/"
                + member(org, "ada@acme.test").id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Engineering").contains("Secrets").contains("can edit")
                .contains(">SCIM<").contains(">CSV<").contains("R&amp;D").contains("(from the rules)");
        assertThat(member(org, "ada@acme.test").explanation()).isNotEmpty()
                .allSatisfy(line -> assertThat(page.body()).contains(line));
    }

    @Test
    void revokesAndRestoresAMemberAndShowsARefusalWithItsReason() {
        String org = createOrganization("Actions");
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true)),
                false, "test", null));
        String ada = "/admin/organizations/" + org + "/members/" + member(org, "ada@acme.test").id();
        String owner = "/admin/organizations/" + org + "/members/" + member(org, "owner@acme.test").id();
        String csrf = PageClient.csrf(browser.get(ada));

        HttpResponse<String> revoked = browser.post(ada + "/revoke", "_csrf", csrf, "reason", "MANUAL");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(browser.get(ada).body()).contains("Revoke ada@acme.test: done").contains(">revoked<");
        assertThat(member(org, "ada@acme.test").status().name()).isEqualTo("REVOKED");

        browser.post(ada + "/restore", "_csrf", csrf);
        assertThat(member(org, "ada@acme.test").status().name()).isEqualTo("INVITED");

        browser.post(owner + "/role", "_csrf", csrf, "role", "USER");
        HttpResponse<String> refusal = browser.get(owner);
        assertThat(refusal.body()).contains("Change the role of owner@acme.test was refused:").contains("last-owner");
        assertThat(member(org, "owner@acme.test").role().name()).isEqualTo("OWNER");

        HttpResponse<String> events = browser.get("/admin/organizations/" + org + "/events");
        assertThat(events.body()).contains("MEMBER_REVOKED").contains("MEMBER_RESTORED")
                .contains("admin (web pages)");
    }

    @Test
    void pinsARoleByHandAndUnpinningLetsTheRulesDecideAgainAtOnce() {
        String org = createOrganization("Pinning");
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true)),
                false, "test", null));
        String ada = "/admin/organizations/" + org + "/members/" + member(org, "ada@acme.test").id();
        String csrf = PageClient.csrf(browser.get(ada));

        browser.post(ada + "/role", "_csrf", csrf, "role", "CUSTOM", "permissions", "MANAGE_USERS",
                "permissions", "ACCESS_REPORTS");
        assertThat(browser.get(ada).body()).contains("Change the role of ada@acme.test: done")
                .contains("set by hand");
        assertThat(member(org, "ada@acme.test").permissions()).extracting(Enum::name)
                .containsExactlyInAnyOrder("MANAGE_USERS", "ACCESS_REPORTS");

        browser.post(ada + "/unpin", "_csrf", csrf);

        assertThat(browser.get(ada).body()).contains("Let the rules decide the role of ada@acme.test: done")
                .contains("(from the rules)");
        assertThat(member(org, "ada@acme.test").role().name()).isEqualTo("USER");
        assertThat(member(org, "ada@acme.test").rolePinned()).isFalse();
    }

    @Test
    void removesAMemberOnlyWhenTheRemovalIsConfirmed() {
        String org = createOrganization("Removal");
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true)),
                false, "test", null));
        String ada = "/admin/organizations/" + org + "/members/" + member(org, "ada@acme.test").id();
        String csrf = PageClient.csrf(browser.get(ada));

        browser.post(ada + "/remove", "_csrf", csrf);
        assertThat(browser.get(ada).body()).contains("tick the box to confirm");
        assertThat(members.findByEmail(OrganizationId.of(org), "ada@acme.test")).isPresent();

        HttpResponse<String> removed = browser.post(ada + "/remove", "_csrf", csrf, "confirmed", "true");
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/members");
        assertThat(members.findByEmail(OrganizationId.of(org), "ada@acme.test")).isEmpty();
        assertThat(browser.get("/admin/organizations/" + org + "/members").body())
                .contains("Remove ada@acme.test: done");
    }

    @Test
    void showsTheRunHistoryWithTheOutcomeOfEveryItem() {
        String org = createOrganization("Runs");
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true),
                        OnboardingCommand.UpsertPerson.of("u2", "not an e-mail", "Bad", Map.of(), null, true)),
                false, "test", null));

        HttpResponse<String> runs = browser.get("/admin/organizations/" + org + "/runs");
        assertThat(runs.body()).contains("okta").contains("invited 1");
        String run = runs.body().replaceAll("(?s).*?/runs/([0-9a-f-]{36}).*", "$1");

        HttpResponse<String> items = browser.get("/admin/organizations/" + org + "/runs/" + run);
        assertThat(items.body()).contains("ada@acme.test").contains(">applied<").contains(">rejected<")
                .contains("not an e-mail");
    }

    @Test
    void saysInWordsWhenAnOrganizationMemberRunOrPageDoesNotExist() {
        signedIn();
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> organization = browser.get("/admin/organizations/" + unknown + "/members");
        HttpResponse<String> malformed = browser.get("/admin/organizations/nope/events");
        HttpResponse<String> page = browser.get("/admin/nothing-here");

        assertThat(organization.statusCode()).isEqualTo(404);
        assertThat(organization.body()).contains("There is no organization \u201c" + unknown + "\u201d");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).contains("There is no organization \u201cnope\u201d");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no page at this address").doesNotContain("Whitelabel");
        Organization any = organizations.list().get(0);
        HttpResponse<String> member = browser.get("/admin/organizations/" + any.id() + "/members/" + unknown);
        assertThat(member.statusCode()).isEqualTo(404);
        assertThat(member.body()).contains("There is no member");
    }
}

package dev.muster.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The SCIM token pages over HTTP, the tokens used by a SCIM client over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimTokensPagesIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/scim-pages-${random.uuid}",
        "muster.demo.enabled=false"})
class ScimTokensPagesIntegrationTests {
    static final String TOKEN = "test-admin-token-scim-pages-0123456789";
    private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\">(mst_scim_[^<]+)<");
    private static final Pattern REVOKE = Pattern.compile("action=\"([^\"]+/revoke)\"");

    @LocalServerPort
    int port;

    PageClient browser;
    String org;

    @BeforeEach
    void signIn() {
        browser = new PageClient(port);
        browser.signIn(TOKEN);
        org = organization("SCIM Co");
    }

    private String organization(String name) {
        return browser.post("/admin/organizations", "_csrf", PageClient.csrf(browser.get("/admin/organizations")),
                        "name", name, "plan", "TRIAL", "seats", "50", "seatLimit", "", "ownerEmail", "",
                        "ownerName", "").headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
    }

    private String page(String organization) {
        return "/admin/organizations/" + organization + "/scim-tokens";
    }

    private HttpResponse<String> issue(String name, String provider) {
        return browser.post(page(org), "_csrf", PageClient.csrf(browser.get(page(org))), "name", name,
                "provider", provider);
    }

    private static String secret(HttpResponse<String> issued) {
        Matcher m = SECRET.matcher(issued.body());
        assertThat(m.find()).as(issued.body()).isTrue();
        return m.group(1);
    }

    private int scimStatus(String secret) {
        return browser.get("/scim/v2/" + org + "/Users", secret).statusCode();
    }

    @Test
    void showsANewTokenOnceThenListsItWithItsLastUse() {
        HttpResponse<String> issued = issue("Okta production", "okta");

        assertThat(issued.statusCode()).isEqualTo(200);
        String secret = secret(issued);
        assertThat(issued.body()).contains("shown this once").contains("/scim/v2/" + org);
        HttpResponse<String> listed = browser.get(page(org));
        assertThat(listed.body()).doesNotContain(secret).contains("Okta production")
                .containsPattern("(?s)data-token=\"Okta production\".*?never");

        assertThat(scimStatus(secret)).isEqualTo(200);

        assertThat(browser.get(page(org)).body())
                .containsPattern("(?s)data-label=\"Last used\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC<");
    }

    @Test
    void revokesATokenSoThatItsProviderIsRefused() {
        String secret = secret(issue("Entra", "entra"));
        Matcher revoke = REVOKE.matcher(browser.get(page(org)).body());
        assertThat(revoke.find()).isTrue();

        HttpResponse<String> revoked = browser.post(revoke.group(1), "_csrf", PageClient.csrf(browser.get(page(org))));

        assertThat(browser.follow(revoked).body()).contains("SCIM token revoked").contains("revoked 20");
        assertThat(scimStatus(secret)).isEqualTo(401);
    }

    @Test
    void neverRevokesAnotherOrganizationsToken() {
        String secret = secret(issue("Okta", "okta"));
        Matcher revoke = REVOKE.matcher(browser.get(page(org)).body());
        assertThat(revoke.find()).isTrue();
        String other = organization("Other Co");
        String token = revoke.group(1).replaceAll(".*/scim-tokens/([^/]+)/revoke", "$1");

        HttpResponse<String> refused = browser.post(page(other) + "/" + token + "/revoke", "_csrf",
                PageClient.csrf(browser.get(page(other))));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(scimStatus(secret)).isEqualTo(200);
        assertThat(browser.get(page(other)).body()).doesNotContain("Okta");
    }

    @Test
    void namesWhatIsWrongWithTheForm() {
        HttpResponse<String> blank = issue(" ", "okta");
        HttpResponse<String> unknown = issue("Mystery", "mystery-idp");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Name: give the token a name").doesNotContain("mst_scim_");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Provider: choose one of okta, entra, onelogin, jumpcloud, generic.");
        assertThat(browser.get(page(org)).body()).contains("No SCIM token yet");
    }
}

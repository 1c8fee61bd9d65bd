package dev.muster.web;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in a real browser: Debian's headless Chromium driven through chromedriver (never downloaded),
 * at 1280 and 390 pixels wide. Screenshots of every page land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + AdminPagesBrowserIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/admin-browser-${random.uuid}",
        "muster.demo.enabled=false"})
class AdminPagesBrowserIntegrationTests {
    static final String TOKEN = "test-admin-token-browser-0123456789";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long names, addresses and reasons: what would push a page sideways on a phone. */
    private static final String WIDE_CSV = """
            email,name,department,title
            grace.hopper.with.a.very.long.address@acme-corporation-international.test,Grace Brewster Murray Hopper,Research and Development,Rear Admiral
            definitely-not-an-email-address-and-a-rather-long-one-at-that,Broken Row,Research,
            ada@acme.test,Ada Lovelace,Research,Countess
            """;


    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // An explicit driver path: Selenium Manager never runs, so nothing is downloaded. The driver stops the
        // service when it quits.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        Path profile = Files.createDirectories(Path.of("target", "chromium", UUID.randomUUID().toString()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String token) {
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("form[action$='/admin/sign-in'] button")).click();
    }

    private String notice() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("body > .notice"))).getText();
    }

    @Test
    void signsInCreatesAnOrganizationAndRevokesAMemberSeeingTheStatusAndTheAuditEvent() {
        size(1280, 1000);
        driver.get(url("/admin/organizations"));
        wait.until(ExpectedConditions.urlContains("/admin/sign-in"));

        signIn("this-is-not-the-admin-token");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText())
                .contains("That is not the admin token");
        signIn(TOKEN);
        wait.until(ExpectedConditions.urlMatches(".*/admin/organizations$"));

        driver.findElement(By.name("name")).sendKeys("Acme Browser");
        driver.findElement(By.name("seats")).clear();
        driver.findElement(By.name("seats")).sendKeys("20");
        driver.findElement(By.name("ownerEmail")).sendKeys("owner@acme.test");
        driver.findElement(By.name("ownerName")).sendKeys("Olive Owner");
        driver.findElement(By.cssSelector("#create-organization button")).click();
        assertThat(notice()).isEqualTo("Organization Acme Browser created.");
        String org = driver.getCurrentUrl().replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
        assertThat(row("owner@acme.test").getText()).contains("confirmed").contains("owner");

        onboard(org);
        driver.navigate().refresh();
        row("ada@acme.test").findElement(By.linkText("ada@acme.test")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke"))).click();

        assertThat(notice()).startsWith("Revoke ada@acme.test: done");
        assertThat(driver.findElement(By.id("member-status")).getText()).isEqualTo("revoked");
        driver.findElement(By.linkText("Audit events")).click();
        WebElement revoked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[@id='events']//tr[td[normalize-space()='MEMBER_REVOKED']]")));
        assertThat(revoked.getText()).contains("ada@acme.test revoked").contains("admin (web pages)")
                .contains("MANUAL");

        driver.findElement(By.linkText("Members")).click();
        row("owner@acme.test").findElement(By.linkText("owner@acme.test")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role")))).selectByValue("USER");
        driver.findElement(By.id("change-role")).click();
        assertThat(notice()).contains("was refused").contains("(last-owner)");
    }

    @Test
    void uploadsACsvWithABadRowSeesThePreviewAppliesItAndSeesTheNewMembers() throws IOException {
        size(1280, 1000);
        String org = signInAndCreate("Acme CSV Browser");

        driver.findElement(By.linkText("CSV invitations")).click();
        uploadCsv("""
                email,name,department
                maria.garcia@acme.test,Maria Garcia,IT
                this is not an e-mail,Broken Row,IT
                li.wei@acme.test,Li Wei,Sales
                """);

        WebElement rejected = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#plan tr.rejected")));
        assertThat(rejected.getText()).contains("3").contains("this is not an e-mail").contains("column email");
        assertThat(driver.findElement(By.cssSelector("#problems tr[data-line='3']")).getText()).contains("email");
        assertThat(driver.findElement(By.cssSelector("#plan tr[data-line='2']")).getText())
                .contains("maria.garcia@acme.test").contains("invite");
        screenshot("1280-csv-preview-flow");
        driver.findElement(By.id("csv-apply")).click();

        wait.until(ExpectedConditions.textToBe(By.id("import-state"), "completed with errors"));
        assertThat(driver.findElement(By.id("count-invite")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        driver.findElement(By.id("to-members")).click();
        assertThat(row("maria.garcia@acme.test").getText()).contains("invited").contains("CSV");
        assertThat(row("li.wei@acme.test").getText()).contains("invited");
        assertThat(driver.findElements(By.cssSelector("#members tr[data-member='this is not an e-mail']"))).isEmpty();
        assertThat(org).isNotBlank();
    }

    @Test
    void configuresTheDirectoryAndApprovesARunAwaitingApproval() throws IOException {
        size(1280, 1000);
        String org = signInAndCreate("Acme Directory Browser");
        TestLdap.formerDirectoryMembers(onboarding, org, 3);
        try (var ldap = new TestLdap()) {
            driver.findElement(By.linkText("Directory")).click();
            fill("host", "127.0.0.1");
            fill("port", String.valueOf(ldap.port()));
            fill("bindDn", TestLdap.BIND_DN);
            fill("bindPassword", TestLdap.BIND_PASSWORD);
            fill("baseDn", TestLdap.BASE);
            fill("userBase", "ou=people");
            fill("groupBase", "ou=groups");
            fill("schedule", "0 0 0 1 1 ? 2099");
            fill("maxRevocations", "1");
            driver.findElement(By.id("save-directory")).click();
            assertThat(notice()).isEqualTo("Directory settings saved.");
            assertThat(driver.findElement(By.name("bindPassword")).getAttribute("value")).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(TestLdap.BIND_PASSWORD);

            driver.findElement(By.id("test-connection")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-outcome"))).getText())
                    .startsWith("Connected: 1 people");
            driver.findElement(By.id("sync-now")).click();

            assertThat(notice()).contains("awaiting approval").contains("would revoke 3");
            WebElement approval = driver.findElement(By.id("approval"));
            assertThat(approval.getText()).contains("would revoke 3");
            screenshot("1280-directory-awaiting-approval");
            driver.findElement(By.id("approve-run")).click();

            assertThat(notice()).startsWith("Approved: the run succeeded");
            driver.get(url("/admin/organizations/" + org + "/members?status=REVOKED"));
            assertThat(row("gone1@example.com").getText()).contains("revoked");
            assertThat(row("gone3@example.com").getText()).contains("revoked");
        }
    }

    private void fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private String signInAndCreate(String name) {
        driver.get(url("/admin/sign-in"));
        signIn(TOKEN);
        wait.until(ExpectedConditions.urlMatches(".*/admin/organizations$"));
        driver.findElement(By.name("name")).sendKeys(name);
        driver.findElement(By.name("ownerEmail")).sendKeys("owner@acme.test");
        driver.findElement(By.cssSelector("#create-organization button")).click();
        notice();
        return driver.getCurrentUrl().replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
    }

    /** Chooses the file in the upload form (a real file: the browser reads it) and asks for the preview. */
    private void uploadCsv(String content) throws IOException {
        Path file = Files.createDirectories(Path.of("target", "csv-uploads"))
                .resolve("staff-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, content);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csv-file")))
                .sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("csv-preview")).click();
        wait.until(ExpectedConditions.urlContains("/csv/previews/"));
    }

    @Test
    void fitsEveryPageAt1280And390PixelsWide() throws IOException {
        driver.get(url("/admin/sign-in"));
        signIn(TOKEN);
        wait.until(ExpectedConditions.urlMatches(".*/admin/organizations$"));
        driver.findElement(By.name("name")).sendKeys("Acme Corporation With A Rather Long Organization Name");
        driver.findElement(By.name("ownerEmail")).sendKeys("olive.owner.with.a.long.address@acme-corporation.test");
        driver.findElement(By.cssSelector("#create-organization button")).click();
        notice();
        String org = driver.getCurrentUrl().replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
        onboard(org);
        driver.get(url("/admin/organizations/" + org + "/members"));
        String member = row("ada@acme.test").findElement(By.linkText("ada@acme.test")).getAttribute("href");
        driver.get(url("/admin/organizations/" + org + "/runs"));
        String run = driver.findElement(By.cssSelector("#runs a")).getAttribute("href");
        driver.get(url("/admin/organizations/" + org + "/scim-tokens"));
        driver.findElement(By.name("name")).sendKeys("Okta production tenant for the whole corporation");
        driver.findElement(By.id("issue")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-secret"))).getText();
        assertThat(secret).startsWith("mst_scim_");
        for (int width : List.of(1280, 390)) {
            size(width, 1400);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                    .as("the issued token at %d pixels scrolls sideways", width)
                    .isLessThanOrEqualTo(((Number) js("return window.innerWidth")).intValue());
            screenshot(width + "-scim-token-issued");
        }
        size(1280, 1400);
        driver.get(url("/admin/organizations/" + org + "/csv"));
        uploadCsv(WIDE_CSV);
        driver.findElement(By.id("csv-apply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("items")));
        String csvImport = driver.getCurrentUrl();
        driver.get(url("/admin/organizations/" + org + "/csv"));
        uploadCsv(WIDE_CSV.replace("grace", "grace.second"));
        String csvPreview = driver.getCurrentUrl();
        Map<String, String> pages = Map.ofEntries(
                Map.entry("directory", url("/admin/organizations/" + org + "/directory")),
                Map.entry("scim-tokens", url("/admin/organizations/" + org + "/scim-tokens")),
                Map.entry("readiness", url("/admin/organizations/" + org + "/readiness")),
                Map.entry("csv", url("/admin/organizations/" + org + "/csv")),
                Map.entry("csv-preview", csvPreview),
                Map.entry("csv-import", csvImport),
                Map.entry("organizations", url("/admin/organizations")),
                Map.entry("members", url("/admin/organizations/" + org + "/members")),
                Map.entry("member", member),
                Map.entry("runs", url("/admin/organizations/" + org + "/runs")),
                Map.entry("run", run),
                Map.entry("events", url("/admin/organizations/" + org + "/events")),
                Map.entry("not-found", url("/admin/organizations/" + UUID.randomUUID() + "/members")));

        for (int width : List.of(1280, 390)) {
            size(width, width == 1280 ? 1400 : 2400);
            Number inner = (Number) js("return window.innerWidth");
            assertThat(inner.intValue()).isLessThanOrEqualTo(width);
            pages.forEach((name, page) -> {
                driver.get(page);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
                Number scroll = (Number) js("return document.documentElement.scrollWidth");
                Number viewport = (Number) js("return window.innerWidth");
                assertThat(scroll.intValue()).as("%s at %d pixels scrolls sideways", name, width)
                        .isLessThanOrEqualTo(viewport.intValue());
                screenshot(width + "-" + name);
            });
        }
        driver.get(url("/admin/organizations/" + org + "/members"));
        driver.findElement(By.cssSelector("details.switcher summary")).click();
        assertThat(driver.findElement(By.cssSelector("details.switcher ul")).isDisplayed()).isTrue();
        screenshot("390-switcher");
    }

    private void onboard(String org) {
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(new OnboardingCommand.UpsertGroup("g1", "Engineering", null),
                        OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada Lovelace",
                                Map.of("department", "Research"), java.util.Set.of("g1"), true),
                        OnboardingCommand.UpsertPerson.of("u2", "bob@acme.test", "Bob", Map.of(), null, true),
                        OnboardingCommand.UpsertPerson.of("u3", "not an e-mail", "Bad", Map.of(), null, true)),
                false, "scim push", null));
    }

    private WebElement row(String email) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#members tr[data-member='" + email + "']")));
    }

    private void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

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
    void fitsEveryPageAt1280And390PixelsWide() {
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
        Map<String, String> pages = Map.of(
                "organizations", url("/admin/organizations"),
                "members", url("/admin/organizations/" + org + "/members"),
                "member", member,
                "runs", url("/admin/organizations/" + org + "/runs"),
                "run", run,
                "events", url("/admin/organizations/" + org + "/events"),
                "not-found", url("/admin/organizations/" + UUID.randomUUID() + "/members"));

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

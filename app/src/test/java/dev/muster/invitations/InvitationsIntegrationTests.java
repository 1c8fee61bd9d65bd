package dev.muster.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invitation e-mails through the outbox into a real SMTP server (GreenMail) that starts only after the first
 * deliveries failed, and the accept link's rules: single use, voided by a re-invite, forged links refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=./target/test-data/invitations-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.mail.host=127.0.0.1",
        "muster.mail.poll-interval=100ms",
        "muster.mail.retry-delay=100ms",
        "muster.invitations.base-url=http://muster.example"})
class InvitationsIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final Pattern LINK = Pattern.compile("http://muster\\.example/invitations/accept\\?token=(\\S+)");
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    RestClient api;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("muster.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void client() {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    record Response(int status, JsonNode body) {
    }

    private Response call(HttpMethod method, String path, Object body) {
        var spec = api.method(method).uri(path).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes());
            return new Response(res.getStatusCode().value(), text.isEmpty() ? null : json.readTree(text));
        });
    }

    private String organization(boolean invite) {
        return call(HttpMethod.POST, "/api/organizations", Map.of("name", "Acme", "seats", 20,
                "owner", Map.of("email", "owner@acme.test"),
                "settings", Map.of("sendInvitationsOnProvisioning", invite))).body().get("id").asText();
    }

    private void provision(String org, boolean dryRun, String... emails) {
        var commands = Arrays.stream(emails).map(e -> (OnboardingCommand) OnboardingCommand.UpsertPerson.of(
                "id-" + e, e, null, Map.of(), null, true)).toList();
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                commands, dryRun, "test", null));
    }

    private long outboxRows(String org) {
        return jdbc.sql("select count(*) from mail_outbox where organization_id = cast(:org as uuid)")
                .param("org", org).query(Long.class).single();
    }

    private String memberId(String org, String email) {
        return call(HttpMethod.GET, "/api/organizations/" + org + "/members?limit=200", null).body().get("items")
                .findParents("email").stream().filter(m -> m.get("email").asText().equals(email))
                .findFirst().orElseThrow().get("id").asText();
    }

    private String status(String org, String email) {
        return call(HttpMethod.GET, "/api/organizations/" + org + "/members/" + memberId(org, email), null)
                .body().at("/member/status").asText();
    }

    private Response accept(String token) {
        return api.post().uri("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token)).exchange((req, res) -> new Response(res.getStatusCode().value(),
                        json.readTree(res.getBody().readAllBytes())));
    }

    @Test
    void deliversEachInvitationExactlyOnceWhenSmtpComesBackAndTheLinkAcceptsOnce() throws Exception {
        String org = organization(true);
        provision(org, false, "ada@acme.test", "bob@acme.test", "cy@acme.test");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from mail_outbox where "
                + "organization_id = cast(:org as uuid) and attempts >= 2 and sent_at is null").param("org", org)
                .query(Long.class).single() == 3);
        assertThat(jdbc.sql("select last_error from mail_outbox where organization_id = cast(:org as uuid)")
                .param("org", org).query(String.class).list()).allSatisfy(error -> assertThat(error).isNotBlank());

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from mail_outbox where "
                + "organization_id = cast(:org as uuid) and sent_at is not null").param("org", org)
                .query(Long.class).single() == 3);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(InvitationsIntegrationTests::recipient))
                .containsExactlyInAnyOrder("ada@acme.test", "bob@acme.test", "cy@acme.test");
        assertThat(jdbc.sql("select count(*) from mail_outbox where body is not null and "
                + "organization_id = cast(:org as uuid)").param("org", org).query(Long.class).single()).isZero();

        String adaToken = token(Arrays.stream(received).filter(m -> recipient(m).equals("ada@acme.test"))
                .findFirst().orElseThrow());
        assertThat(api.get().uri("/invitations/accept?token=" + adaToken).retrieve().body(String.class))
                .contains("Accept the invitation");
        assertThat(status(org, "ada@acme.test")).isEqualTo("INVITED");

        Response accepted = accept(adaToken);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(status(org, "ada@acme.test")).isEqualTo("ACCEPTED");

        Response again = accept(adaToken);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body().get("code").asText()).isEqualTo("used");
    }

    @Test
    void reinvitingVoidsTheEarlierLinkAndForgedLinksAreRefused() {
        String org = organization(true);
        provision(org, false, "dee@acme.test");
        List<String> first = tokensFor(org, "dee@acme.test");

        Response reinvite = call(HttpMethod.POST, "/api/organizations/" + org + "/members/"
                + memberId(org, "dee@acme.test") + "/reinvite", null);
        assertThat(reinvite.status()).isEqualTo(200);

        Response old = accept(first.get(0));
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.body().get("code").asText()).isEqualTo("voided");

        String forged = first.get(0).substring(0, first.get(0).length() - 4) + "AAAA";
        assertThat(accept(forged).status()).isEqualTo(400);
        assertThat(accept("not-a-token").body().get("code").asText()).isEqualTo("invalid-token");
        assertThat(status(org, "dee@acme.test")).isEqualTo("INVITED");
    }

    @Test
    void stagedMembersAndDryRunsQueueNoEmail() {
        String staging = organization(false);
        provision(staging, false, "eve@acme.test");
        assertThat(status(staging, "eve@acme.test")).isEqualTo("STAGED");
        assertThat(outboxRows(staging)).isZero();

        String inviting = organization(true);
        provision(inviting, true, "fay@acme.test");
        assertThat(outboxRows(inviting)).isZero();
        assertThat(jdbc.sql("select count(*) from invitations where organization_id = cast(:org as uuid)")
                .param("org", inviting).query(Long.class).single()).isZero();
    }

    /** Links read from the outbox before delivery (the SMTP server of this class may not run yet). */
    private List<String> tokensFor(String org, String email) {
        return jdbc.sql("select body from mail_outbox where organization_id = cast(:org as uuid) and recipient = :to "
                        + "and body is not null order by created_at").param("org", org).param("to", email)
                .query(String.class).list().stream().map(InvitationsIntegrationTests::token).toList();
    }

    private static String token(MimeMessage message) {
        return token(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
    }

    private static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("accept link in %s", body).isTrue();
        return matcher.group(1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

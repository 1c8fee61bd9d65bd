package dev.muster.invitations;

import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.security.TokenHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues an invitation in the caller's transaction: voids the member's earlier links, stores the new link's hash
 * and queues the e-mail in the outbox. A dry run rolls all of it back with the rest of the plan.
 */
@Component
class JdbcInvitations implements Invitations {
    private final JdbcClient jdbc;
    private final InvitationLinks links;
    private final InvitationsProperties properties;
    private final Clock clock;

    JdbcInvitations(JdbcClient jdbc, InvitationLinks links, InvitationsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void invite(Member member) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.validity());
        UUID id = UUID.randomUUID();
        String token = links.issue(id, expires);
        jdbc.sql("update invitations set voided_at = :now where member_id = :member and used_at is null "
                        + "and voided_at is null")
                .param("now", Timestamp.from(now)).param("member", member.id().value()).update();
        jdbc.sql("insert into invitations (id, organization_id, member_id, token_hash, created_at, expires_at) "
                        + "values (:id, :org, :member, :hash, :now, :expires)")
                .param("id", id).param("org", member.organizationId().value()).param("member", member.id().value())
                .param("hash", TokenHash.hash(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).update();
        String organization = jdbc.sql("select name from organizations where id = :org")
                .param("org", member.organizationId().value()).query(String.class).single();
        jdbc.sql("insert into mail_outbox (id, organization_id, member_id, recipient, subject, body, created_at, "
                        + "attempts, next_attempt_at) values (:id, :org, :member, :to, :subject, :body, :now, 0, :now)")
                .param("id", UUID.randomUUID()).param("org", member.organizationId().value())
                .param("member", member.id().value()).param("to", member.email())
                .param("subject", "You are invited to join " + organization)
                .param("body", body(member, organization, properties.acceptUrl(token), expires))
                .param("now", Timestamp.from(now)).update();
    }

    private static String body(Member member, String organization, String url, Instant expires) {
        return """
                Hello %s,

                you are invited to join %s in the organization's password manager.
                Accept the invitation here (the link works once and expires on %s):

                %s

                If you did not expect this invitation, ignore this e-mail.
                """.formatted(member.name() == null ? member.email() : member.name(), organization, expires, url);
    }
}

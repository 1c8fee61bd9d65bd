package dev.muster.invitations;

import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.security.TokenHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts an invitation link: the signature must be Muster's, the link the member's newest, unused and unexpired;
 * the member moves INVITED → ACCEPTED and the link is spent in the same transaction.
 */
@Component
class InvitationAcceptance {
    private final InvitationLinks links;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MemberAdministration administration;
    private final Clock clock;

    InvitationAcceptance(InvitationLinks links, JdbcClient jdbc, TransactionTemplate transactions,
                         MemberAdministration administration, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.administration = administration;
        this.clock = clock;
    }

    /** The outcome of presenting a link. */
    sealed interface Result {
        record Accepted(OrganizationId organization, MemberId member) implements Result {
        }

        /** @param code {@code invalid-token}, {@code used}, {@code voided}, {@code expired} or the member's refusal */
        record Refused(String code, String reason) implements Result {
        }
    }

    Result accept(String token) {
        var claims = links.verify(token);
        if (claims.isEmpty()) {
            return invalid();
        }
        return transactions.execute(status -> {
            Result result = accept(token, claims.get().invitationId());
            if (result instanceof Result.Refused) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    private Result accept(String token, UUID invitationId) {
        var rows = jdbc.sql("select organization_id, member_id, token_hash, expires_at, used_at, voided_at "
                        + "from invitations where id = :id for update")
                .param("id", invitationId).query().listOfRows();
        if (rows.isEmpty() || !TokenHash.matches(token, (String) rows.get(0).get("token_hash"))) {
            return invalid();
        }
        Map<String, Object> row = rows.get(0);
        Instant now = clock.instant();
        if (row.get("used_at") != null) {
            return new Result.Refused("used", "this invitation was already accepted");
        }
        if (row.get("voided_at") != null) {
            return new Result.Refused("voided", "a newer invitation was sent; use the link in the latest e-mail");
        }
        if (instant(row.get("expires_at")).isBefore(now)) {
            return new Result.Refused("expired", "this invitation expired; ask an administrator to invite you again");
        }
        var organization = new OrganizationId((UUID) row.get("organization_id"));
        var member = new MemberId((UUID) row.get("member_id"));
        ItemOutcome outcome = administration.accept(organization, member);
        if (!(outcome instanceof ItemOutcome.Applied)) {
            String reason = outcome instanceof ItemOutcome.Rejected r ? r.reason()
                    : outcome instanceof ItemOutcome.Skipped s ? s.reason() : "the membership cannot be accepted now";
            return new Result.Refused("not-acceptable", reason);
        }
        jdbc.sql("update invitations set used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", invitationId).update();
        return new Result.Accepted(organization, member);
    }

    private static Result invalid() {
        return new Result.Refused("invalid-token", "the invitation link is not valid");
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

package dev.muster.onboarding;

import dev.muster.organization.AuditEventType;
import dev.muster.organization.Member;
import dev.muster.organization.MemberGuards;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.PolicyCompliance;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Seats;

import java.util.List;
import java.util.Optional;

/**
 * Lifecycle steps shared by every path: admission of new people (invite or stage, within the seats),
 * revocation and restore as a source asks, and the seat and policy checks on the way.
 */
final class Lifecycle {

    MemberGuards guards(Item item) {
        Member acting = item.actor().member() == null ? null
                : item.store.members().find(item.organization.id(), item.actor().member()).orElseThrow(
                        () -> new Item.Abort(new ItemOutcome.Rejected("unknown-actor",
                                "the acting member does not belong to this organization")));
        return new MemberGuards(item.actor(), acting);
    }

    /** A new member: staged or invited, or revoked at once when the source sends it inactive. */
    Member admit(Item item, Member member, boolean active) {
        if (!active) {
            item.change(Change.Kind.STAGED, null, MemberStatus.STAGED);
            item.change(Change.Kind.REVOKED, MemberStatus.STAGED, RevocationReason.SOURCE_DEACTIVATED);
            return member.revoke(RevocationReason.SOURCE_DEACTIVATED);
        }
        if (!invites(item)) {
            item.change(Change.Kind.STAGED, null, MemberStatus.STAGED);
            item.events.add(new OnboardingEvent.MemberStaged(member.organizationId(), member.id()));
            return member;
        }
        Optional<String> held = claimSeat(item);
        if (held.isPresent()) {
            item.change(Change.Kind.INVITATION_HELD, null, held.get());
            return member;
        }
        item.change(Change.Kind.INVITED, null, MemberStatus.INVITED);
        item.events.add(new OnboardingEvent.MemberInvited(member.organizationId(), member.id()));
        return member.invite();
    }

    /** An existing member whose source says it is active or not. */
    Member follow(Item item, Member member, boolean active) {
        if (!active && !member.isRevoked()) {
            item.change(Change.Kind.REVOKED, member.status(), RevocationReason.SOURCE_DEACTIVATED);
            item.audit(AuditEventType.MEMBER_REVOKED, member.id(), member.email() + " revoked",
                    "deactivated by " + item.source());
            item.events.add(new OnboardingEvent.MemberRevoked(member.organizationId(), member.id(),
                    RevocationReason.SOURCE_DEACTIVATED));
            return member.revoke(RevocationReason.SOURCE_DEACTIVATED);
        }
        if (active && member.isRevoked() && revokedBySource(member)) {
            Optional<String> blocked = restoreBlocked(item, member);
            if (blocked.isPresent()) {
                item.change(Change.Kind.RESTORE_HELD, null, blocked.get());
                return member;
            }
            item.change(Change.Kind.RESTORED, MemberStatus.REVOKED, member.previousStatus());
            item.audit(AuditEventType.MEMBER_RESTORED, member.id(), member.email() + " restored to "
                    + member.previousStatus(), "activated by " + item.source());
            item.events.add(new OnboardingEvent.MemberRestored(member.organizationId(), member.id()));
            return member.restore();
        }
        return member;
    }

    /** Why a revoked member cannot be restored now (policy, seats), or empty when it can. */
    Optional<String> restoreBlocked(Item item, Member member) {
        if (member.revocationReason() == RevocationReason.POLICY_NON_COMPLIANCE) {
            List<String> violations = PolicyCompliance.violations(member,
                    item.store.policies().list(item.organization.id()));
            if (!violations.isEmpty()) {
                return Optional.of("restore blocked until compliant: " + String.join("; ", violations));
            }
        }
        if (member.previousStatus().occupiesSeat()) {
            return claimSeat(item);
        }
        return Optional.empty();
    }

    /** Takes one seat, growing seats within the limit; the reason when none is left. */
    Optional<String> claimSeat(Item item) {
        long occupied = item.store.members().countOccupyingSeats(item.organization.id());
        Seats.Claim claim = Seats.claim(item.organization, occupied);
        if (claim instanceof Seats.Claim.Exhausted exhausted) {
            return Optional.of(exhausted.reason());
        }
        if (claim instanceof Seats.Claim.Grown grown) {
            int before = item.organization.seats();
            item.organization = item.store.organizations().update(item.organization.withSeats(grown.newSeats()));
            item.change(Change.Kind.SEATS_GROWN, before, grown.newSeats());
            item.audit(AuditEventType.SEATS_CHANGED, item.organization.id(), "seats " + before + " -> "
                    + grown.newSeats(), "seat limit allows growth");
        }
        return Optional.empty();
    }

    private static boolean revokedBySource(Member member) {
        return member.revocationReason() == RevocationReason.SOURCE_DEACTIVATED || member.removeAfter() != null;
    }

    private static boolean invites(Item item) {
        return switch (item.batch.newMembers()) {
            case INVITE -> true;
            case STAGE -> false;
            case ORGANIZATION_DEFAULT -> item.organization.settings().sendInvitationsOnProvisioning();
        };
    }
}

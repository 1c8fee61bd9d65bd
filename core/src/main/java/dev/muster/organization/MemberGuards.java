package dev.muster.organization;

import java.util.Objects;
import java.util.Set;

/**
 * The guards real password-manager organizations enforce, each a small named rule returning a {@link Verdict}.
 * The installation admin (token holder) acts with an owner's rights; onboarding systems (SCIM, directory, CSV)
 * never act on owners, which keeps owners protected from automatic changes.
 *
 * @param actingMember the member who acts, {@code null} when the installation admin or a system acts
 */
public record MemberGuards(Actor actor, Member actingMember) {

    public MemberGuards {
        Objects.requireNonNull(actor, "actor");
        if (actor.member() != null && actingMember == null) {
            throw new IllegalArgumentException("the acting member must be given when a member acts");
        }
    }

    private boolean actsAsOwner() {
        return actor.kind() == Actor.Kind.ADMIN
                || actingMember != null && actingMember.role() == Role.OWNER && !actingMember.isRevoked();
    }

    private boolean isSystem() {
        return actor.member() == null && actor.kind() != Actor.Kind.ADMIN;
    }

    /** Only owners create, change or remove owners; systems never touch them. */
    public Verdict mayActOn(Member target, Role newRole) {
        boolean ownerInvolved = target.role() == Role.OWNER || newRole == Role.OWNER;
        if (!ownerInvolved) {
            return Verdict.ALLOWED;
        }
        if (isSystem()) {
            return Verdict.deny("protected-owner", "owners are never changed automatically by " + actor.kind());
        }
        return actsAsOwner() ? Verdict.ALLOWED : Verdict.deny("owner-only", "only owners act on owners");
    }

    /** Nobody revokes or removes themselves. */
    public Verdict notSelf(Member target) {
        return actingMember != null && actingMember.id().equals(target.id())
                ? Verdict.deny("not-self", "members cannot revoke or remove themselves")
                : Verdict.ALLOWED;
    }

    /**
     * The organization always keeps at least one confirmed owner.
     *
     * @param confirmedOwners confirmed, non-revoked owners in the organization now
     */
    public static Verdict keepsConfirmedOwner(Member target, Role newRole, boolean leaves, long confirmedOwners) {
        boolean targetCounts = target.role() == Role.OWNER && target.status() == MemberStatus.CONFIRMED;
        boolean stopsCounting = leaves || newRole != Role.OWNER;
        if (targetCounts && stopsCounting && confirmedOwners <= 1) {
            return Verdict.deny("last-owner", "the organization must keep at least one confirmed owner");
        }
        return Verdict.ALLOWED;
    }

    /** A custom admin cannot grant a role above its own nor permissions it does not hold. */
    public Verdict mayGrant(Role role, Set<Permission> permissions) {
        if (actingMember == null || actingMember.role() == Role.OWNER || actingMember.role() == Role.ADMIN) {
            return Verdict.ALLOWED;
        }
        if (actingMember.role() != Role.CUSTOM || !actingMember.permissions().contains(Permission.MANAGE_USERS)) {
            return Verdict.deny("no-manage-users", "the acting member may not manage users");
        }
        if (role == Role.OWNER || role == Role.ADMIN) {
            return Verdict.deny("custom-cannot-grant-role", "a custom admin cannot grant the " + role + " role");
        }
        if (!actingMember.permissions().containsAll(permissions)) {
            var missing = new java.util.TreeSet<>(permissions);
            missing.removeAll(actingMember.permissions());
            return Verdict.deny("custom-cannot-grant-permission",
                    "a custom admin cannot grant permissions it does not hold: " + missing);
        }
        return Verdict.ALLOWED;
    }

    /** Combines verdicts: the first denial wins. */
    public static Verdict all(Verdict... verdicts) {
        for (Verdict v : verdicts) {
            if (!v.allowed()) {
                return v;
            }
        }
        return Verdict.ALLOWED;
    }
}

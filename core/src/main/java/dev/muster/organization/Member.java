package dev.muster.organization;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A membership: who the person is, where they came from, where they are in the lifecycle and what they may do.
 * Immutable; lifecycle steps return a new member or fail with {@link IllegalTransition}.
 *
 * @param email the e-mail, unique per organization ignoring case
 * @param attributes facts for the role rules (department, title, compliance facts such as {@code twoFactorEnabled})
 * @param previousStatus the status before revocation, {@code null} unless revoked
 * @param removeAfter when a revoked member deleted at its source is removed, {@code null} if not scheduled
 * @param rolePinned an admin set the role by hand: rules no longer change it
 * @param explanation which rules matched and what each gave
 */
public record Member(MemberId id, OrganizationId organizationId, String email, String name,
                     Map<String, String> attributes, Set<ExternalIdentity> identities, MemberStatus status,
                     MemberStatus previousStatus, RevocationReason revocationReason, Instant removeAfter,
                     Role role, Set<Permission> permissions, boolean rolePinned, java.util.List<String> explanation,
                     Instant createdAt, Instant updatedAt, long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        email = Emails.normalize(email);
        name = name == null || name.isBlank() ? null : name.strip();
        attributes = Map.copyOf(new TreeMap<>(attributes == null ? Map.of() : attributes));
        identities = Set.copyOf(identities == null ? Set.of() : identities);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
        permissions = permissions == null || permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        explanation = explanation == null ? java.util.List.of() : java.util.List.copyOf(explanation);
        if (role != Role.CUSTOM && !permissions.isEmpty()) {
            throw new IllegalArgumentException("permissions are only held by CUSTOM members");
        }
        if ((status == MemberStatus.REVOKED) != (previousStatus != null)) {
            throw new IllegalArgumentException("previousStatus is kept exactly while revoked");
        }
        if (previousStatus == MemberStatus.REVOKED) {
            throw new IllegalArgumentException("previousStatus cannot be REVOKED");
        }
        long perSource = identities.stream().map(ExternalIdentity::source).distinct().count();
        if (perSource != identities.size()) {
            throw new IllegalArgumentException("a member has at most one identity per source");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new member as a source first provisions it. */
    public static Member newMember(OrganizationId organizationId, String email, String name,
                                   Map<String, String> attributes, ExternalIdentity identity, Instant now) {
        return new Member(MemberId.random(), organizationId, email, name, attributes,
                identity == null ? Set.of() : Set.of(identity), MemberStatus.STAGED, null, null, null,
                Role.USER, Set.of(), false, java.util.List.of(), now, now, 0);
    }

    public java.util.Optional<ExternalIdentity> identity(Source source) {
        return identities.stream().filter(i -> i.source() == source).findFirst();
    }

    public boolean isRevoked() {
        return status == MemberStatus.REVOKED;
    }

    /** The status this member returns to on restore, or holds now when not revoked. */
    public MemberStatus effectiveStatus() {
        return isRevoked() ? previousStatus : status;
    }

    public Member invite() {
        return step(MemberStatus.INVITED);
    }

    public Member accept() {
        return step(MemberStatus.ACCEPTED);
    }

    public Member confirm() {
        return step(MemberStatus.CONFIRMED);
    }

    /** Revokes from any status, remembering where the member was. */
    public Member revoke(RevocationReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (isRevoked()) {
            throw new IllegalTransition(status, MemberStatus.REVOKED);
        }
        return new Member(id, organizationId, email, name, attributes, identities, MemberStatus.REVOKED, status,
                reason, null, role, permissions, rolePinned, explanation, createdAt, updatedAt, version);
    }

    /** Returns a revoked member exactly to the status it had before revocation. */
    public Member restore() {
        if (!isRevoked()) {
            throw new IllegalTransition(status, status);
        }
        return new Member(id, organizationId, email, name, attributes, identities, previousStatus, null, null, null,
                role, permissions, rolePinned, explanation, createdAt, updatedAt, version);
    }

    public Member scheduleRemoval(Instant when) {
        if (!isRevoked()) {
            throw new IllegalStateException("only revoked members are scheduled for removal");
        }
        return new Member(id, organizationId, email, name, attributes, identities, status, previousStatus,
                revocationReason, when, role, permissions, rolePinned, explanation, createdAt, updatedAt, version);
    }

    private Member step(MemberStatus target) {
        if (!status.next().contains(target)) {
            throw new IllegalTransition(status, target);
        }
        return new Member(id, organizationId, email, name, attributes, identities, target, null, null, null, role,
                permissions, rolePinned, explanation, createdAt, updatedAt, version);
    }

    public Member withProfile(String newEmail, String newName, Map<String, String> newAttributes) {
        return new Member(id, organizationId, newEmail, newName, newAttributes, identities, status, previousStatus,
                revocationReason, removeAfter, role, permissions, rolePinned, explanation, createdAt, updatedAt,
                version);
    }

    public Member withIdentity(ExternalIdentity identity) {
        var next = new java.util.HashSet<>(identities);
        next.removeIf(i -> i.source() == identity.source());
        next.add(identity);
        return new Member(id, organizationId, email, name, attributes, next, status, previousStatus,
                revocationReason, removeAfter, role, permissions, rolePinned, explanation, createdAt, updatedAt,
                version);
    }

    public Member withRole(Role newRole, Set<Permission> newPermissions, boolean pinned) {
        return new Member(id, organizationId, email, name, attributes, identities, status, previousStatus,
                revocationReason, removeAfter, newRole, newRole == Role.CUSTOM ? newPermissions : Set.of(), pinned,
                explanation, createdAt, updatedAt, version);
    }

    public Member withExplanation(java.util.List<String> newExplanation) {
        return new Member(id, organizationId, email, name, attributes, identities, status, previousStatus,
                revocationReason, removeAfter, role, permissions, rolePinned, newExplanation, createdAt, updatedAt,
                version);
    }

    public Member touched(Instant now) {
        return new Member(id, organizationId, email, name, attributes, identities, status, previousStatus,
                revocationReason, removeAfter, role, permissions, rolePinned, explanation, createdAt, now, version);
    }

    /** A lifecycle step that the status machine does not allow. */
    public static final class IllegalTransition extends RuntimeException {
        private final MemberStatus from;
        private final MemberStatus to;

        public IllegalTransition(MemberStatus from, MemberStatus to) {
            super("a member in status " + from + " cannot move to " + to);
            this.from = from;
            this.to = to;
        }

        public MemberStatus from() {
            return from;
        }

        public MemberStatus to() {
            return to;
        }
    }
}

package dev.muster.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of members; lookups by e-mail and external identity are indexed. */
public interface Members {
    Optional<Member> find(OrganizationId organization, MemberId id);

    Optional<Member> findByIdentity(OrganizationId organization, ExternalIdentity identity);

    /** Finds by e-mail ignoring case. */
    Optional<Member> findByEmail(OrganizationId organization, String email);

    Member insert(Member member);

    /** Writes if the stored version equals {@code member.version()}; returns it with the next version. */
    Member update(Member member) throws StaleVersion;

    /** Deletes the membership together with its group memberships and grants. */
    void delete(OrganizationId organization, MemberId id);

    Page<Member> list(MemberQuery query);

    long countOccupyingSeats(OrganizationId organization);

    long countConfirmedOwners(OrganizationId organization);

    /** Every source id of the given source in the organization (for reconciling a complete read). */
    Set<String> sourceIds(OrganizationId organization, Source source);

    /**
     * The members the given source ids of a source link to, by source id; ids no member has are absent. One read
     * per thousand ids, for commands that name many people (a group's members).
     */
    Map<String, MemberId> idsByIdentity(OrganizationId organization, Source source, Collection<String> sourceIds);

    /** The e-mail addresses of the given members of the organization, by member; one read per thousand ids. */
    Map<MemberId, String> emails(OrganizationId organization, Collection<MemberId> members);

    /**
     * What the source last applied to the members the given source ids link to, by source id: only where the
     * member has not changed since (its version is still the one recorded with the mark).
     */
    Map<String, AppliedMark> appliedMarks(OrganizationId organization, Source source, Collection<String> sourceIds);

    /**
     * Records, on the member's identity of that source, the fingerprint of the command just applied and the
     * member's version after it. Written in the caller's transaction.
     */
    void markApplied(OrganizationId organization, ExternalIdentity identity, String fingerprint, long memberVersion);

    /** Revoked members whose removal time has come, across organizations. */
    List<Member> dueForRemoval(Instant now, int limit);
}

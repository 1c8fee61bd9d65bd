package dev.muster.organization;

import java.time.Instant;
import java.util.List;
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

    /** Revoked members whose removal time has come, across organizations. */
    List<Member> dueForRemoval(Instant now, int limit);
}

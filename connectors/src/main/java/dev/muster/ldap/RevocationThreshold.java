package dev.muster.ldap;

import dev.muster.onboarding.Store;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.Locale;

/**
 * How many members a plan would revoke, against the organization's limits: more than {@code maxRevocations}
 * members or more than {@code maxPercent} of its active members holds the run for approval.
 */
record RevocationThreshold(long revocations, long activeMembers, int maxRevocations, double maxPercent) {

    /** Counts the plan's revocation candidates that are members and not revoked already. */
    static RevocationThreshold measure(Store store, OrganizationId organization, DirectoryConfiguration configuration,
                                       DirectoryPlan plan) {
        long revocations = plan.revocationCandidates().stream()
                .map(id -> store.members().findByIdentity(organization, new ExternalIdentity(Source.DIRECTORY, id)))
                .filter(m -> m.isPresent() && !m.get().isRevoked()).count();
        long all = store.members().list(new MemberQuery(organization, null, null, null, 0, 1)).total();
        long revoked = store.members().list(new MemberQuery(organization, MemberStatus.REVOKED, null, null, 0, 1))
                .total();
        return new RevocationThreshold(revocations, all - revoked, configuration.maxRevocations(),
                configuration.maxRevocationPercent());
    }

    boolean exceeded() {
        if (revocations == 0) {
            return false;
        }
        return revocations > maxRevocations || 100.0 * revocations / Math.max(1, activeMembers) > maxPercent;
    }

    String describe() {
        return String.format(Locale.ROOT, "the run would revoke %d of %d active members, over the limit of %d "
                + "members or %.1f%%: approve or reject it", revocations, activeMembers, maxRevocations, maxPercent);
    }
}

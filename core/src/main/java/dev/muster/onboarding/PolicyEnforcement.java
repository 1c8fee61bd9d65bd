package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyCompliance;
import dev.muster.organization.PolicyType;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves policies; enabling two-step login or single organization revokes the members who do not comply
 * (reason {@code POLICY_NON_COMPLIANCE}). Owners and admins are exempt, as in the products we mirror.
 */
public final class PolicyEnforcement {
    private final Store store;
    private final MemberAdministration administration;
    private final Clock clock;

    public PolicyEnforcement(Store store, MemberAdministration administration, Clock clock) {
        this.store = store;
        this.administration = administration;
        this.clock = clock;
    }

    /** What saving a policy did. */
    public record Saved(Policy policy, List<String> revokedMembers) {
    }

    public Saved save(OrganizationId org, Actor actor, PolicyType type, boolean enabled, Map<String, String> settings) {
        dev.muster.readiness.PolicySettings.validate(type, settings);
        Policy policy = new Policy(org, type, enabled, settings);
        store.transactions().inTransaction(() -> {
            store.policies().save(policy);
            store.audit().record(new AuditEvent(org, clock.instant(), actor, AuditEventType.POLICY_UPDATED,
                    type.name(), (enabled ? "enabled " : "disabled ") + type + " " + settings, actor.name()));
            return null;
        });
        var revoked = new ArrayList<String>();
        if (enabled && type.revokesNonCompliant()) {
            var policies = store.policies().list(org);
            var policyActor = Actor.system(Actor.Kind.POLICY, type.name());
            for (Member member : allMembers(org)) {
                boolean exempt = member.role() == Role.OWNER || member.role() == Role.ADMIN;
                if (!exempt && !member.isRevoked() && !PolicyCompliance.violations(member, policies).isEmpty()) {
                    var outcome = administration.revoke(org, policyActor, member.id(),
                            RevocationReason.POLICY_NON_COMPLIANCE);
                    if (outcome instanceof ItemOutcome.Applied) {
                        revoked.add(member.email());
                    }
                }
            }
        }
        return new Saved(policy, revoked);
    }

    private List<Member> allMembers(OrganizationId org) {
        var all = new ArrayList<Member>();
        long offset = 0;
        while (true) {
            Page<Member> page = store.members().list(new MemberQuery(org, null, null, null, offset, 1000));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }
}

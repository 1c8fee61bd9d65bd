package dev.muster.onboarding;

import dev.muster.organization.AuditEventType;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Verdict;

import java.time.Duration;
import java.util.Optional;

/** A source deactivating, reactivating or deleting a person, and rule re-evaluation of a member. */
final class PersonStatusSteps {
    private final Lifecycle lifecycle;
    private final RuleApplication rules;

    PersonStatusSteps(Lifecycle lifecycle, RuleApplication rules) {
        this.lifecycle = lifecycle;
        this.rules = rules;
    }

    ItemOutcome deactivate(Item item, String sourceId) {
        return withMember(item, sourceId, member -> {
            if (member.isRevoked()) {
                return new ItemOutcome.Unchanged(member.id().toString());
            }
            Optional<ItemOutcome> denied = denied(item, member);
            if (denied.isPresent()) {
                return denied.get();
            }
            save(item, member, lifecycle.follow(item, member, false));
            return item.appliedOrUnchanged(member.id());
        });
    }

    ItemOutcome reactivate(Item item, String sourceId) {
        return withMember(item, sourceId, member -> {
            if (!member.isRevoked()) {
                return new ItemOutcome.Unchanged(member.id().toString());
            }
            if (member.revocationReason() != RevocationReason.SOURCE_DEACTIVATED && member.removeAfter() == null) {
                return new ItemOutcome.Skipped(member.id().toString(), "revoked-by-" + reasonCode(member),
                        "revoked for " + member.revocationReason() + ", which a source does not undo");
            }
            Optional<String> blocked = lifecycle.restoreBlocked(item, member);
            if (blocked.isPresent()) {
                return new ItemOutcome.Skipped(member.id().toString(), blocked.get().startsWith("seat")
                        ? "seat-limit" : "policy", blocked.get());
            }
            save(item, member, lifecycle.follow(item, member, true));
            return item.appliedOrUnchanged(member.id());
        });
    }

    /** Revokes now and schedules removal after the grace period; a zero grace period removes at once. */
    ItemOutcome delete(Item item, String sourceId) {
        return withMember(item, sourceId, member -> {
            Optional<ItemOutcome> denied = denied(item, member);
            if (denied.isPresent()) {
                return denied.get();
            }
            Duration grace = item.organization.settings().removalGracePeriod();
            if (grace.isZero()) {
                remove(item, member, "deleted by " + item.source());
                return item.appliedOrUnchanged(member.id());
            }
            Member next = member.isRevoked() ? member : lifecycle.follow(item, member, false);
            if (next.removeAfter() == null) {
                next = next.scheduleRemoval(item.now.plus(grace));
                item.change(Change.Kind.REMOVAL_SCHEDULED, null, next.removeAfter());
            }
            save(item, member, next);
            return item.appliedOrUnchanged(member.id());
        });
    }

    /**
     * Re-evaluates members whose groups changed, unless the organization's rules never look at groups (then every
     * decision stays as it was and nothing needs to be read).
     */
    void groupsChanged(Item item, java.util.Collection<MemberId> members) {
        if (!members.isEmpty() && rules.readGroups(item)) {
            members.forEach(id -> reevaluate(item, id.toString()));
        }
    }

    ItemOutcome reevaluate(Item item, String memberId) {
        Optional<Member> found = item.store.members().find(item.organization.id(), MemberId.of(memberId));
        if (found.isEmpty()) {
            return new ItemOutcome.Rejected("no-target", "no member " + memberId);
        }
        Member before = found.get();
        var decided = rules.decide(item, before, RuleApplication.nonRuleGroups(item, before), null,
                java.util.Set.of());
        if (before.role() != decided.member().role() || !before.permissions().equals(decided.member().permissions())) {
            item.change(Change.Kind.ROLE_CHANGED, before.role() + " " + before.permissions(),
                    decided.member().role() + " " + decided.member().permissions());
            item.audit(AuditEventType.MEMBER_ROLE_CHANGED, before.id(), before.email() + " role " + before.role()
                    + " -> " + decided.member().role(), String.join("; ", decided.member().explanation()));
        }
        save(item, before, decided.member());
        rules.syncMemberships(item, decided.member(), dev.muster.organization.Origin.RULES, decided.groups());
        rules.syncGrants(item, decided.member(), dev.muster.organization.Origin.RULES, decided.grants());
        return item.appliedOrUnchanged(before.id());
    }

    /** Removes the membership (the step after revocation). */
    static void remove(Item item, Member member, String why) {
        item.store.members().delete(item.organization.id(), member.id());
        item.change(Change.Kind.REMOVED, member.email(), null);
        item.audit(AuditEventType.MEMBER_REMOVED, member.id(), member.email() + " removed", why);
        item.events.add(new OnboardingEvent.MemberRemoved(member.organizationId(), member.id()));
    }

    private Optional<ItemOutcome> denied(Item item, Member member) {
        var guards = lifecycle.guards(item);
        Verdict verdict = dev.muster.organization.MemberGuards.all(guards.mayActOn(member, member.role()),
                guards.notSelf(member), dev.muster.organization.MemberGuards.keepsConfirmedOwner(member,
                        member.role(), true, item.store.members().countConfirmedOwners(item.organization.id())));
        if (verdict instanceof Verdict.Denied d) {
            return Optional.of(new ItemOutcome.Skipped(member.id().toString(), d.rule(), d.reason()));
        }
        return Optional.empty();
    }

    private static void save(Item item, Member before, Member after) {
        if (!PersonSteps.sameState(before, after)) {
            item.store.members().update(after.touched(item.now));
        }
    }

    private static String reasonCode(Member member) {
        return member.revocationReason().name().toLowerCase().replace('_', '-');
    }

    private static ItemOutcome withMember(Item item, String sourceId,
                                          java.util.function.Function<Member, ItemOutcome> step) {
        var identity = new ExternalIdentity(item.source(), sourceId);
        return item.store.members().findByIdentity(item.organization.id(), identity).map(step)
                .orElseGet(() -> new ItemOutcome.Rejected("no-target",
                        "no member with " + item.source() + " id " + sourceId));
    }

}

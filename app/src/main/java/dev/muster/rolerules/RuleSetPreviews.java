package dev.muster.rolerules;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.DomainEvents;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.onboarding.Store;
import dev.muster.organization.Actor;
import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Source;
import dev.muster.roles.RoleRules;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-evaluates every member of an organization under a given rule set through the onboarding service, as a
 * recorded run of {@code ReevaluateMember} commands: a dry run for a preview (its plan is exactly what applying
 * does), or applied once the rule set is saved.
 */
@Component
class RuleSetPreviews {
    private static final int PAGE = 1000;

    private final Store store;
    private final Invitations invitations;
    private final DomainEvents events;
    private final Clock clock;

    RuleSetPreviews(Store store, Invitations invitations, DomainEvents events, Clock clock) {
        this.store = store;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    RuleSetRun run(OrganizationId organization, RoleRules rules, Actor actor, boolean dryRun, String trigger) {
        List<Member> members = members(organization);
        var commands = members.stream()
                .map(m -> (OnboardingCommand) new OnboardingCommand.ReevaluateMember(m.id().toString())).toList();
        var onboarding = new Onboarding(store, org -> rules, invitations, events, clock);
        BatchResult result = onboarding.run(new Batch(organization, Source.MANUAL, actor, commands, dryRun, trigger,
                null));
        var changes = new ArrayList<MemberChange>();
        for (ItemResult item : result.items()) {
            Member member = members.get(item.index());
            change(member, item.outcome()).ifPresent(changes::add);
        }
        return new RuleSetRun(result.runId(), dryRun, members.size(), result.counts(), changes);
    }

    private static java.util.Optional<MemberChange> change(Member member, ItemOutcome outcome) {
        String id = member.id().toString();
        if (outcome instanceof ItemOutcome.Applied applied) {
            return java.util.Optional.of(MemberChange.of(id, member.email(), member.role(), "applied", null,
                    applied.changes()));
        } else if (outcome instanceof ItemOutcome.Skipped skipped) {
            return java.util.Optional.of(MemberChange.of(id, member.email(), member.role(), "skipped",
                    skipped.reason(), List.of()));
        } else if (outcome instanceof ItemOutcome.Rejected rejected) {
            return java.util.Optional.of(MemberChange.of(id, member.email(), member.role(), "rejected",
                    rejected.reason(), List.of()));
        } else if (outcome instanceof ItemOutcome.Failed failed) {
            return java.util.Optional.of(MemberChange.of(id, member.email(), member.role(), "failed",
                    failed.reason(), List.of()));
        }
        return java.util.Optional.empty();
    }

    private List<Member> members(OrganizationId organization) {
        var all = new ArrayList<Member>();
        long offset = 0;
        while (true) {
            Page<Member> page = store.members().list(new MemberQuery(organization, null, null, null, offset, PAGE));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }
}

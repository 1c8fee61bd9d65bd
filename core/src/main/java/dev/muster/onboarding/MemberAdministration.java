package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.organization.MemberGuards;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.organization.Verdict;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What an admin does to one member by hand: change (and pin) the role, confirm, revoke, restore, remove,
 * re-invite, and the member's own acceptance. Every step passes the guards and is audited.
 */
public final class MemberAdministration {
    private final Store store;
    private final Invitations invitations;
    private final DomainEvents events;
    private final Clock clock;
    private final Lifecycle lifecycle = new Lifecycle();

    public MemberAdministration(Store store, Invitations invitations, DomainEvents events, Clock clock) {
        this.store = store;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    /** Sets the role by hand and pins it, so that rules no longer change it. */
    public ItemOutcome changeRole(OrganizationId org, Actor actor, MemberId id, Role role, Set<Permission> perms) {
        return act(org, actor, id, (item, member) -> {
            var guards = lifecycle.guards(item);
            Verdict verdict = MemberGuards.all(guards.mayActOn(member, role), guards.mayGrant(role, perms),
                    MemberGuards.keepsConfirmedOwner(member, role, false,
                            store.members().countConfirmedOwners(org)));
            if (verdict instanceof Verdict.Denied d) {
                return new ItemOutcome.Rejected(d.rule(), d.reason());
            }
            Member after = member.withRole(role, perms, true);
            if (PersonSteps.sameState(member, after)) {
                return new ItemOutcome.Unchanged(id.toString());
            }
            store.members().update(after.touched(item.now));
            item.change(Change.Kind.ROLE_CHANGED, member.role() + " " + member.permissions(),
                    role + " " + after.permissions());
            item.audit(AuditEventType.MEMBER_ROLE_CHANGED, id, member.email() + " role " + member.role() + " -> "
                    + role + " (pinned)", "changed by " + actor.name());
            item.events.add(new OnboardingEvent.RoleChanged(org, id, member.role(), role));
            return item.appliedOrUnchanged(id);
        });
    }

    /** Lets the rules decide the role again. */
    public ItemOutcome unpinRole(OrganizationId org, Actor actor, MemberId id) {
        return act(org, actor, id, (item, member) -> {
            if (!member.rolePinned()) {
                return new ItemOutcome.Unchanged(id.toString());
            }
            store.members().update(member.withRole(member.role(), member.permissions(), false).touched(item.now));
            item.change(Change.Kind.ROLE_CHANGED, member.role() + " (pinned)", member.role() + " (by rules)");
            item.audit(AuditEventType.MEMBER_UPDATED, id, member.email() + " role unpinned", actor.name());
            return item.appliedOrUnchanged(id);
        });
    }

    /**
     * Sets facts about a member that the rules and policies read (department, {@code twoFactorEnabled},
     * {@code otherOrganizations}); an empty value removes the attribute.
     */
    public ItemOutcome setAttributes(OrganizationId org, Actor actor, MemberId id, java.util.Map<String, String> set) {
        return act(org, actor, id, (item, member) -> {
            var attributes = new java.util.HashMap<>(member.attributes());
            set.forEach((k, v) -> {
                if (k == null || k.isBlank() || k.length() > 100) {
                    throw new IllegalArgumentException("attribute names are 1 to 100 characters: " + k);
                }
                if (v == null || v.isBlank()) {
                    attributes.remove(k);
                } else {
                    attributes.put(k, v);
                }
            });
            if (attributes.equals(member.attributes())) {
                return new ItemOutcome.Unchanged(id.toString());
            }
            store.members().update(member.withProfile(member.email(), member.name(), attributes).touched(item.now));
            item.change(Change.Kind.ATTRIBUTES_CHANGED, member.attributes(), attributes);
            item.audit(AuditEventType.MEMBER_UPDATED, id, member.email() + " attributes " + set.keySet(),
                    "set by " + actor.name());
            return item.appliedOrUnchanged(id);
        });
    }

    /** The person accepted the invitation (the accept link was verified by the caller). */
    public ItemOutcome accept(OrganizationId org, MemberId id) {
        return step(org, Actor.system(Actor.Kind.SYSTEM, "invitation"), id, MemberStatus.INVITED,
                Member::accept, Change.Kind.ACCEPTED, AuditEventType.MEMBER_ACCEPTED);
    }

    public ItemOutcome confirm(OrganizationId org, Actor actor, MemberId id) {
        return step(org, actor, id, MemberStatus.ACCEPTED, Member::confirm, Change.Kind.CONFIRMED,
                AuditEventType.MEMBER_CONFIRMED);
    }

    public ItemOutcome revoke(OrganizationId org, Actor actor, MemberId id, RevocationReason reason) {
        return act(org, actor, id, (item, member) -> {
            if (member.isRevoked()) {
                return new ItemOutcome.Unchanged(id.toString());
            }
            Optional<ItemOutcome> denied = leaveGuards(item, member);
            if (denied.isPresent()) {
                return denied.get();
            }
            store.members().update(member.revoke(reason).touched(item.now));
            item.change(Change.Kind.REVOKED, member.status(), reason);
            item.audit(AuditEventType.MEMBER_REVOKED, id, member.email() + " revoked", reason.name());
            item.events.add(new OnboardingEvent.MemberRevoked(org, id, reason));
            return item.appliedOrUnchanged(id);
        });
    }

    public ItemOutcome restore(OrganizationId org, Actor actor, MemberId id) {
        return act(org, actor, id, (item, member) -> {
            if (!member.isRevoked()) {
                return new ItemOutcome.Unchanged(id.toString());
            }
            var guards = lifecycle.guards(item);
            if (guards.mayActOn(member, member.role()) instanceof Verdict.Denied d) {
                return new ItemOutcome.Rejected(d.rule(), d.reason());
            }
            Optional<String> blocked = lifecycle.restoreBlocked(item, member);
            if (blocked.isPresent()) {
                return new ItemOutcome.Skipped(id.toString(), blocked.get().startsWith("seat") ? "seat-limit"
                        : "policy", blocked.get());
            }
            store.members().update(member.restore().touched(item.now));
            item.change(Change.Kind.RESTORED, MemberStatus.REVOKED, member.previousStatus());
            item.audit(AuditEventType.MEMBER_RESTORED, id, member.email() + " restored to "
                    + member.previousStatus(), "restored by " + actor.name());
            item.events.add(new OnboardingEvent.MemberRestored(org, id));
            return item.appliedOrUnchanged(id);
        });
    }

    public ItemOutcome remove(OrganizationId org, Actor actor, MemberId id) {
        return act(org, actor, id, (item, member) -> {
            Optional<ItemOutcome> denied = leaveGuards(item, member);
            if (denied.isPresent()) {
                return denied.get();
            }
            PersonStatusSteps.remove(item, member, "removed by " + actor.name());
            return item.appliedOrUnchanged(id);
        });
    }

    /** Sends a new invitation link (voiding the old one); a staged member is invited for the first time. */
    public ItemOutcome reinvite(OrganizationId org, Actor actor, MemberId id) {
        return act(org, actor, id, (item, member) -> {
            if (member.status() == MemberStatus.STAGED) {
                Optional<String> held = lifecycle.claimSeat(item);
                if (held.isPresent()) {
                    return new ItemOutcome.Skipped(id.toString(), "seat-limit", held.get());
                }
                member = store.members().update(member.invite().touched(item.now));
                item.change(Change.Kind.INVITED, MemberStatus.STAGED, MemberStatus.INVITED);
            } else if (member.status() != MemberStatus.INVITED) {
                return new ItemOutcome.Rejected("illegal-transition", "only staged or invited members are "
                        + "invited; " + member.email() + " is " + member.status());
            } else {
                item.change(Change.Kind.REINVITED, null, member.email());
            }
            invitations.invite(member);
            item.audit(AuditEventType.MEMBER_INVITED, id, member.email() + " invited", "by " + actor.name());
            item.events.add(new OnboardingEvent.MemberInvited(org, id));
            return item.appliedOrUnchanged(id);
        });
    }

    private ItemOutcome step(OrganizationId org, Actor actor, MemberId id, MemberStatus from,
                             java.util.function.UnaryOperator<Member> transition, Change.Kind kind,
                             AuditEventType type) {
        return act(org, actor, id, (item, member) -> {
            if (member.status() != from) {
                return new ItemOutcome.Rejected("illegal-transition", member.email() + " is " + member.status()
                        + ", not " + from);
            }
            Member after = store.members().update(transition.apply(member).touched(item.now));
            item.change(kind, from, after.status());
            item.audit(type, id, member.email() + " " + after.status(), actor.name());
            item.events.add(new OnboardingEvent.MemberStatusChanged(org, id, after.status()));
            return item.appliedOrUnchanged(id);
        });
    }

    private Optional<ItemOutcome> leaveGuards(Item item, Member member) {
        var guards = lifecycle.guards(item);
        Verdict verdict = MemberGuards.all(guards.notSelf(member), guards.mayActOn(member, member.role()),
                MemberGuards.keepsConfirmedOwner(member, member.role(), true,
                        store.members().countConfirmedOwners(item.organization.id())));
        if (verdict instanceof Verdict.Denied d) {
            return Optional.of(new ItemOutcome.Rejected(d.rule(), d.reason()));
        }
        return Optional.empty();
    }

    private ItemOutcome act(OrganizationId org, Actor actor, MemberId id, BiFunction<Item, Member, ItemOutcome> op) {
        Item[] holder = new Item[1];
        try {
            ItemOutcome outcome = store.transactions().inTransaction(() -> {
                var organization = store.organizations().find(org)
                        .orElseThrow(() -> new Onboarding.UnknownOrganization(org));
                var batch = new Batch(org, Source.MANUAL, actor, List.of(), false, "admin", null);
                holder[0] = new Item(store, batch, organization, clock.instant());
                return store.members().find(org, id)
                        .map(member -> op.apply(holder[0], member))
                        .orElseGet(() -> new ItemOutcome.Rejected("no-target", "no member " + id));
            });
            holder[0].events.forEach(events::publish);
            return outcome;
        } catch (Item.Abort abort) {
            return abort.outcome;
        }
    }
}

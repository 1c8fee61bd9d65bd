package dev.muster.web;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Member;
import dev.muster.organization.Organization;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The admin's actions on one member, as POST forms over {@link MemberAdministration} (the service the API uses):
 * each redirects back to the member with what happened, or the reason it was refused, in words.
 */
@Controller
@RequestMapping("/admin/organizations/{org}/members/{member}")
class MemberActions {
    private final CurrentOrganization current;
    private final MembersPages pages;
    private final MemberAdministration administration;
    private final Onboarding onboarding;

    MemberActions(CurrentOrganization current, MembersPages pages, MemberAdministration administration,
                  Onboarding onboarding) {
        this.current = current;
        this.pages = pages;
        this.administration = administration;
        this.onboarding = onboarding;
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable String org, @PathVariable String member, RedirectAttributes redirect) {
        return act(org, member, "Confirm", redirect, m -> administration.confirm(m.organizationId(), Views.ADMIN,
                m.id()));
    }

    @PostMapping("/revoke")
    String revoke(@PathVariable String org, @PathVariable String member,
                  @RequestParam(defaultValue = "MANUAL") RevocationReason reason, RedirectAttributes redirect) {
        return act(org, member, "Revoke", redirect, m -> administration.revoke(m.organizationId(), Views.ADMIN,
                m.id(), reason));
    }

    @PostMapping("/restore")
    String restore(@PathVariable String org, @PathVariable String member, RedirectAttributes redirect) {
        return act(org, member, "Restore", redirect, m -> administration.restore(m.organizationId(), Views.ADMIN,
                m.id()));
    }

    @PostMapping("/reinvite")
    String reinvite(@PathVariable String org, @PathVariable String member, RedirectAttributes redirect) {
        return act(org, member, "Invite", redirect, m -> administration.reinvite(m.organizationId(), Views.ADMIN,
                m.id()));
    }

    @PostMapping("/role")
    String role(@PathVariable String org, @PathVariable String member, @RequestParam Role role,
                @RequestParam(required = false) Set<Permission> permissions, RedirectAttributes redirect) {
        Set<Permission> flags = role == Role.CUSTOM && permissions != null && !permissions.isEmpty()
                ? EnumSet.copyOf(permissions) : Set.of();
        return act(org, member, "Change the role of", redirect, m -> administration.changeRole(m.organizationId(),
                Views.ADMIN, m.id(), role, flags));
    }

    @PostMapping("/unpin")
    String unpin(@PathVariable String org, @PathVariable String member, RedirectAttributes redirect) {
        return act(org, member, "Let the rules decide the role of", redirect, this::unpinAndReevaluate);
    }

    /** Unpins, then lets the rules decide at once (as the API does) rather than at the member's next sync. */
    private ItemOutcome unpinAndReevaluate(Member m) {
        ItemOutcome unpinned = administration.unpinRole(m.organizationId(), Views.ADMIN, m.id());
        if (!(unpinned instanceof ItemOutcome.Applied applied)) {
            return unpinned;
        }
        ItemOutcome reevaluated = onboarding.run(new Batch(m.organizationId(), Source.MANUAL, Views.ADMIN,
                List.of(new OnboardingCommand.ReevaluateMember(applied.subject())), false, "role unpinned", null))
                .outcome(0);
        var changes = new ArrayList<>(applied.changes());
        if (reevaluated instanceof ItemOutcome.Applied again) {
            changes.addAll(again.changes());
        }
        return new ItemOutcome.Applied(applied.subject(), changes);
    }

    /** Removal cannot be undone, so the form asks for a ticked box; without it nothing happens. */
    @PostMapping("/remove")
    String remove(@PathVariable String org, @PathVariable String member,
                  @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        if (!confirmed) {
            Member target = pages.find(current.resolve(org), member);
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.refused("Remove " + target.email()
                    + " was not done: tick the box to confirm that the membership is deleted."));
            return "redirect:/admin/organizations/" + org + "/members/" + target.id();
        }
        String back = act(org, member, "Remove", redirect, m -> administration.remove(m.organizationId(),
                Views.ADMIN, m.id()));
        Notice notice = (Notice) redirect.getFlashAttributes().get(Notice.ATTRIBUTE);
        return notice.ok() ? "redirect:/admin/organizations/" + org + "/members" : back;
    }

    private String act(String org, String member, String action, RedirectAttributes redirect,
                       Function<Member, ItemOutcome> step) {
        Organization organization = current.resolve(org);
        Member target = pages.find(organization, member);
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.of(action, target.email(), step.apply(target)));
        return "redirect:/admin/organizations/" + organization.id() + "/members/" + target.id();
    }
}

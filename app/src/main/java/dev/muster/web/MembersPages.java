package dev.muster.web;

import dev.muster.members.MemberOrigins;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.Page;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** An organization's members, filtered by status, role and source, and one member with its origins. */
@Controller
@RequestMapping("/admin/organizations/{org}/members")
class MembersPages {
    static final int PAGE_SIZE = 25;

    private final CurrentOrganization current;
    private final Members members;
    private final MemberOrigins origins;

    MembersPages(CurrentOrganization current, Members members, MemberOrigins origins) {
        this.current = current;
        this.members = members;
        this.origins = origins;
    }

    record Row(String id, String email, String name, String status, String role, boolean rolePinned,
               String revocationReason, List<String> sources) {
        static Row of(Member m) {
            return new Row(m.id().toString(), m.email(), m.name(), m.status().name(), m.role().name(),
                    m.rolePinned(), Views.words(m.revocationReason()),
                    m.identities().stream().map(i -> i.source().name()).sorted().toList());
        }
    }

    @GetMapping
    String list(@PathVariable String org, @RequestParam(required = false) MemberStatus status,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Source source,
                @RequestParam(defaultValue = "0") long offset,
                HttpServletRequest request, Model model) {
        Organization organization = current.resolve(org);
        Page<Member> page = members.list(new MemberQuery(organization.id(), status, role, source,
                Math.max(0, offset), PAGE_SIZE));
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "members");
        model.addAttribute("rows", page.items().stream().map(Row::of).toList());
        model.addAttribute("paging", Paging.of(page, request));
        model.addAttribute("status", status);
        model.addAttribute("role", role);
        model.addAttribute("source", source);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("sources", Source.values());
        return "members";
    }

    @GetMapping("/{member}")
    String member(@PathVariable String org, @PathVariable String member, Model model) {
        Organization organization = current.resolve(org);
        Member m = find(organization, member);
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "members");
        model.addAttribute("member", m);
        model.addAttribute("row", Row.of(m));
        model.addAttribute("profile", origins.of(organization.id(), m));
        model.addAttribute("updatedAt", Views.time(m.updatedAt()));
        model.addAttribute("createdAt", Views.time(m.createdAt()));
        model.addAttribute("removeAfter", Views.time(m.removeAfter()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Permission.values());
        model.addAttribute("reasons", RevocationReason.values());
        return "member";
    }

    Member find(Organization organization, String member) {
        try {
            return members.find(organization.id(), MemberId.of(member))
                    .orElseThrow(() -> PageProblem.notFound("member", member));
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("member", member);
        }
    }
}

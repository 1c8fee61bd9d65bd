package dev.muster.api;

import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import jakarta.validation.constraints.NotNull;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Members: list with filters, read one with its origins and role explanation, and the admin's actions. */
@RestController
@RequestMapping("/api/organizations/{org}/members")
@Validated
class MembersController {
    private final KnownOrganization known;
    private final Members members;
    private final MemberDetails origins;
    private final MemberAdministration administration;
    private final dev.muster.onboarding.Onboarding onboarding;

    MembersController(KnownOrganization known, Members members, MemberDetails origins,
                      MemberAdministration administration, dev.muster.onboarding.Onboarding onboarding) {
        this.known = known;
        this.members = members;
        this.origins = origins;
        this.administration = administration;
        this.onboarding = onboarding;
    }

    record MemberSummary(String id, String email, String name, MemberStatus status, Role role,
                         Set<Permission> permissions, boolean rolePinned, RevocationReason revocationReason,
                         List<String> sources, long version) {
        static MemberSummary of(Member m) {
            return new MemberSummary(m.id().toString(), m.email(), m.name(), m.status(), m.role(), m.permissions(),
                    m.rolePinned(), m.revocationReason(),
                    m.identities().stream().map(i -> i.source().name()).sorted().toList(), m.version());
        }
    }

    record RoleBody(@NotNull Role role, Set<Permission> permissions) {
    }

    record RevokeBody(RevocationReason reason) {
    }

    record ActionResult(String outcome, Object changes, MemberSummary member) {
    }

    @GetMapping
    Page<MemberSummary> list(@PathVariable String org, @RequestParam(required = false) MemberStatus status,
                             @RequestParam(required = false) Role role, @RequestParam(required = false) Source source,
                             @RequestParam(defaultValue = "0") long offset,
                             @RequestParam(defaultValue = "50") int limit) {
        OrganizationId id = known.resolve(org);
        Page<Member> page = members.list(new MemberQuery(id, status, role, source, offset, limit));
        return new Page<>(page.items().stream().map(MemberSummary::of).toList(), page.total(), page.offset(),
                page.limit());
    }

    @GetMapping("/{member}")
    MemberDetails.MemberDetail get(@PathVariable String org, @PathVariable String member) {
        OrganizationId id = known.resolve(org);
        return origins.detail(id, find(id, member));
    }

    @PutMapping("/{member}/role")
    ActionResult changeRole(@PathVariable String org, @PathVariable String member,
                            @RequestBody @jakarta.validation.Valid RoleBody body,
                            @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.changeRole(id, Actors.of(acting), find(id, member).id(), body.role(),
                body.permissions() == null ? Set.of() : body.permissions()));
    }

    @DeleteMapping("/{member}/role-pin")
    ActionResult unpin(@PathVariable String org, @PathVariable String member,
                       @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        var actor = Actors.of(acting);
        ItemOutcome unpinned = administration.unpinRole(id, actor, find(id, member).id());
        if (!(unpinned instanceof ItemOutcome.Applied applied)) {
            return result(id, unpinned);
        }
        // the rules decide the role again at once, rather than at the member's next sync
        var batch = new dev.muster.onboarding.Batch(id, Source.MANUAL, actor,
                List.of(new dev.muster.onboarding.OnboardingCommand.ReevaluateMember(applied.subject())), false,
                "role unpinned", null);
        ItemOutcome reevaluated = onboarding.run(batch).outcome(0);
        var changes = new java.util.ArrayList<>(applied.changes());
        if (reevaluated instanceof ItemOutcome.Applied again) {
            changes.addAll(again.changes());
        }
        return result(id, new ItemOutcome.Applied(applied.subject(), changes));
    }

    @PostMapping("/{member}/confirm")
    ActionResult confirm(@PathVariable String org, @PathVariable String member,
                         @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.confirm(id, Actors.of(acting), find(id, member).id()));
    }

    @PostMapping("/{member}/revoke")
    ActionResult revoke(@PathVariable String org, @PathVariable String member,
                        @RequestBody(required = false) RevokeBody body,
                        @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        RevocationReason reason = body == null || body.reason() == null ? RevocationReason.MANUAL : body.reason();
        return result(id, administration.revoke(id, Actors.of(acting), find(id, member).id(), reason));
    }

    @PostMapping("/{member}/restore")
    ActionResult restore(@PathVariable String org, @PathVariable String member,
                         @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.restore(id, Actors.of(acting), find(id, member).id()));
    }

    @PostMapping("/{member}/reinvite")
    ActionResult reinvite(@PathVariable String org, @PathVariable String member,
                          @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.reinvite(id, Actors.of(acting), find(id, member).id()));
    }

    @DeleteMapping("/{member}")
    ActionResult remove(@PathVariable String org, @PathVariable String member,
                        @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.remove(id, Actors.of(acting), find(id, member).id()));
    }

    @PutMapping("/{member}/attributes")
    ActionResult attributes(@PathVariable String org, @PathVariable String member,
                            @RequestBody Map<String, String> attributes,
                            @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return result(id, administration.setAttributes(id, Actors.of(acting), find(id, member).id(), attributes));
    }

    private Member find(OrganizationId org, String member) {
        MemberId id;
        try {
            id = MemberId.of(member);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.Refused.notFound("member " + member);
        }
        return members.find(org, id).orElseThrow(() -> ApiProblems.Refused.notFound("member " + member));
    }

    private ActionResult result(OrganizationId org, ItemOutcome outcome) {
        if (outcome instanceof ItemOutcome.Applied applied) {
            var after = members.find(org, MemberId.of(applied.subject()));
            return new ActionResult("applied", applied.changes(), after.map(MemberSummary::of).orElse(null));
        }
        if (outcome instanceof ItemOutcome.Unchanged unchanged) {
            return new ActionResult("unchanged", List.of(),
                    members.find(org, MemberId.of(unchanged.subject())).map(MemberSummary::of).orElse(null));
        }
        throw ApiProblems.refusal(outcome);
    }
}

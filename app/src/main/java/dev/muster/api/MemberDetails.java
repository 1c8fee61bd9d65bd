package dev.muster.api;

import dev.muster.members.MemberOrigins;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** A member as the API details it: identities, memberships and grants with their origins, the rule explanation. */
@Component
class MemberDetails {
    private final MemberOrigins origins;

    MemberDetails(MemberOrigins origins) {
        this.origins = origins;
    }

    record Identity(String source, String sourceId) {
    }

    record MemberDetail(MembersController.MemberSummary member, Map<String, String> attributes,
                        List<Identity> identities, List<MemberOrigins.Membership> groups,
                        List<MemberOrigins.Access> access, List<String> roleExplanation, String previousStatus,
                        String removeAfter, String createdAt, String updatedAt) {
    }

    MemberDetail detail(OrganizationId org, Member m) {
        MemberOrigins.Origins found = origins.of(org, m);
        return new MemberDetail(MembersController.MemberSummary.of(m), m.attributes(),
                m.identities().stream().map(i -> new Identity(i.source().name(), i.sourceId())).toList(),
                found.groups(), found.access(), m.explanation(),
                m.previousStatus() == null ? null : m.previousStatus().name(),
                m.removeAfter() == null ? null : m.removeAfter().toString(), m.createdAt().toString(),
                m.updatedAt().toString());
    }
}

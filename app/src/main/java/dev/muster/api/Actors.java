package dev.muster.api;

import dev.muster.organization.Actor;
import dev.muster.organization.MemberId;

/**
 * Who acts through the API: the installation admin, or (with the {@code X-Muster-Acting-Member} header) a
 * member of the organization whose guards then apply (owners act on owners, nobody revokes themselves, a
 * custom admin grants only what it holds).
 */
final class Actors {
    static final String HEADER = "X-Muster-Acting-Member";

    private Actors() {
    }

    static Actor of(String actingMember) {
        if (actingMember == null || actingMember.isBlank()) {
            return Actor.admin();
        }
        return Actor.member(MemberId.of(actingMember.strip()), "member " + actingMember.strip());
    }
}

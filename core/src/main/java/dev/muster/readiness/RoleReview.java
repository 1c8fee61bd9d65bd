package dev.muster.readiness;

import dev.muster.organization.Member;
import dev.muster.organization.Role;

import java.util.Locale;

/** Which members' roles deserve a review before production. */
public final class RoleReview {
    private RoleReview() {
    }

    /**
     * A member's role came from no rule when no admin pinned it and the explanation names no matching rule: it is
     * empty or only says that no rule applied (the {@code "no rules: USER"} default). Owners and revoked members
     * are not counted.
     */
    public static boolean fromNoRule(Member member) {
        if (member.role() == Role.OWNER || member.isRevoked() || member.rolePinned()) {
            return false;
        }
        return member.explanation().stream().allMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("no rule"));
    }
}

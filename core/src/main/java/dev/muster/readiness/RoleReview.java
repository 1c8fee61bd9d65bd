package dev.muster.readiness;

import dev.muster.organization.Member;
import dev.muster.organization.Role;

import java.util.Locale;

/** Which members' roles deserve a review before production. */
public final class RoleReview {
    private RoleReview() {
    }

    /**
     * A member's role came from no rule when no admin pinned it, the source did not request it, and the
     * explanation says that no rule set a role (the rule sets' {@code "no matching rule sets a role: USER"}, the
     * default {@code "no rules: USER"}) or is empty. Owners and revoked members are not counted.
     */
    public static boolean fromNoRule(Member member) {
        if (member.role() == Role.OWNER || member.isRevoked() || member.rolePinned()) {
            return false;
        }
        var lines = member.explanation().stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
        boolean requested = lines.stream().anyMatch(line -> line.contains("requested by the source"));
        boolean noRule = lines.isEmpty() || lines.stream()
                .anyMatch(line -> line.startsWith("no rule") || line.startsWith("no matching rule"));
        return noRule && !requested;
    }
}

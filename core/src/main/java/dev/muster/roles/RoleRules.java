package dev.muster.roles;

/** Decides role, groups and collection access for a person; every onboarding command asks it. */
public interface RoleRules {
    RoleDecision decide(PersonFacts person);

    /**
     * A text that is the same exactly when the rules decide the same: an applied command is only recognised as
     * repeated under the rules it was applied with. A rule set's text is its content.
     */
    default String identity() {
        return toString();
    }

    /**
     * Whether a decision can depend on the person's groups. When it cannot, a change of memberships alone leaves
     * every decision as it was, and members need no re-evaluation for it.
     */
    default boolean readsGroups() {
        return true;
    }
}

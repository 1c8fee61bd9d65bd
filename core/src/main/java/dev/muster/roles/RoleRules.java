package dev.muster.roles;

/** Decides role, groups and collection access for a person; every onboarding command asks it. */
public interface RoleRules {
    RoleDecision decide(PersonFacts person);
}

package dev.muster.onboarding;

import dev.muster.organization.AuditLog;
import dev.muster.organization.Collections;
import dev.muster.organization.Groups;
import dev.muster.organization.Members;
import dev.muster.organization.Organizations;
import dev.muster.organization.Policies;

import java.util.Objects;

/** The storage ports the onboarding service works through, with their transaction boundaries. */
public record Store(Transactions transactions, Organizations organizations, Members members, Groups groups,
                    Collections collections, Policies policies, AuditLog audit, Runs runs) {
    public Store {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(organizations, "organizations");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(runs, "runs");
    }
}

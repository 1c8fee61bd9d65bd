package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.List;
import java.util.Objects;

/**
 * Commands from one source for one organization, applied item by item.
 *
 * @param dryRun plan only: the result lists exactly the changes applying would make, and nothing is kept
 * @param trigger what started the batch, in words (a file name, "scheduled", "PATCH /Users/x")
 * @param newMembers whether people new to the organization are invited or only staged
 */
public record Batch(OrganizationId organizationId, Source source, Actor actor, List<OnboardingCommand> commands,
                    boolean dryRun, String trigger, NewMembers newMembers) {

    /** What happens to people new to the organization. */
    public enum NewMembers { INVITE, STAGE, ORGANIZATION_DEFAULT }

    public Batch {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        commands = List.copyOf(commands);
        trigger = trigger == null ? source.name() : trigger;
        newMembers = newMembers == null ? NewMembers.ORGANIZATION_DEFAULT : newMembers;
    }
}


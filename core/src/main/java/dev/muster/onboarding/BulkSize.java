package dev.muster.onboarding;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.Set;

/**
 * How many people a batch brings in, as the readiness gate counts them: every person row of a CSV, and the
 * people a directory sync would add (active people whose directory id is not yet a member).
 */
final class BulkSize {
    private BulkSize() {
    }

    static int people(Store store, OrganizationId organization, Batch batch) {
        var people = batch.commands().stream().filter(OnboardingCommand.UpsertPerson.class::isInstance)
                .map(OnboardingCommand.UpsertPerson.class::cast);
        if (batch.source() == Source.DIRECTORY) {
            Set<String> known = store.members().sourceIds(organization, Source.DIRECTORY);
            return (int) people.filter(p -> p.active() && !known.contains(p.sourceId())).count();
        }
        return (int) people.count();
    }
}

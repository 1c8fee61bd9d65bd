package dev.muster.csv;

import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Emails;

import java.util.Set;

/** Maps a valid row into the onboarding service's command; everything source-specific ends here. */
final class RowCommands {
    private RowCommands() {
    }

    /**
     * The person the row describes. It is keyed on its external id, or on its e-mail when the file gives none,
     * so that uploading the same file again finds the same members. Group names become memberships of origin
     * {@code CSV} (a file without a groups column leaves memberships alone); collections become direct grants.
     */
    static OnboardingCommand.UpsertPerson command(InvitationRow row) {
        String sourceId = row.externalId() != null ? row.externalId() : Emails.key(row.email());
        var grants = row.collections().entrySet().stream()
                .map(e -> new OnboardingCommand.RequestedGrant(e.getKey(), e.getValue())).toList();
        return new OnboardingCommand.UpsertPerson(sourceId, row.email(), row.name(), row.attributes(),
                row.groups() == null ? null : Set.of(), row.groups() == null ? Set.of() : row.groups(), grants,
                row.role(), row.permissions(), true, key(row.line(), row.email()));
    }

    static String key(int line, String email) {
        return "line " + line + (email == null ? "" : ": " + email);
    }
}

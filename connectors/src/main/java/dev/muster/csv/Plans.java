package dev.muster.csv;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;

import java.util.ArrayList;
import java.util.List;

/** Turns rows and the onboarding service's outcomes into plan rows that say what happens and why. */
final class Plans {
    private Plans() {
    }

    static PlanRow rejected(CheckedRow.Invalid row) {
        return new PlanRow(row.line(), row.email(), PlanRow.Action.REJECTED, null, List.of(), List.of(),
                row.problems().stream().map(RowProblem::toString).toList(), row.problems());
    }

    static PlanRow of(InvitationRow row, ItemOutcome outcome) {
        return of(row, outcome, requestedRole(row));
    }

    /** @param role the role the row gives its member, as {@link PlannedRoles} finds it */
    static PlanRow of(InvitationRow row, ItemOutcome outcome, String role) {
        List<String> groups = row.groups() == null ? List.of() : row.groups().stream().sorted().toList();
        List<String> collections = row.collections().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + access(e.getValue())).toList();
        String requested = requestedRole(row);
        if (outcome instanceof ItemOutcome.Applied applied) {
            boolean created = applied.changes().stream().anyMatch(c -> c.kind() == Change.Kind.CREATED);
            return new PlanRow(row.line(), row.email(), created ? PlanRow.Action.INVITE : PlanRow.Action.UPDATE,
                    role, groups, collections, why(applied.changes()), List.of());
        }
        if (outcome instanceof ItemOutcome.Unchanged) {
            return new PlanRow(row.line(), row.email(), PlanRow.Action.UNCHANGED, role, groups, collections,
                    List.of("the member is already as the row describes"), List.of());
        }
        String code;
        String reason;
        if (outcome instanceof ItemOutcome.Skipped skipped) {
            code = skipped.code();
            reason = skipped.reason();
        } else if (outcome instanceof ItemOutcome.Rejected rejected) {
            code = rejected.code();
            reason = rejected.reason();
        } else {
            var failed = (ItemOutcome.Failed) outcome;
            code = "failed";
            reason = failed.reason() + (failed.retryable() ? " (uploading the file again may succeed)" : "");
        }
        var problem = new RowProblem(row.line(), column(code), code, reason);
        return new PlanRow(row.line(), row.email(), PlanRow.Action.REJECTED, requested, groups, collections,
                List.of(problem.toString()), List.of(problem));
    }

    /** The role the row asks for, or {@code rules} when it leaves the role to the organization's rules. */
    static String requestedRole(InvitationRow row) {
        return row.role() == null ? "rules" : PlannedRoles.format(row.role(), row.permissions());
    }

    private static List<String> why(List<Change> changes) {
        var why = new ArrayList<String>();
        for (Change change : changes) {
            why.add(switch (change.kind()) {
                case CREATED -> "new member " + change.to();
                case INVITED -> "invited: an invitation e-mail is sent";
                case STAGED -> "staged: the organization stages new members without inviting them";
                case INVITATION_HELD -> "invitation held: " + change.to();
                default -> change.toString();
            });
        }
        return why;
    }

    private static String column(String code) {
        return switch (code) {
            case "unknown-group" -> InvitationHeader.GROUPS;
            case "unknown-collection" -> InvitationHeader.COLLECTIONS;
            case "invalid-email", "duplicate-email" -> InvitationHeader.EMAIL;
            case "owner-not-allowed", "custom-cannot-grant-role", "custom-cannot-grant-permission",
                    "no-manage-users" -> InvitationHeader.ROLE;
            default -> null;
        };
    }

    static String access(dev.muster.organization.AccessLevel level) {
        return switch (level) {
            case READ_ONLY -> "read-only";
            case HIDE_PASSWORDS -> "hide-passwords";
            case CAN_EDIT -> "edit";
            case CAN_MANAGE -> "manage";
        };
    }
}

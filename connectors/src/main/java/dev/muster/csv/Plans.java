package dev.muster.csv;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns rows and the onboarding service's outcomes into plan rows that say what happens and why. */
final class Plans {
    private Plans() {
    }

    static PlanRow rejected(CheckedRow.Invalid row) {
        return new PlanRow(row.line(), row.email(), PlanRow.Action.REJECTED, null, List.of(), List.of(),
                row.problems().stream().map(RowProblem::toString).toList(), row.problems());
    }

    static PlanRow of(InvitationRow row, ItemOutcome outcome) {
        List<String> groups = row.groups() == null ? List.of() : row.groups().stream().sorted().toList();
        List<String> collections = row.collections().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + access(e.getValue())).toList();
        String requested = requestedRole(row);
        if (outcome instanceof ItemOutcome.Applied applied) {
            boolean created = applied.changes().stream().anyMatch(c -> c.kind() == Change.Kind.CREATED);
            String role = applied.changes().stream().filter(c -> c.kind() == Change.Kind.ROLE_CHANGED)
                    .map(Change::to).reduce((a, b) -> b).orElse(requested);
            return new PlanRow(row.line(), row.email(), created ? PlanRow.Action.INVITE : PlanRow.Action.UPDATE,
                    role, groups, collections, why(applied.changes()), List.of());
        }
        if (outcome instanceof ItemOutcome.Unchanged) {
            return new PlanRow(row.line(), row.email(), PlanRow.Action.UNCHANGED, requested, groups, collections,
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

    static String requestedRole(InvitationRow row) {
        if (row.role() == null) {
            return "rules";
        }
        String role = row.role().name().toLowerCase(Locale.ROOT);
        if (row.role() == Role.CUSTOM && !row.permissions().isEmpty()) {
            role += ":" + row.permissions().stream().map(Permission::name).sorted()
                    .collect(Collectors.joining(";"));
        }
        return role;
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

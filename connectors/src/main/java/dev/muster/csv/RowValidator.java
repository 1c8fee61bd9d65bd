package dev.muster.csv;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Emails;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates the rows of one file in order and reports every problem of a row, each with its line and column.
 * Remembers the e-mails and external ids seen so far (one short string per row) to name both lines of a
 * duplicate; the first occurrence stays valid.
 */
final class RowValidator {
    private static final Map<String, AccessLevel> ACCESS = Map.of("read-only", AccessLevel.READ_ONLY,
            "hide-passwords", AccessLevel.HIDE_PASSWORDS, "edit", AccessLevel.CAN_EDIT,
            "manage", AccessLevel.CAN_MANAGE);

    private final InvitationHeader header;
    private final Catalog catalog;
    private final Map<String, Integer> emails = new HashMap<>();
    private final Map<String, Integer> externalIds = new HashMap<>();

    RowValidator(InvitationHeader header, Catalog catalog) {
        this.header = header;
        this.catalog = catalog;
    }

    CheckedRow check(int index, CsvReader.Record record) {
        var problems = new ArrayList<RowProblem>();
        int line = record.line();
        String email = header.value(record, InvitationHeader.EMAIL);
        if (record.syntaxProblem() != null) {
            problems.add(new RowProblem(line, null, "malformed-row", record.syntaxProblem()));
        }
        if (record.fields().size() != header.size()) {
            problems.add(new RowProblem(line, null, "wrong-field-count", "the row has " + record.fields().size()
                    + " fields, the header has " + header.size() + " (a value containing the delimiter must be "
                    + "quoted)"));
        }
        checkEmail(line, email, problems);
        String externalId = header.value(record, InvitationHeader.EXTERNAL_ID);
        checkExternalId(line, externalId, problems);
        Role role = null;
        Set<Permission> permissions = Set.of();
        String roleCell = header.value(record, InvitationHeader.ROLE);
        if (roleCell != null) {
            int colon = roleCell.indexOf(':');
            role = role(line, colon < 0 ? roleCell : roleCell.substring(0, colon), problems);
            permissions = permissions(line, role, colon < 0 ? null : roleCell.substring(colon + 1), problems);
        }
        Set<String> groups = header.has(InvitationHeader.GROUPS)
                ? groups(line, header.value(record, InvitationHeader.GROUPS), problems) : null;
        Map<String, AccessLevel> collections = collections(line,
                header.value(record, InvitationHeader.COLLECTIONS), problems);
        if (!problems.isEmpty()) {
            return new CheckedRow.Invalid(index, line, email, problems);
        }
        return new CheckedRow.Valid(new InvitationRow(index, line, email, header.value(record, InvitationHeader.NAME),
                role, permissions, groups, collections, externalId, header.attributes(record)));
    }

    private void checkEmail(int line, String email, List<RowProblem> problems) {
        String column = header.nameOf(InvitationHeader.EMAIL);
        if (email == null) {
            problems.add(new RowProblem(line, column, "missing-email", "the e-mail is empty"));
            return;
        }
        if (!Emails.isValid(email)) {
            problems.add(new RowProblem(line, column, "invalid-email", "\"" + email + "\" is not a valid e-mail "
                    + "address"));
            return;
        }
        Integer first = emails.putIfAbsent(Emails.key(email), line);
        if (first != null) {
            problems.add(new RowProblem(line, column, "duplicate-email", "e-mail " + email + " appears on line "
                    + first + " and line " + line + "; only line " + first + " is applied"));
        }
    }

    private void checkExternalId(int line, String externalId, List<RowProblem> problems) {
        if (externalId == null) {
            return;
        }
        String column = header.nameOf(InvitationHeader.EXTERNAL_ID);
        if (externalId.length() > 300) {
            problems.add(new RowProblem(line, column, "invalid-external-id", "the external id is longer than 300 "
                    + "characters"));
            return;
        }
        Integer first = externalIds.putIfAbsent(externalId, line);
        if (first != null) {
            problems.add(new RowProblem(line, column, "duplicate-external-id", "external id " + externalId
                    + " appears on line " + first + " and line " + line + "; only line " + first + " is applied"));
        }
    }

    private Role role(int line, String text, List<RowProblem> problems) {
        String column = header.nameOf(InvitationHeader.ROLE);
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.equals("OWNER")) {
            problems.add(new RowProblem(line, column, "owner-not-allowed", "owners are made by an owner in the "
                    + "members API, not by a CSV import"));
            return null;
        }
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        problems.add(new RowProblem(line, column, "unknown-role", "unknown role \"" + text.strip()
                + "\" (expected admin, user or custom:PERMISSION;...)"));
        return null;
    }

    private Set<Permission> permissions(int line, Role role, String text, List<RowProblem> problems) {
        String column = header.nameOf(InvitationHeader.ROLE);
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        if (role != null && role != Role.CUSTOM) {
            problems.add(new RowProblem(line, column, "invalid-permission", "permissions are only given with the "
                    + "custom role, not with " + role.name().toLowerCase(Locale.ROOT)));
            return Set.of();
        }
        var permissions = new LinkedHashSet<Permission>();
        for (String part : text.split("[;,]")) {
            String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            try {
                permissions.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(line, column, "invalid-permission", "unknown custom permission \""
                        + part.strip() + "\" (expected one of " + java.util.Arrays.toString(Permission.values())
                        + ")"));
            }
        }
        return permissions;
    }

    private Set<String> groups(int line, String cell, List<RowProblem> problems) {
        var groups = new LinkedHashSet<String>();
        if (cell == null) {
            return groups;
        }
        String column = header.nameOf(InvitationHeader.GROUPS);
        for (String part : cell.split(";")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!catalog.hasGroup(name)) {
                problems.add(new RowProblem(line, column, "unknown-group", "group \"" + name + "\" does not exist "
                        + "in the organization"));
            }
            groups.add(name);
        }
        return groups;
    }

    private Map<String, AccessLevel> collections(int line, String cell, List<RowProblem> problems) {
        var grants = new HashMap<String, AccessLevel>();
        if (cell == null) {
            return grants;
        }
        String column = header.nameOf(InvitationHeader.COLLECTIONS);
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            String name = (colon < 0 ? part : part.substring(0, colon)).strip();
            String access = colon < 0 ? "" : part.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            AccessLevel level = ACCESS.get(access);
            if (colon < 0 || access.isEmpty()) {
                problems.add(new RowProblem(line, column, "missing-access-level", "collection \"" + name
                        + "\" has no access level (write name:read-only, hide-passwords, edit or manage)"));
            } else if (level == null) {
                problems.add(new RowProblem(line, column, "unknown-access-level", "unknown access level \""
                        + part.substring(colon + 1).strip() + "\" for collection \"" + name
                        + "\" (expected read-only, hide-passwords, edit or manage)"));
            }
            if (!name.isEmpty() && !catalog.hasCollection(name)) {
                problems.add(new RowProblem(line, column, "unknown-collection", "collection \"" + name
                        + "\" does not exist in the organization"));
            }
            if (level != null && !name.isEmpty()) {
                grants.merge(name, level, AccessLevel::max);
            }
        }
        return grants;
    }
}

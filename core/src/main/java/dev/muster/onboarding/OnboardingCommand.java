package dev.muster.onboarding;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A source-neutral instruction from one of the onboarding paths. People and groups are named by their
 * immutable id in the batch's source ({@code sourceId}), never by a DN or e-mail.
 */
public sealed interface OnboardingCommand {

    /** A short key naming the item in run reports (the source id, or an e-mail or line for CSV). */
    String key();

    /**
     * Creates or updates a person.
     *
     * @param groups the source's groups the person belongs to, by group source id; {@code null} leaves
     *               memberships as they are (the source does not speak of groups here)
     * @param groupNames extra groups by name (CSV); must exist in the organization
     * @param grants direct collection grants by collection name (CSV)
     * @param requestedRole an explicit role from the source (CSV column), {@code null} to let the rules decide
     * @param active {@code false} revokes, {@code true} restores a member revoked by its source
     */
    record UpsertPerson(String sourceId, String email, String name, Map<String, String> attributes,
                        Set<String> groups, Set<String> groupNames, List<RequestedGrant> grants,
                        Role requestedRole, Set<Permission> requestedPermissions, boolean active, String key)
            implements OnboardingCommand {
        public UpsertPerson {
            if (sourceId == null || sourceId.isBlank()) {
                throw new IllegalArgumentException("sourceId must not be blank");
            }
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            groups = groups == null ? null : Set.copyOf(groups);
            groupNames = groupNames == null ? Set.of() : Set.copyOf(groupNames);
            grants = grants == null ? List.of() : List.copyOf(grants);
            requestedPermissions = requestedPermissions == null ? Set.of() : Set.copyOf(requestedPermissions);
            key = key == null ? sourceId : key;
        }

        /** A person as SCIM or a directory sends it: no explicit role, group memberships as given. */
        public static UpsertPerson of(String sourceId, String email, String name, Map<String, String> attributes,
                                      Set<String> groups, boolean active) {
            return new UpsertPerson(sourceId, email, name, attributes, groups, Set.of(), List.of(), null, Set.of(),
                    active, sourceId);
        }
    }

    /** A collection grant requested by name. */
    record RequestedGrant(String collection, AccessLevel level) {
        public RequestedGrant {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(level, "level");
        }
    }

    /** The source deactivated the person: revoke (reason {@code SOURCE_DEACTIVATED}). */
    record DeactivatePerson(String sourceId) implements OnboardingCommand {
        public String key() {
            return sourceId;
        }
    }

    /** The source activated the person again: restore to the status before revocation. */
    record ReactivatePerson(String sourceId) implements OnboardingCommand {
        public String key() {
            return sourceId;
        }
    }

    /** The source deleted the person: revoke now, remove after the organization's grace period. */
    record DeletePerson(String sourceId) implements OnboardingCommand {
        public String key() {
            return sourceId;
        }
    }

    /** Creates or renames a group managed by the source. */
    record UpsertGroup(String sourceId, String name, String externalId) implements OnboardingCommand {
        public UpsertGroup {
            if (sourceId == null || sourceId.isBlank()) {
                throw new IllegalArgumentException("sourceId must not be blank");
            }
        }

        public String key() {
            return sourceId;
        }
    }

    /** The source deleted the group: the group goes, with its memberships and grants. */
    record DeleteGroup(String sourceId) implements OnboardingCommand {
        public String key() {
            return sourceId;
        }
    }

    /**
     * The complete set of the group's members as the source sees them (by person source id). Only memberships
     * tagged with the source's origin are added or retracted; manual ones stay.
     */
    record SetGroupMembers(String groupSourceId, Set<String> memberSourceIds) implements OnboardingCommand {
        public SetGroupMembers {
            memberSourceIds = Set.copyOf(memberSourceIds);
        }

        public String key() {
            return groupSourceId;
        }
    }

    /** Re-evaluates the role rules for an existing member (after a rule change). */
    record ReevaluateMember(String memberId) implements OnboardingCommand {
        public String key() {
            return memberId;
        }
    }
}

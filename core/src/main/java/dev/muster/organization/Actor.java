package dev.muster.organization;

import java.util.Objects;

/**
 * Who or what made a change.
 *
 * @param name a person's name or e-mail, a SCIM token's name, a file name
 * @param member the acting member when a member acts, {@code null} for the installation admin and for systems
 */
public record Actor(Kind kind, String name, MemberId member) {
    public enum Kind { PERSON, ADMIN, SCIM, DIRECTORY_SYNC, CSV_IMPORT, POLICY, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? kind.name() : name;
    }

    public static Actor admin() {
        return new Actor(Kind.ADMIN, "admin", null);
    }

    public static Actor system(Kind kind, String name) {
        return new Actor(kind, name, null);
    }

    public static Actor member(MemberId member, String name) {
        return new Actor(Kind.PERSON, name, member);
    }
}

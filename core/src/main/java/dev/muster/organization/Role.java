package dev.muster.organization;

/** A member's role. Only {@link #CUSTOM} carries permission flags. */
public enum Role {
    OWNER, ADMIN, USER, CUSTOM;

    /** Owners and admins manage the organization. */
    public boolean isPrivileged() {
        return this == OWNER || this == ADMIN;
    }
}

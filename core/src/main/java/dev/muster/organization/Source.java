package dev.muster.organization;

/** Where a person or group came from: the onboarding paths and the admin's own hand. */
public enum Source {
    SCIM, DIRECTORY, CSV, MANUAL;

    /** The origin tag used for memberships and grants this source creates. */
    public Origin origin() {
        return Origin.valueOf(name());
    }
}

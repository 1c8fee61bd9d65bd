package dev.muster.organization;

/** Access to a collection, from least to most privileged. {@code CAN_MANAGE} excludes the other flags. */
public enum AccessLevel {
    HIDE_PASSWORDS, READ_ONLY, CAN_EDIT, CAN_MANAGE;

    /** The more privileged of two levels. */
    public AccessLevel max(AccessLevel other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}

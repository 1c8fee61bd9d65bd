package dev.muster.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organization. */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Objects.requireNonNull(value, "organization id");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** Parses an id; throws {@link IllegalArgumentException} naming the bad value. */
    public static OrganizationId of(String text) {
        try {
            return new OrganizationId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an organization id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.muster.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies a group. */
public record GroupId(UUID value) {
    public GroupId {
        Objects.requireNonNull(value, "group id");
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    /** Parses an id; throws {@link IllegalArgumentException} naming the bad value. */
    public static GroupId of(String text) {
        try {
            return new GroupId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a group id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

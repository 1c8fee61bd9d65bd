package dev.muster.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies a membership in an organization. */
public record MemberId(UUID value) {
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    /** Parses an id; throws {@link IllegalArgumentException} naming the bad value. */
    public static MemberId of(String text) {
        try {
            return new MemberId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a member id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

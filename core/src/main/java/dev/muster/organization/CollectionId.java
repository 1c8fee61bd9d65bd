package dev.muster.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies a collection. */
public record CollectionId(UUID value) {
    public CollectionId {
        Objects.requireNonNull(value, "collection id");
    }

    public static CollectionId random() {
        return new CollectionId(UUID.randomUUID());
    }

    /** Parses an id; throws {@link IllegalArgumentException} naming the bad value. */
    public static CollectionId of(String text) {
        try {
            return new CollectionId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a collection id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

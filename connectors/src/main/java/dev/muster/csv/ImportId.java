package dev.muster.csv;

import java.util.Objects;
import java.util.UUID;

/** Identifies one CSV import, from upload to its last row. */
public record ImportId(UUID value) {
    public ImportId {
        Objects.requireNonNull(value, "import id");
    }

    public static ImportId random() {
        return new ImportId(UUID.randomUUID());
    }

    public static ImportId of(String text) {
        try {
            return new ImportId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an import id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

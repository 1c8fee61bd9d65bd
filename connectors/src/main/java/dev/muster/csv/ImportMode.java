package dev.muster.csv;

import java.util.Locale;

/** Whether valid rows proceed when others are rejected, or any problem stops the whole file. */
public enum ImportMode {
    VALID_ROWS, ALL_OR_NOTHING;

    /** Parses {@code valid-rows} or {@code all-or-nothing}; {@code null} is {@code VALID_ROWS}. */
    public static ImportMode of(String text) {
        if (text == null || text.isBlank()) {
            return VALID_ROWS;
        }
        for (ImportMode mode : values()) {
            if (mode.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode \"" + text + "\" (expected valid-rows or all-or-nothing)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

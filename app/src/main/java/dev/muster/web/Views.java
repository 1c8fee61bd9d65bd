package dev.muster.web;

import dev.muster.organization.Actor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting shared by the pages' view records. */
final class Views {
    /** Who the audit trail names for what an admin does in the pages. */
    static final Actor ADMIN = new Actor(Actor.Kind.ADMIN, "admin (web pages)", null);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Views() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** An enum name as words: {@code COMPLETED_WITH_ERRORS} to "completed with errors". */
    static String words(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase().replace('_', ' ');
    }
}

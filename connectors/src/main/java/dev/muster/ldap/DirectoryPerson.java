package dev.muster.ldap;

import java.util.Map;
import java.util.Objects;

/**
 * A person as the directory describes it, keyed on the immutable id attribute.
 *
 * @param email {@code null} when the entry has none (it is reported, not applied)
 * @param uid the value {@code memberUid} groups refer to, {@code null} if the entry has none
 */
public record DirectoryPerson(String sourceId, String dn, String email, String name,
                              Map<String, String> attributes, boolean enabled, String uid) {
    public DirectoryPerson {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        Objects.requireNonNull(dn, "dn");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

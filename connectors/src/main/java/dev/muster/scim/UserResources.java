package dev.muster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.organization.Emails;
import dev.muster.organization.Member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a SCIM User (core schema plus the enterprise extension) to the person the onboarding service works with,
 * and renders a member with its SCIM record back as a SCIM User.
 */
final class UserResources {
    /** Person attributes the role rules see, from the enterprise extension and the core schema. */
    static final List<String> ENTERPRISE_ATTRIBUTES = List.of("department", "employeeNumber", "costCenter",
            "organization", "division");
    static final List<String> CORE_ATTRIBUTES = List.of("title", "userType");

    private UserResources() {
    }

    /** What a User resource says about the person. */
    record Person(String userName, String externalId, String email, String name, Map<String, String> attributes,
                  boolean active) {
    }

    static Person person(ObjectNode user) {
        String userName = ScimJson.text(user, "userName");
        if (userName == null) {
            throw ScimFault.badRequest("invalidValue", "'userName' is required");
        }
        if (userName.length() > 300) {
            throw ScimFault.badRequest("invalidValue", "'userName' must be at most 300 characters");
        }
        String externalId = ScimJson.text(user, "externalId");
        if (externalId != null && externalId.length() > 300) {
            throw ScimFault.badRequest("invalidValue", "'externalId' must be at most 300 characters");
        }
        String email = email(user, userName);
        return new Person(userName, externalId, email, name(user), attributes(user), active(user));
    }

    /** The primary e-mail, else the work e-mail, else the first, else userName when it is an e-mail (Entra). */
    static String email(ObjectNode user, String userName) {
        JsonNode emails = ScimJson.field(user, "emails");
        String primary = null;
        String work = null;
        String first = null;
        if (emails != null) {
            if (!emails.isArray()) {
                throw ScimFault.badRequest("invalidValue", "'emails' must be an array");
            }
            for (JsonNode entry : emails) {
                String value = ScimJson.text(entry, "value");
                if (value == null) {
                    continue;
                }
                first = first == null ? value : first;
                if (bool(ScimJson.field(entry, "primary"), "emails.primary", false)) {
                    primary = primary == null ? value : primary;
                }
                if ("work".equalsIgnoreCase(ScimJson.text(entry, "type"))) {
                    work = work == null ? value : work;
                }
            }
        }
        String chosen = primary != null ? primary : work != null ? work : first != null ? first
                : Emails.isValid(userName) ? userName : null;
        if (chosen == null) {
            throw ScimFault.badRequest("invalidValue",
                    "no e-mail: send 'emails' (primary or work) or a userName that is an e-mail address");
        }
        if (!Emails.isValid(chosen)) {
            throw ScimFault.badRequest("invalidValue", "not a valid e-mail address: " + chosen);
        }
        return chosen;
    }

    static String name(ObjectNode user) {
        String displayName = ScimJson.text(user, "displayName");
        if (displayName != null) {
            return displayName;
        }
        JsonNode name = ScimJson.field(user, "name");
        if (name == null) {
            return null;
        }
        String formatted = ScimJson.text(name, "formatted");
        if (formatted != null) {
            return formatted;
        }
        String given = ScimJson.text(name, "givenName");
        String family = ScimJson.text(name, "familyName");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** Every known attribute is present: an empty value removes it from the member. */
    static Map<String, String> attributes(ObjectNode user) {
        var attributes = new LinkedHashMap<String, String>();
        JsonNode enterprise = ScimJson.field(user, ScimJson.ENTERPRISE_SCHEMA);
        for (String key : ENTERPRISE_ATTRIBUTES) {
            String value = ScimJson.text(enterprise, key);
            attributes.put(key, value == null ? "" : value);
        }
        JsonNode manager = ScimJson.field(enterprise, "manager");
        String managerId = manager == null ? null : manager.isObject() ? ScimJson.text(manager, "value")
                : manager.asText();
        attributes.put("manager", managerId == null ? "" : managerId);
        for (String key : CORE_ATTRIBUTES) {
            String value = ScimJson.text(user, key);
            attributes.put(key, value == null ? "" : value);
        }
        return attributes;
    }

    static boolean active(ObjectNode user) {
        return bool(ScimJson.field(user, "active"), "active", true);
    }

    /** A boolean, or the strings {@code "True"}/{@code "False"} that Entra ID sends. */
    static boolean bool(JsonNode value, String name, boolean absent) {
        if (value == null) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText().toLowerCase());
        }
        throw ScimFault.badRequest("invalidValue", "'" + name + "' must be true or false, not " + value);
    }

    /** The resource as kept: without what the server owns or derives, and never a password. */
    static ObjectNode stored(ObjectNode user) {
        ObjectNode copy = user.deepCopy();
        for (String owned : List.of("id", "meta", "userName", "externalId", "active", "password", "groups")) {
            ScimJson.remove(copy, owned);
        }
        return copy;
    }

    static ObjectNode render(ScimUserRecord record, Member member, String baseUrl) {
        ObjectNode user = ScimJson.newObject();
        ArrayNode schemas = user.putArray("schemas").add(ScimJson.USER_SCHEMA);
        user.put("id", record.id());
        if (record.externalId() != null) {
            user.put("externalId", record.externalId());
        }
        user.put("userName", record.userName());
        ObjectNode stored = ScimJson.stored(record.resource());
        ScimJson.remove(stored, "schemas");
        stored.fields().forEachRemaining(e -> user.set(e.getKey(), e.getValue()));
        if (ScimJson.field(user, ScimJson.ENTERPRISE_SCHEMA) != null) {
            schemas.add(ScimJson.ENTERPRISE_SCHEMA);
        }
        if (ScimJson.field(user, "displayName") == null && member.name() != null) {
            user.put("displayName", member.name());
        }
        if (ScimJson.field(user, "emails") == null) {
            user.putArray("emails").addObject().put("value", member.email()).put("primary", true);
        }
        user.put("active", !member.isRevoked());
        user.set("meta", ScimJson.meta("User", record.created(), latest(record, member),
                baseUrl + "/Users/" + record.id(), version(record, member)));
        return user;
    }

    /** A weak ETag that changes whenever the SCIM record or the member changes. */
    static String version(ScimUserRecord record, Member member) {
        return "W/\"" + record.version() + "-" + member.version() + "\"";
    }

    private static java.time.Instant latest(ScimUserRecord record, Member member) {
        return member.updatedAt().isAfter(record.lastModified()) ? member.updatedAt() : record.lastModified();
    }
}

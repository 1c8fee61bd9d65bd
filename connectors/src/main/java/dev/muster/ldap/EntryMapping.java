package dev.muster.ldap;

import com.unboundid.ldap.sdk.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps directory entries to people and raw groups as the mapping says. */
final class EntryMapping {
    private static final int ACCOUNTDISABLE = 0x2;

    private final DirectoryMapping mapping;

    EntryMapping(DirectoryMapping mapping) {
        this.mapping = mapping;
    }

    /** The attributes a people search asks for. */
    String[] personAttributes() {
        var names = new LinkedHashSet<String>();
        add(names, mapping.idAttribute(), mapping.emailAttribute(), mapping.emailPrefixAttribute(),
                mapping.givenNameAttribute(), mapping.familyNameAttribute(), mapping.displayNameAttribute(),
                mapping.uidAttribute(), mapping.disabledAttribute(), mapping.changeAttribute());
        mapping.extraAttributes().values().forEach(a -> add(names, a));
        return names.toArray(String[]::new);
    }

    String[] groupAttributes() {
        var names = new LinkedHashSet<String>();
        add(names, mapping.idAttribute(), mapping.groupNameAttribute(), mapping.memberAttribute(),
                mapping.memberUidAttribute());
        return names.toArray(String[]::new);
    }

    /** The entry's immutable id, or empty (with a warning) when it has none. */
    Optional<String> id(Entry entry, List<String> warnings) {
        String attribute = mapping.idAttribute();
        if (!entry.hasAttribute(attribute)) {
            warnings.add(entry.getDN() + " has no " + attribute + " and is not read");
            return Optional.empty();
        }
        if (mapping.binaryId()) {
            byte[] value = entry.getAttributeValueBytes(attribute);
            if (value == null || value.length != 16) {
                warnings.add(entry.getDN() + " has an " + attribute + " that is not 16 bytes and is not read");
                return Optional.empty();
            }
            return Optional.of(Guids.format(value));
        }
        return Optional.of(entry.getAttributeValue(attribute).strip());
    }

    Optional<DirectoryPerson> person(Entry entry, List<String> warnings) {
        return id(entry, warnings).map(id -> new DirectoryPerson(id, entry.getDN(), email(entry), name(entry),
                attributes(entry), !disabled(entry), value(entry, mapping.uidAttribute())));
    }

    Optional<RawGroup> group(Entry entry, List<String> warnings) {
        Optional<String> id = id(entry, warnings);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        rangedMembers(entry);
        String name = value(entry, mapping.groupNameAttribute());
        if (name == null) {
            warnings.add("group " + entry.getDN() + " has no " + mapping.groupNameAttribute() + " and is not read");
            return Optional.empty();
        }
        return Optional.of(new RawGroup(id.get(), entry.getDN(), name, values(entry, mapping.memberAttribute()),
                values(entry, mapping.memberUidAttribute())));
    }

    /**
     * Active Directory hands out the members of a large group in ranges ({@code member;range=0-1499}); reading only
     * the first range would make the group look smaller than it is, so the read is refused as incomplete.
     */
    private void rangedMembers(Entry entry) {
        if (mapping.memberAttribute() == null) {
            return;
        }
        String ranged = lower(mapping.memberAttribute()) + ";range=";
        for (com.unboundid.ldap.sdk.Attribute attribute : entry.getAttributes()) {
            if (lower(attribute.getName()).startsWith(ranged)) {
                throw new DirectoryReadFailed("group " + entry.getDN() + " returns its members in ranges ("
                        + attribute.getName() + "), which is not supported yet; the read is incomplete",
                        PagedSearch.code(com.unboundid.ldap.sdk.ResultCode.SIZE_LIMIT_EXCEEDED), false, null);
            }
        }
    }

    private String email(Entry entry) {
        String email = value(entry, mapping.emailAttribute());
        if (email != null) {
            return email;
        }
        String prefix = value(entry, mapping.emailPrefixAttribute());
        return prefix != null && mapping.emailSuffix() != null ? prefix + mapping.emailSuffix() : null;
    }

    private String name(Entry entry) {
        String display = value(entry, mapping.displayNameAttribute());
        if (display != null) {
            return display;
        }
        String joined = (nullToEmpty(value(entry, mapping.givenNameAttribute())) + " "
                + nullToEmpty(value(entry, mapping.familyNameAttribute()))).strip();
        return joined.isEmpty() ? null : joined;
    }

    private Map<String, String> attributes(Entry entry) {
        var attributes = new LinkedHashMap<String, String>();
        mapping.extraAttributes().forEach((name, attribute) -> {
            String value = value(entry, attribute);
            if (value != null) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    private boolean disabled(Entry entry) {
        String attribute = mapping.disabledAttribute();
        if (attribute == null || !entry.hasAttribute(attribute)) {
            return false;
        }
        if ("userAccountControl".equalsIgnoreCase(attribute)) {
            Integer flags = entry.getAttributeValueAsInteger(attribute);
            return flags != null && (flags & ACCOUNTDISABLE) != 0;
        }
        String expected = mapping.disabledValue();
        return expected == null || values(entry, attribute).stream().anyMatch(expected::equalsIgnoreCase);
    }

    private static String value(Entry entry, String attribute) {
        if (attribute == null) {
            return null;
        }
        String value = entry.getAttributeValue(attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> values(Entry entry, String attribute) {
        if (attribute == null || !entry.hasAttribute(attribute)) {
            return List.of();
        }
        var values = new ArrayList<String>();
        for (String value : entry.getAttributeValues(attribute)) {
            values.add(value.strip());
        }
        return values;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void add(Set<String> names, String... attributes) {
        for (String attribute : attributes) {
            if (attribute != null && names.stream().noneMatch(n -> n.equalsIgnoreCase(attribute))) {
                names.add(attribute);
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A group before its members are resolved. */
    record RawGroup(String sourceId, String dn, String name, List<String> memberDns, List<String> memberUids) {
    }
}

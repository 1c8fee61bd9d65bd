package dev.muster.ldap;

import java.util.Map;

/**
 * Where people and groups are in the directory and how their attributes map to Muster. Built with a preset:
 * every {@code null} component takes the preset's value, so a configuration names only what differs.
 *
 * <pre>{@code
 * new DirectoryMapping(DirectoryPreset.OPENLDAP, "dc=example,dc=com", null, null, ...);
 * }</pre>
 *
 * @param userBase where people are, relative to {@code baseDn} ({@code null}: the base DN itself)
 * @param emailPrefixAttribute with {@code emailSuffix}: the e-mail when {@code emailAttribute} is empty, e.g.
 *                             {@code uid} + {@code @example.com}
 * @param extraAttributes role-rule attribute name to directory attribute, e.g. {@code department → department}
 * @param memberAttribute the attribute holding member DNs (people or nested groups)
 * @param memberUidAttribute the attribute holding member uids (posixGroup, FreeIPA), matched to {@code uidAttribute}
 * @param disabledAttribute {@code userAccountControl} tests bit 2 (AD); any other attribute disables when it holds
 *                          {@code disabledValue}, or when present if {@code disabledValue} is {@code null}
 * @param changeAttribute what incremental runs read: a change time ({@code modifyTimestamp}, {@code whenChanged}) or
 *                        Active Directory's {@code uSNChanged}, compared with the server's
 *                        {@code highestCommittedUSN} (per domain controller: keep {@code host} on one DC)
 */
public record DirectoryMapping(DirectoryPreset preset, String baseDn, String userBase, String userFilter,
                               String groupBase, String groupFilter, String idAttribute, String emailAttribute,
                               String emailPrefixAttribute, String emailSuffix, String givenNameAttribute,
                               String familyNameAttribute, String displayNameAttribute,
                               Map<String, String> extraAttributes, String groupNameAttribute,
                               String memberAttribute, String memberUidAttribute, String uidAttribute,
                               String disabledAttribute, String disabledValue, String changeAttribute) {

    public DirectoryMapping {
        if (preset != null) {
            DirectoryMapping d = preset.defaults();
            userBase = or(userBase, d.userBase);
            userFilter = or(userFilter, d.userFilter);
            groupBase = or(groupBase, d.groupBase);
            groupFilter = or(groupFilter, d.groupFilter);
            idAttribute = or(idAttribute, d.idAttribute);
            emailAttribute = or(emailAttribute, d.emailAttribute);
            emailPrefixAttribute = or(emailPrefixAttribute, d.emailPrefixAttribute);
            givenNameAttribute = or(givenNameAttribute, d.givenNameAttribute);
            familyNameAttribute = or(familyNameAttribute, d.familyNameAttribute);
            displayNameAttribute = or(displayNameAttribute, d.displayNameAttribute);
            extraAttributes = extraAttributes == null ? d.extraAttributes : extraAttributes;
            groupNameAttribute = or(groupNameAttribute, d.groupNameAttribute);
            memberAttribute = or(memberAttribute, d.memberAttribute);
            memberUidAttribute = or(memberUidAttribute, d.memberUidAttribute);
            uidAttribute = or(uidAttribute, d.uidAttribute);
            disabledAttribute = or(disabledAttribute, d.disabledAttribute);
            disabledValue = or(disabledValue, d.disabledValue);
            changeAttribute = or(changeAttribute, d.changeAttribute);
        }
        boolean template = preset == null && baseDn == null;
        if (!template) {
            if (baseDn == null || baseDn.isBlank()) {
                throw new IllegalArgumentException("mapping.baseDn must not be blank");
            }
            require(userFilter, "mapping.userFilter");
            require(groupFilter, "mapping.groupFilter");
            DirectoryReader.filter(userFilter, "mapping.userFilter");
            DirectoryReader.filter(groupFilter, "mapping.groupFilter");
            require(idAttribute, "mapping.idAttribute");
            require(emailAttribute, "mapping.emailAttribute");
            require(groupNameAttribute, "mapping.groupNameAttribute");
            if (emailSuffix != null && !emailSuffix.startsWith("@")) {
                emailSuffix = "@" + emailSuffix;
            }
        }
        extraAttributes = extraAttributes == null ? Map.of() : Map.copyOf(extraAttributes);
    }

    /** A preset's mapping for a base DN, with nothing overridden. */
    public static DirectoryMapping of(DirectoryPreset preset, String baseDn) {
        return new DirectoryMapping(preset, baseDn, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** Whether incremental reads follow Active Directory's update sequence numbers rather than a change time. */
    boolean changesByUsn() {
        return "uSNChanged".equalsIgnoreCase(changeAttribute);
    }

    /** Whether the id attribute is binary (Active Directory's {@code objectGUID}). */
    boolean binaryId() {
        return "objectGUID".equalsIgnoreCase(idAttribute);
    }

    String userSearchBase() {
        return under(userBase);
    }

    String groupSearchBase() {
        return under(groupBase);
    }

    private String under(String relative) {
        return relative == null || relative.isBlank() ? baseDn : relative.strip() + "," + baseDn;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

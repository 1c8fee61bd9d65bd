package dev.muster.ldap;

import java.util.Locale;
import java.util.Map;

/** Sensible object classes and attributes of the common directory servers; every value can be overridden. */
public enum DirectoryPreset {
    /** Microsoft Active Directory: {@code objectGUID} ids, {@code userAccountControl} bit 2 disables. */
    ACTIVE_DIRECTORY(new DirectoryMapping(null, null, null, "(&(objectClass=user)(!(objectClass=computer)))",
            null, "(objectClass=group)", "objectGUID", "mail", "sAMAccountName", null, "givenName", "sn",
            "displayName", Map.of("department", "department", "title", "title"), "cn", "member", null,
            "sAMAccountName", "userAccountControl", null, "whenChanged")),
    /** OpenLDAP: {@code entryUUID} ids, groupOfNames/groupOfUniqueNames/posixGroup, ppolicy lock disables. */
    OPENLDAP(new DirectoryMapping(null, null, null, "(objectClass=inetOrgPerson)", null,
            "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))", "entryUUID",
            "mail", "uid", null, "givenName", "sn", "cn", Map.of("department", "departmentNumber", "title", "title"),
            "cn", "member", "memberUid", "uid", "pwdAccountLockedTime", null, "modifyTimestamp")),
    /** FreeIPA: {@code ipaUniqueID} ids under cn=accounts, {@code nsAccountLock=TRUE} disables. */
    FREEIPA(new DirectoryMapping(null, null, "cn=users,cn=accounts", "(objectClass=inetOrgPerson)",
            "cn=groups,cn=accounts", "(objectClass=groupOfNames)", "ipaUniqueID", "mail", "uid", null, "givenName",
            "sn", "displayName", Map.of("department", "departmentNumber", "title", "title"), "cn", "member",
            "memberUid", "uid", "nsAccountLock", "TRUE", "modifyTimestamp"));

    private final DirectoryMapping defaults;

    DirectoryPreset(DirectoryMapping defaults) {
        this.defaults = defaults;
    }

    DirectoryMapping defaults() {
        return defaults;
    }

    /** The API name: {@code active-directory}, {@code openldap}, {@code freeipa}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DirectoryPreset of(String id) {
        for (DirectoryPreset preset : values()) {
            if (preset.id().equalsIgnoreCase(id) || preset.name().equalsIgnoreCase(id)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown directory preset \"" + id
                + "\": use active-directory, openldap or freeipa");
    }
}

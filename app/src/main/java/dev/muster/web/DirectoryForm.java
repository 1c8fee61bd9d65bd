package dev.muster.web;

import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectoryConnection;
import dev.muster.ldap.DirectoryMapping;
import dev.muster.ldap.DirectoryPreset;
import dev.muster.onboarding.Batch;

import java.util.Locale;

/**
 * The directory settings form as typed. It never carries the stored bind password: {@code bindPassword} is only
 * what the admin typed now, and an empty one keeps the stored password. Settings the form does not show (filters,
 * attribute names, CA, timeouts) are kept from the stored configuration while the preset stays the same; a new
 * preset starts from that preset's values. {@code enabled} is {@code null} when the box is not ticked (a browser
 * sends nothing for it).
 */
record DirectoryForm(String preset, String host, String port, String security, String bindDn, String bindPassword,
                     String baseDn, String userBase, String groupBase, String emailSuffix, Boolean enabled,
                     String schedule, String newMembers, String maxRevocations, String maxRevocationPercent) {

    static DirectoryForm blank() {
        return new DirectoryForm("openldap", "", "", "plain", "", null, "", "", "", "", true,
                DirectoryConfiguration.DEFAULT_SCHEDULE, "organization-default", "10", "5");
    }

    static DirectoryForm of(DirectoryConfiguration c) {
        DirectoryConnection k = c.connection();
        DirectoryMapping m = c.mapping();
        return new DirectoryForm(m.preset().id(), k.host(), String.valueOf(k.port()),
                k.security().name().toLowerCase(Locale.ROOT), k.bindDn(), null, m.baseDn(), m.userBase(),
                m.groupBase(), m.emailSuffix(), c.enabled(), c.schedule(),
                c.newMembers().name().toLowerCase(Locale.ROOT).replace('_', '-'), String.valueOf(c.maxRevocations()),
                number(c.maxRevocationPercent()));
    }

    /** The form without the password, to show again after a refusal. */
    DirectoryForm withoutPassword() {
        return new DirectoryForm(preset, host, port, security, bindDn, null, baseDn, userBase, groupBase, emailSuffix,
                enabled, schedule, newMembers, maxRevocations, maxRevocationPercent);
    }

    /**
     * The configuration the form describes on top of {@code stored} ({@code null} when there is none yet).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    DirectoryConfiguration toConfiguration(DirectoryConfiguration stored) {
        DirectoryPreset chosen = chosenPreset();
        DirectoryConnection.Security transport = transport();
        int portNumber = blank(port) ? transport == DirectoryConnection.Security.LDAPS ? 636 : 389
                : whole(port, "Port");
        DirectoryConnection before = stored == null ? null : stored.connection();
        var connection = new DirectoryConnection(host, portNumber, transport,
                before == null ? null : before.caCertificatePem(), before != null && before.trustAll(), bindDn,
                bindPassword, before == null ? null : before.connectTimeout(),
                before == null ? null : before.responseTimeout(), before == null ? 0 : before.pageSize());
        // Only the same preset's stored mapping is kept; null takes the chosen preset's value.
        DirectoryMapping k = stored != null && stored.mapping().preset() == chosen ? stored.mapping() : null;
        var mapping = new DirectoryMapping(chosen, baseDn, orNull(userBase), k == null ? null : k.userFilter(),
                orNull(groupBase), k == null ? null : k.groupFilter(), k == null ? null : k.idAttribute(),
                k == null ? null : k.emailAttribute(), k == null ? null : k.emailPrefixAttribute(),
                orNull(emailSuffix), k == null ? null : k.givenNameAttribute(),
                k == null ? null : k.familyNameAttribute(), k == null ? null : k.displayNameAttribute(),
                k == null ? null : k.extraAttributes(), k == null ? null : k.groupNameAttribute(),
                k == null ? null : k.memberAttribute(), k == null ? null : k.memberUidAttribute(),
                k == null ? null : k.uidAttribute(), k == null ? null : k.disabledAttribute(),
                k == null ? null : k.disabledValue(), k == null ? null : k.changeAttribute());
        double percent;
        try {
            percent = Double.parseDouble(maxRevocationPercent == null ? "" : maxRevocationPercent.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Most revocations (percent): a number from 0 to 100");
        }
        return new DirectoryConfiguration(connection, mapping, Boolean.TRUE.equals(enabled), schedule,
                newMemberPolicy(),
                whole(maxRevocations, "Most revocations"), percent,
                stored == null ? null : stored.fullSyncInterval(), stored == null ? null : stored.changeOverlap());
    }

    private DirectoryPreset chosenPreset() {
        try {
            return DirectoryPreset.of(preset);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Directory: choose Active Directory, OpenLDAP or FreeIPA");
        }
    }

    private DirectoryConnection.Security transport() {
        for (DirectoryConnection.Security s : DirectoryConnection.Security.values()) {
            if (s.name().equalsIgnoreCase(security == null ? "plain" : security.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Security: choose plain, LDAPS or StartTLS");
    }

    private Batch.NewMembers newMemberPolicy() {
        try {
            return Batch.NewMembers.valueOf((blank(newMembers) ? "organization-default" : newMembers.strip())
                    .toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("New members: choose invite, stage or the organization's default");
        }
    }

    private static int whole(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a whole number, not \u201c" + text + "\u201d");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public String toString() {
        return "DirectoryForm[" + host + ":" + port + ", bindDn=" + bindDn + ", password=***]";
    }
}

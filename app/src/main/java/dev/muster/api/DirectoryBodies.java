package dev.muster.api;

import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectoryConnection;
import dev.muster.ldap.DirectoryMapping;
import dev.muster.onboarding.Batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The JSON of the directory configuration API. The bind password is accepted and never written back. */
final class DirectoryBodies {
    private DirectoryBodies() {
    }

    record Connection(String host, Integer port, String security, String caCertificatePem, Boolean trustAll,
                      String bindDn, String bindPassword, Duration connectTimeout, Duration responseTimeout,
                      Integer pageSize) {
        @Override
        public String toString() {
            return "Connection[" + host + ":" + port + ", bindDn=" + bindDn + ", password=***]";
        }
    }

    record Mapping(String baseDn, String userBase, String userFilter, String groupBase, String groupFilter,
                   String idAttribute, String emailAttribute, String emailPrefixAttribute, String emailSuffix,
                   String givenNameAttribute, String familyNameAttribute, String displayNameAttribute,
                   Map<String, String> extraAttributes, String groupNameAttribute, String memberAttribute,
                   String memberUidAttribute, String uidAttribute, String disabledAttribute, String disabledValue,
                   String changeAttribute) {
    }

    record Configuration(String preset, Connection connection, Mapping mapping, Boolean enabled, String schedule,
                         String newMembers, Integer maxRevocations, Double maxRevocationPercent,
                         Duration fullSyncInterval, Duration changeOverlap) {

        DirectoryConfiguration toConfiguration(boolean passwordStored) {
            if (connection == null) {
                throw new IllegalArgumentException("connection is required");
            }
            var security = DirectoryController.security(connection.security());
            int port = connection.port() != null ? connection.port()
                    : security == DirectoryConnection.Security.LDAPS ? 636 : 389;
            var built = new DirectoryConnection(connection.host(), port, security, connection.caCertificatePem(),
                    Boolean.TRUE.equals(connection.trustAll()), connection.bindDn(), connection.bindPassword(),
                    connection.connectTimeout(), connection.responseTimeout(),
                    connection.pageSize() == null ? 0 : connection.pageSize());
            if (built.bindDn() != null && built.bindPassword() == null && !passwordStored) {
                throw new IllegalArgumentException("connection.bindPassword is required with a bindDn");
            }
            return new DirectoryConfiguration(built, DirectoryController.mapping(preset, mapping),
                    enabled == null || enabled, schedule, parseNewMembers(newMembers),
                    maxRevocations == null ? 10 : maxRevocations,
                    maxRevocationPercent == null ? 5.0 : maxRevocationPercent, fullSyncInterval, changeOverlap);
        }
    }

    /** The configuration as the API shows it: everything but the password, and whether one is stored. */
    record View(String preset, ConnectionView connection, DirectoryMapping mapping, boolean enabled,
                String schedule, String newMembers, int maxRevocations, double maxRevocationPercent,
                Duration fullSyncInterval, Duration changeOverlap) {
        static View of(DirectoryConfiguration c, boolean passwordStored) {
            DirectoryConnection k = c.connection();
            return new View(c.mapping().preset().id(), new ConnectionView(k.host(), k.port(),
                    k.security().name().toLowerCase(Locale.ROOT), k.caCertificatePem(), k.trustAll(), k.bindDn(),
                    passwordStored, k.connectTimeout(), k.responseTimeout(), k.pageSize()), c.mapping(),
                    c.enabled(), c.schedule(), c.newMembers().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    c.maxRevocations(), c.maxRevocationPercent(), c.fullSyncInterval(), c.changeOverlap());
        }
    }

    record ConnectionView(String host, int port, String security, String caCertificatePem, boolean trustAll,
                          String bindDn, boolean bindPasswordSet, Duration connectTimeout, Duration responseTimeout,
                          int pageSize) {
    }

    private static Batch.NewMembers parseNewMembers(String text) {
        if (text == null || text.isBlank()) {
            return Batch.NewMembers.ORGANIZATION_DEFAULT;
        }
        try {
            return Batch.NewMembers.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("newMembers must be invite, stage or organization-default, not "
                    + text);
        }
    }
}

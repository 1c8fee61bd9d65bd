package dev.muster.bench;

import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * LDAP path: a generated directory in a real slapd, synchronised by Muster (first full sync, no-op, after 1% of
 * people changed, incremental), each beside a bare RFC 2696 paged search of the same entries with the same SDK.
 */
final class LdapBench {
    static final int PAGE_SIZE = 500;
    private static final String[] PERSON_ATTRIBUTES = {"entryUUID", "mail", "uid", "givenName", "sn", "cn",
            "departmentNumber", "title", "pwdAccountLockedTime", "modifyTimestamp"};
    private static final String[] GROUP_ATTRIBUTES = {"entryUUID", "cn", "member", "memberUid", "objectClass"};
    private static final String PEOPLE = "(objectClass=inetOrgPerson)";
    private static final String GROUPS = "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)"
            + "(objectClass=posixGroup))";

    private final Api api;
    private final MusterProcess muster;
    private final Results results;

    LdapBench(Api api, MusterProcess muster, Results results) {
        this.api = api;
        this.muster = muster;
        this.results = results;
    }

    void run(int people, int groups, Path work) throws Exception {
        long loadStart = System.nanoTime();
        try (Directory directory = Directory.start(people, groups, work.resolve("slapd"))) {
            results.timed("LDIF generate + slapadd load + slapd start", people,
                    Duration.ofNanos(System.nanoTime() - loadStart), "", null, groups + " groups");
            String org = api.createOrganization("LDAP bench " + people);
            configure(org, directory);
            Duration bare = barePagedSearch(directory, PEOPLE, true);
            sync(org, "LDAP first full sync (staged)", people, true, bare);
            sync(org, "LDAP no-op full sync", people, true, barePagedSearch(directory, PEOPLE, true));
            int changed = change(directory, people, 0, "Changed once");
            sync(org, "LDAP full sync after " + changed + " people changed", people, true,
                    barePagedSearch(directory, PEOPLE, true));
            // Incremental reads look back to the last read's start; wait so the next changes are newer.
            long lastSecond = Instant.now().getEpochSecond();
            await().atMost(java.time.Duration.ofSeconds(3))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> Instant.now().getEpochSecond() > lastSecond);
            Instant since = Instant.now();
            int changedAgain = change(directory, people, 1, "Changed twice");
            String changedFilter = "(&" + PEOPLE + "(modifyTimestamp>=" + StaticUtils.encodeGeneralizedTime(
                    java.util.Date.from(since.minusSeconds(1))) + "))";
            sync(org, "LDAP incremental sync (" + changedAgain + " changed)", people, false,
                    barePagedSearch(directory, changedFilter, false));
        }
    }

    private void configure(String org, Directory directory) {
        var connection = new HashMap<String, Object>(Map.of("host", "127.0.0.1", "port", directory.port,
                "security", "plain", "bindDn", Directory.SYNC, "bindPassword", directory.syncPassword,
                "pageSize", PAGE_SIZE, "responseTimeout", "PT10M"));
        var body = new HashMap<String, Object>(Map.of("preset", "openldap", "newMembers", "stage",
                "enabled", false, "maxRevocations", 1_000_000, "maxRevocationPercent", 100,
                "fullSyncInterval", "P1D", "changeOverlap", "PT1S",
                "mapping", Map.of("baseDn", Directory.BASE, "userBase", "ou=people", "groupBase", "ou=groups")));
        body.put("connection", connection);
        api.ok("PUT", "/api/organizations/" + org + "/directory", body);
    }

    private void sync(String org, String what, int people, boolean full, Duration bare) {
        try (var memory = new MemoryWatch(muster.pid(), muster.base())) {
            long start = System.nanoTime();
            JsonNode run = api.ok("POST", "/api/organizations/" + org + "/directory/sync?dryRun=false&full=" + full,
                    null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            results.timed(what, people, took, full ? "bare paged search (people + groups)"
                            : "bare paged search (changed people)", bare,
                    run.path("state").asText() + " " + run.path("counts") + "; " + memory.peak().describe());
        }
    }

    /** Changes the title of every 100th person (offset by {@code round}); returns how many. */
    private static int change(Directory directory, int people, int round, String title) throws LDAPException {
        int changed = 0;
        try (var connection = new LDAPConnection("127.0.0.1", directory.port, Directory.ADMIN,
                directory.adminPassword)) {
            for (int i = round; i < people; i += 100) {
                connection.modify(Directory.personDn(i),
                        new Modification(ModificationType.REPLACE, "title", title + " " + i));
                changed++;
            }
        }
        return changed;
    }

    /**
     * The limit: the same searches Muster makes, paged, over one connection, entries decoded and dropped; best of
     * three so that the bench's own warm-up is not counted against Muster.
     */
    static Duration barePagedSearch(Directory directory, String peopleFilter, boolean withGroups)
            throws LDAPException {
        Duration best = null;
        for (int round = 0; round < 3; round++) {
            Duration took = barePagedSearchOnce(directory, peopleFilter, withGroups);
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        return best;
    }

    private static Duration barePagedSearchOnce(Directory directory, String peopleFilter, boolean withGroups)
            throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", directory.port, Directory.SYNC,
                directory.syncPassword)) {
            long start = System.nanoTime();
            int entries = paged(connection, "ou=people," + Directory.BASE, peopleFilter, PERSON_ATTRIBUTES);
            if (withGroups) {
                entries += paged(connection, "ou=groups," + Directory.BASE, GROUPS, GROUP_ATTRIBUTES);
            }
            if (entries == 0) {
                throw new IllegalStateException("the bare search found nothing");
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static int paged(LDAPConnection connection, String base, String filter, String[] attributes)
            throws LDAPException {
        int entries = 0;
        ASN1OctetString cookie = null;
        do {
            var request = new SearchRequest(base, SearchScope.SUB, Filter.create(filter), attributes);
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            SearchResult result = connection.search(request);
            entries += result.getEntryCount();
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? null : response.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return entries;
    }
}

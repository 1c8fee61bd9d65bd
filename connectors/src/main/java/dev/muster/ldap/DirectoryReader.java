package dev.muster.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads people and groups from one directory, completely or not at all. A read either returns a
 * {@link DirectorySnapshot} built from every page of every search, or throws {@link DirectoryReadFailed} naming
 * the LDAP result code; nothing partial ever leaves this class.
 *
 * <pre>{@code
 * try (var reader = new DirectoryReader(connection, DirectoryMapping.of(DirectoryPreset.OPENLDAP, "dc=example,dc=com"))) {
 *     DirectorySnapshot snapshot = reader.readAll();
 * }
 * }</pre>
 */
public final class DirectoryReader implements AutoCloseable {
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DirectoryConnection connection;
    private final DirectoryMapping mapping;
    private final EntryMapping entries;
    private final Filter userFilter;
    private final Filter groupFilter;
    private final Clock clock;
    private LDAPConnectionPool pool;

    public DirectoryReader(DirectoryConnection connection, DirectoryMapping mapping, Clock clock) {
        this.connection = connection;
        this.mapping = mapping;
        this.entries = new EntryMapping(mapping);
        this.userFilter = filter(mapping.userFilter(), "mapping.userFilter");
        this.groupFilter = filter(mapping.groupFilter(), "mapping.groupFilter");
        this.clock = clock;
    }

    public DirectoryReader(DirectoryConnection connection, DirectoryMapping mapping) {
        this(connection, mapping, Clock.systemUTC());
    }

    /** Reads every person and group: the input of a full reconciliation. */
    public DirectorySnapshot readAll() {
        Instant started = clock.instant();
        String mark = changeMark();
        var warnings = new ArrayList<String>();
        List<DirectoryPerson> people = people(userFilter, warnings);
        var raw = new ArrayList<EntryMapping.RawGroup>();
        for (SearchResultEntry entry : search().search("group", mapping.groupSearchBase(), groupFilter,
                entries.groupAttributes())) {
            entries.group(entry, warnings).ifPresent(raw::add);
        }
        var flattening = new GroupFlattening(people, raw, warnings);
        var groups = raw.stream().map(flattening::flatten).toList();
        return new DirectorySnapshot(people, groups, warnings, null, started, mark);
    }

    /**
     * Reads the people whose change attribute ({@code modifyTimestamp}, {@code whenChanged}) is at or after
     * {@code since}; groups and deletions are left to full reads.
     */
    public DirectorySnapshot readChangedSince(Instant since) {
        return readChangedSince(since, null);
    }

    /**
     * Reads the people changed since an earlier read: by {@code uSNChanged} at or after {@code sinceMark} (the
     * earlier read's {@link DirectorySnapshot#changeMark()}) when the mapping follows USNs, otherwise by change time
     * at or after {@code since}.
     */
    public DirectorySnapshot readChangedSince(Instant since, String sinceMark) {
        if (mapping.changeAttribute() == null) {
            throw new IllegalArgumentException("mapping.changeAttribute is needed for incremental reads");
        }
        if (mapping.changesByUsn() && sinceMark == null) {
            throw new IllegalArgumentException("an incremental read by uSNChanged needs the mark of an earlier read");
        }
        Instant started = clock.instant();
        String mark = changeMark();
        var warnings = new ArrayList<String>();
        Filter changedFilter = mapping.changesByUsn()
                ? Filter.createGreaterOrEqualFilter(mapping.changeAttribute(), sinceMark)
                : Filter.createGreaterOrEqualFilter(mapping.changeAttribute(), GENERALIZED_TIME.format(since));
        Filter changed = Filter.createANDFilter(userFilter, changedFilter);
        return new DirectorySnapshot(people(changed, warnings), List.of(), warnings, since, started, mark);
    }

    /** The server's highest committed USN, read before the searches so that nothing changed meanwhile is missed. */
    private String changeMark() {
        if (!mapping.changesByUsn()) {
            return null;
        }
        search();
        try {
            var rootDse = pool.getRootDSE();
            String usn = rootDse == null ? null : rootDse.getAttributeValue("highestCommittedUSN");
            if (usn == null) {
                throw new DirectoryReadFailed("the server's root DSE has no highestCommittedUSN, so uSNChanged "
                        + "cannot be followed: use whenChanged as mapping.changeAttribute",
                        PagedSearch.code(com.unboundid.ldap.sdk.ResultCode.NO_SUCH_ATTRIBUTE), false, null);
            }
            return usn.strip();
        } catch (LDAPException e) {
            throw PagedSearch.failure("cannot read the root DSE: " + e.getMessage(), e);
        }
    }

    private List<DirectoryPerson> people(Filter filter, List<String> warnings) {
        var people = new ArrayList<DirectoryPerson>();
        for (SearchResultEntry entry : search().search("people", mapping.userSearchBase(), filter,
                entries.personAttributes())) {
            entries.person(entry, warnings).ifPresent(people::add);
        }
        return people;
    }

    private PagedSearch search() {
        if (pool == null) {
            try {
                pool = Connections.pool(connection);
            } catch (LDAPException e) {
                throw PagedSearch.failure("cannot connect and bind to " + connection.host() + ":" + connection.port()
                        + " as " + Optional.ofNullable(connection.bindDn()).orElse("anonymous") + ": "
                        + e.getMessage(), e);
            }
        }
        return new PagedSearch(pool, connection.pageSize(), (int) Math.max(1, connection.responseTimeout().toSeconds()));
    }

    static Filter filter(String text, String name) {
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(name + " is not a valid LDAP filter: " + text + " ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}

package dev.muster.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A read of the directory that completed: every page of every search succeeded. A read that did not complete is
 * never a snapshot, it is a {@link DirectoryReadFailed}.
 *
 * @param changedSince {@code null} for a full read; otherwise the people are only those changed since then and
 *                     {@code groups} is empty (groups and deletions are reconciled by full reads)
 * @param startedAt when the read began: the next incremental read starts from here (less the overlap)
 * @param warnings entries that could not be mapped (no id, no e-mail, a member DN outside the read)
 * @param changeMark the directory's own change counter when the read began (Active Directory's
 *                   {@code highestCommittedUSN}) if the mapping's change attribute is {@code uSNChanged}, else
 *                   {@code null}: the next incremental read asks for {@code uSNChanged} from here
 */
public record DirectorySnapshot(List<DirectoryPerson> people, List<DirectoryGroup> groups, List<String> warnings,
                                Instant changedSince, Instant startedAt, String changeMark) {
    public DirectorySnapshot {
        people = List.copyOf(people);
        groups = List.copyOf(groups);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean full() {
        return changedSince == null;
    }

    /** The read without its entries: what is recorded once it is applied (when, how complete, the change mark). */
    public DirectorySnapshot withoutEntries() {
        return new DirectorySnapshot(List.of(), List.of(), warnings, changedSince, startedAt, changeMark);
    }
}

package dev.muster.organization;

import java.util.EnumSet;
import java.util.Set;

/**
 * The membership lifecycle: {@code STAGED → INVITED → ACCEPTED → CONFIRMED}, and {@code REVOKED} from any
 * status (the status before revocation is kept on the member so that restore returns it there).
 */
public enum MemberStatus {
    STAGED, INVITED, ACCEPTED, CONFIRMED, REVOKED;

    /** Whether a member in this status occupies a seat. */
    public boolean occupiesSeat() {
        return this == INVITED || this == ACCEPTED || this == CONFIRMED;
    }

    /** The statuses this one may move to by an ordinary step (revocation aside). */
    public Set<MemberStatus> next() {
        return switch (this) {
            case STAGED -> EnumSet.of(INVITED);
            case INVITED -> EnumSet.of(ACCEPTED);
            case ACCEPTED -> EnumSet.of(CONFIRMED);
            case CONFIRMED, REVOKED -> EnumSet.noneOf(MemberStatus.class);
        };
    }
}

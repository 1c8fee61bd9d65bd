package dev.muster.organization;

import java.util.Objects;

/**
 * The fingerprint of the last command a source applied to a member, still valid because the member has not changed
 * since. A batch that brings the same command again can leave that member alone.
 */
public record AppliedMark(MemberId memberId, String fingerprint) {
    public AppliedMark {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

package dev.muster.scim;

/** Weak ETags and the {@code If-Match}/{@code If-None-Match} preconditions (RFC 7644 section 3.14). */
final class Versions {
    private Versions() {
    }

    /** Whether a precondition header names the current version (or is {@code *}). */
    static boolean matches(String header, String current) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || weak(tag).equals(weak(current))) {
                return true;
            }
        }
        return false;
    }

    /** A stale {@code If-Match} is 412: somebody changed the resource since the client read it. */
    static void require(String ifMatch, String current) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, current)) {
            throw new ScimFault(412, null, "the resource's version is " + current + ", not " + ifMatch);
        }
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

package dev.muster.ldap;

import dev.muster.onboarding.Store;
import dev.muster.organization.Group;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of the organization's members and groups (ids and versions): a held plan is applied as planned only
 * while the fingerprint it was planned against still holds.
 */
final class OrganizationFingerprint {
    private static final int PAGE = 1000;

    private OrganizationFingerprint() {
    }

    static String of(Store store, OrganizationId organization) {
        var lines = new ArrayList<String>();
        long offset = 0;
        while (true) {
            Page<Member> page = store.members().list(new MemberQuery(organization, null, null, null, offset, PAGE));
            page.items().forEach(m -> lines.add("m " + m.id() + " " + m.version() + " " + m.status()));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        for (Group group : store.groups().list(organization)) {
            lines.add("g " + group.id() + " " + group.version());
            store.groups().memberships(organization, group.id())
                    .forEach(m -> lines.add("gm " + group.id() + " " + m.memberId() + " " + m.origin()));
        }
        return digest(lines);
    }

    private static String digest(List<String> lines) {
        lines.sort(null);
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

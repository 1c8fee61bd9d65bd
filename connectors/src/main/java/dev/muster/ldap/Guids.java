package dev.muster.ldap;

import java.util.HexFormat;

/**
 * Active Directory's {@code objectGUID} is 16 bytes whose first three fields are little-endian; its standard
 * string form (as AD tools show it) reverses those fields: {@code 00112233-4455-6677-8899-aabbccddeeff}.
 */
final class Guids {
    private static final int[] ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

    private Guids() {
    }

    static String format(byte[] guid) {
        if (guid == null || guid.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes, not "
                    + (guid == null ? "none" : guid.length));
        }
        var hex = HexFormat.of();
        var text = new StringBuilder(36);
        for (int i = 0; i < ORDER.length; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text.append('-');
            }
            text.append(hex.toHexDigits(guid[ORDER[i]]));
        }
        return text.toString();
    }
}

package dev.muster.organization;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail syntax and normalisation shared by every path. */
public final class Emails {
    private static final Pattern SYNTAX =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SYNTAX.matcher(email.strip()).matches();
    }

    /** Strips the e-mail and checks its syntax; the case is kept as given, comparisons ignore it. */
    public static String normalize(String email) {
        if (!isValid(email)) {
            throw new IllegalArgumentException("not a valid e-mail address: " + email);
        }
        return email.strip();
    }

    /** The key under which e-mails are unique in an organization. */
    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static String domain(String email) {
        return key(email).substring(email.strip().lastIndexOf('@') + 1);
    }
}

package dev.muster.ldap;

import java.util.List;

/**
 * The outcome of trying a directory configuration: connect, bind, count, and map the first people.
 *
 * @param error why the test failed, with the LDAP result code; {@code null} when it succeeded
 * @param sample the first ten people as they would be mapped
 * @param warnings entries without an id or e-mail, duplicate e-mails, unresolved members
 */
public record DirectoryTestResult(boolean ok, String error, String resultCode, int people, int groups,
                                  List<DirectoryPerson> sample, List<String> warnings) {
    public DirectoryTestResult {
        sample = List.copyOf(sample);
        warnings = List.copyOf(warnings);
    }
}

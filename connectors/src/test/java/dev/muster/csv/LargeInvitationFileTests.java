package dev.muster.csv;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A generated 100,000-row file (written to target/, never committed) read as a stream. */
class LargeInvitationFileTests {
    private static final Path FILE = Path.of("target", "csv", "invitations-100000.csv");
    private static final int ROWS = 100_000;

    @BeforeAll
    static void generate() throws IOException {
        generate(FILE, ROWS);
    }

    /** Writes a realistic file: quoted names with commas, groups, collections, a free column, CRLF. */
    static void generate(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFFemail,name,role,groups,collections,externalId,department\r\n");
            for (int i = 0; i < rows; i++) {
                out.write("person" + i + "@acme.test,\"Person " + i + ", Jr.\"," + (i % 50 == 0 ? "admin" : "user")
                        + ",Engineering,Source code:" + (i % 2 == 0 ? "read-only" : "edit") + ",HR-" + i
                        + ",Dept " + (i % 17) + "\r\n");
            }
        }
    }

    @Test
    void readsAndValidatesEveryRowOfA100000RowFile() throws IOException {
        var catalog = Catalog.of(Set.of("Engineering"), Set.of("Source code"));
        int valid = 0;
        int lastLine = 0;
        try (InputStream in = Files.newInputStream(FILE);
             var file = InvitationFile.open(in, CsvLimits.DEFAULTS, catalog)) {
            for (CheckedRow row = file.next(); row != null; row = file.next()) {
                if (row instanceof CheckedRow.Valid) {
                    valid++;
                }
                lastLine = row.line();
            }
        }

        assertThat(valid).isEqualTo(ROWS);
        assertThat(lastLine).isEqualTo(ROWS + 1);
    }

    @Test
    void refusesTheRowAfterTheLimit() throws IOException {
        Path over = Path.of("target", "csv", "invitations-100001.csv");
        generate(over, ROWS + 1);
        var catalog = Catalog.of(Set.of("Engineering"), Set.of("Source code"));

        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(over);
                 var file = InvitationFile.open(in, CsvLimits.DEFAULTS, catalog)) {
                while (file.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOfSatisfying(CsvFileRefused.class, e -> {
            assertThat(e.code()).isEqualTo("too-many-rows");
            assertThat(e.getMessage()).contains("line 100002").contains("more than 100000 rows");
        });
    }
}

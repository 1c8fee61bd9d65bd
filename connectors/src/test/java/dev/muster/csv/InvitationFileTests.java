package dev.muster.csv;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationFileTests {
    private static final Catalog ACME = Catalog.of(Set.of("Engineering", "Managers"),
            Set.of("Source code", "Finance"));

    private static List<CheckedRow> read(String resource) {
        return read(InvitationFileTests.class.getResourceAsStream("/csv/" + resource), CsvLimits.DEFAULTS);
    }

    private static List<CheckedRow> read(InputStream content, CsvLimits limits) {
        var rows = new ArrayList<CheckedRow>();
        try (var file = InvitationFile.open(content, limits, ACME)) {
            for (CheckedRow row = file.next(); row != null; row = file.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static InvitationRow valid(CheckedRow row) {
        assertThat(row).isInstanceOf(CheckedRow.Valid.class);
        return ((CheckedRow.Valid) row).row();
    }

    private static List<String> problems(CheckedRow row) {
        assertThat(row).isInstanceOf(CheckedRow.Invalid.class);
        return ((CheckedRow.Invalid) row).problems().stream().map(p -> p.code() + " @" + p.line() + "/" + p.column())
                .toList();
    }

    @Test
    void readsAByteOrderMarkAndCrlfLineEnds() {
        List<CheckedRow> rows = read("bom-crlf.csv");

        assertThat(rows).hasSize(2);
        InvitationRow ada = valid(rows.get(0));
        assertThat(ada.email()).isEqualTo("ada@acme.test");
        assertThat(ada.role()).isEqualTo(Role.ADMIN);
        assertThat(ada.attributes()).containsExactly(Map.entry("department", "Engineering"));
        assertThat(valid(rows.get(1)).line()).isEqualTo(3);
    }

    @Test
    void detectsSemicolonsAndSplitsGroupsAndCollectionsInsideQuotedCells() {
        List<CheckedRow> rows = read("semicolons.csv");

        InvitationRow ada = valid(rows.get(0));
        assertThat(ada.name()).isEqualTo("Lovelace; Ada");
        assertThat(ada.groups()).containsExactly("Engineering");
        assertThat(ada.collections()).containsExactly(Map.entry("Source code", AccessLevel.CAN_EDIT));
        InvitationRow grace = valid(rows.get(1));
        assertThat(grace.groups()).containsExactlyInAnyOrder("Engineering", "Managers");
        assertThat(grace.collections()).containsOnly(Map.entry("Source code", AccessLevel.CAN_MANAGE),
                Map.entry("Finance", AccessLevel.READ_ONLY));
        assertThat(grace.attributes()).containsEntry("department", "Navy");
    }

    @Test
    void keepsDoubledQuotesDelimitersAndLineBreaksInsideQuotedFields() {
        List<CheckedRow> rows = read("quotes-and-newlines.csv");

        InvitationRow ada = valid(rows.get(0));
        assertThat(ada.name()).isEqualTo("Ada \"the Countess\" Lovelace");
        assertThat(ada.attributes()).containsEntry("notes", "first line\nsecond line, with a comma");
        InvitationRow bob = valid(rows.get(1));
        assertThat(bob.line()).as("the embedded line break moves the next row down").isEqualTo(4);
        assertThat(bob.attributes()).containsEntry("title", "Engineer, Senior");
    }

    @Test
    void readsUnicodeNames() {
        assertThat(read("unicode-names.csv")).map(r -> valid(r).name())
                .containsExactly("José Álvarez", "Zoë Çelik", "李小龍", "Александра Петрова");
    }

    @Test
    void readsEveryKnownColumnWhateverItsSpelling() {
        InvitationRow ada = valid(read("all-columns.csv").get(0));

        assertThat(ada.role()).isEqualTo(Role.CUSTOM);
        assertThat(ada.permissions()).containsExactlyInAnyOrder(Permission.MANAGE_USERS, Permission.ACCESS_REPORTS);
        assertThat(ada.externalId()).isEqualTo("HR-001");
        assertThat(ada.collections()).containsEntry("Finance", AccessLevel.HIDE_PASSWORDS);
        assertThat(ada.attributes()).containsOnlyKeys("Department", "Title");
    }

    @Test
    void reportsEveryProblemOfEveryRowWithLineAndColumn() {
        List<CheckedRow> rows = read("broken-rows.csv");

        assertThat(rows).hasSize(11);
        valid(rows.get(0));
        assertThat(problems(rows.get(1))).containsExactly("invalid-email @3/email");
        assertThat(problems(rows.get(2))).containsExactly("missing-email @4/email");
        assertThat(problems(rows.get(3))).containsExactly("unknown-role @5/role");
        assertThat(problems(rows.get(4))).containsExactly("unknown-group @6/groups");
        assertThat(problems(rows.get(5))).containsExactly("unknown-access-level @7/collections",
                "unknown-collection @7/collections");
        assertThat(problems(rows.get(6))).containsExactly("duplicate-email @8/email");
        assertThat(problems(rows.get(7))).containsExactly("invalid-permission @9/role");
        assertThat(problems(rows.get(8))).containsExactly("duplicate-external-id @10/externalId");
        assertThat(problems(rows.get(9))).containsExactly("owner-not-allowed @11/role");
        assertThat(problems(rows.get(10))).containsExactly("wrong-field-count @12/null");
    }

    @Test
    void namesBothLinesOfADuplicateEmail() {
        var duplicate = ((CheckedRow.Invalid) read("broken-rows.csv").get(6)).problems().get(0);

        assertThat(duplicate.message()).contains("line 2").contains("line 8");
        assertThat(duplicate.toString()).startsWith("line 8, column email: ");
    }

    @Test
    void keepsFormulaLookingCellsAsData() {
        List<CheckedRow> rows = read("formulas.csv");

        assertThat(valid(rows.get(0)).name()).isEqualTo("=HYPERLINK(\"http://evil.test\";\"click\")");
        assertThat(valid(rows.get(0)).attributes()).containsEntry("department", "+sum(1;2)")
                .containsEntry("cost center", "-42");
        assertThat(valid(rows.get(1)).name()).isEqualTo("@SUM(A1:A9)");
    }

    @Test
    void refusesAFileWithoutAnEmailColumn() {
        assertThatThrownBy(() -> read(text("name,role\nAda,admin\n"), CsvLimits.DEFAULTS))
                .isInstanceOfSatisfying(CsvFileRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("no-email-column");
                    assertThat(e.getMessage()).contains("found: name, role");
                });
    }

    @Test
    void refusesAnUnclosedQuoteNamingItsLine() {
        assertThatThrownBy(() -> read(text("email,name\na@acme.test,A\nb@acme.test,\"B\n"), CsvLimits.DEFAULTS))
                .isInstanceOfSatisfying(CsvFileRefused.class, e -> assertThat(e.getMessage()).startsWith("line 3"));
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "email,name\nj@acme.test,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(new ByteArrayInputStream(latin1), CsvLimits.DEFAULTS))
                .isInstanceOfSatisfying(CsvFileRefused.class, e -> assertThat(e.code()).isEqualTo("not-utf8"));
    }

    @Test
    void refusesMoreRowsOrBytesThanTheLimits() {
        String content = "email\na@acme.test\nb@acme.test\nc@acme.test\n";

        assertThatThrownBy(() -> read(text(content), new CsvLimits(2, 1000)))
                .isInstanceOfSatisfying(CsvFileRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("too-many-rows");
                    assertThat(e.getMessage()).contains("more than 2 rows");
                });
        assertThatThrownBy(() -> read(text(content), new CsvLimits(100, 20)))
                .isInstanceOfSatisfying(CsvFileRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("too-large");
                    assertThat(e.getMessage()).contains("20 bytes");
                });
    }

    @Test
    void skipsBlankLinesAndAcceptsAMissingFinalLineBreak() {
        List<CheckedRow> rows = read(text("email\n\na@acme.test\n\nb@acme.test"), CsvLimits.DEFAULTS);

        assertThat(rows).map(CheckedRow::email).containsExactly("a@acme.test", "b@acme.test");
        assertThat(rows.get(1).line()).isEqualTo(5);
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.muster.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

    @Test
    void neutralisesEveryCellThatASpreadsheetWouldEvaluate() {
        assertThat(CsvWriter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.neutralise("+sum(1;2)")).isEqualTo("'+sum(1;2)");
        assertThat(CsvWriter.neutralise("-42")).isEqualTo("'-42");
        assertThat(CsvWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.neutralise("Ada")).isEqualTo("Ada");
        assertThat(CsvWriter.neutralise("a=b")).isEqualTo("a=b");
    }

    @Test
    void writesRowsThatTheReaderReadsBack() {
        var bytes = new ByteArrayOutputStream();
        try (var writer = CsvWriter.forSpreadsheets(bytes)) {
            writer.row("email", "name", "notes");
            writer.row("ada@acme.test", "Ada \"the Countess\"", "one, two\nthree");
        }

        var reader = CsvReader.open(new ByteArrayInputStream(bytes.toByteArray()), CsvLimits.DEFAULTS);
        reader.next();
        assertThat(reader.next().fields()).containsExactly("ada@acme.test", "Ada \"the Countess\"",
                "one, two\nthree");
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).startsWith("\uFEFFemail,name,notes\r\n");
    }
}

package dev.muster.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV for spreadsheets, one row at a time: UTF-8 with a byte-order mark, {@code ,} and CRLF, quoting
 * where needed. Every cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is neutralised with a leading apostrophe: imported data is
 * kept as written, but an export never becomes code (CSV injection).
 */
public final class CsvWriter implements Closeable, Flushable {
    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer for a spreadsheet download; writes the byte-order mark at once. */
    public static CsvWriter forSpreadsheets(OutputStream stream) {
        var writer = new CsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
        writer.write("\uFEFF");
        return writer;
    }

    public CsvWriter row(List<String> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(neutralise(cells.get(i))));
        }
        write(line.append("\r\n").toString());
        return this;
    }

    public CsvWriter row(String... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    /** The cell as a spreadsheet shows it as text and never evaluates. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                && cell.indexOf(';') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

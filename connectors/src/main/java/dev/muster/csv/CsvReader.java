package dev.muster.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time, holding only the current record: UTF-8 with or without a byte-order mark,
 * {@code ,} or {@code ;} as delimiter (whichever occurs more often outside quotes in the header), RFC 4180
 * quoting with embedded delimiters, doubled quotes and line breaks, CRLF or LF line ends. Blank lines are
 * skipped.
 *
 * <pre>{@code
 * try (var reader = CsvReader.open(Files.newInputStream(path), CsvLimits.DEFAULTS)) {
 *     for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) { ... }
 * }
 * }</pre>
 */
public final class CsvReader implements Closeable {
    private static final int HEADER_PEEK = 64 * 1024;

    /**
     * One record.
     *
     * @param line the physical line the record starts on (1 is the header)
     * @param syntaxProblem what is malformed in the record (text after a closing quote), {@code null} when fine
     */
    public record Record(int line, List<String> fields, String syntaxProblem) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private final BufferedReader in;
    private final char delimiter;
    private int line = 1;
    private int pushedBack = -2;

    private CsvReader(BufferedReader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Opens a stream, skipping a byte-order mark and detecting the delimiter; reading beyond the byte limit fails. */
    public static CsvReader open(InputStream stream, CsvLimits limits) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new BufferedReader(new InputStreamReader(new Limited(stream, limits.maxBytes()), decoder),
                HEADER_PEEK);
        try {
            reader.mark(HEADER_PEEK);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
                reader.mark(HEADER_PEEK);
            } else {
                reader.mark(HEADER_PEEK);
            }
            char delimiter = detectDelimiter(reader);
            reader.reset();
            return new CsvReader(reader, delimiter);
        } catch (IOException e) {
            throw translate(e, 1);
        }
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next record, or {@code null} at the end of the file. */
    public Record next() {
        try {
            while (true) {
                Record record = read();
                if (record == null || !isBlank(record)) {
                    return record;
                }
            }
        } catch (IOException e) {
            throw translate(e, line);
        }
    }

    private Record read() throws IOException {
        int c = take();
        if (c == -1) {
            return null;
        }
        int start = line;
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean closedQuote = false;
        String problem = null;
        for (; ; c = take()) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFileRefused("unclosed-quote", "line " + start + ": a quoted field opened in column "
                            + (fields.size() + 1) + " is never closed");
                } else if (c == '"') {
                    int next = take();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        closedQuote = true;
                        pushedBack = next;
                    }
                } else if (c == '\r') {
                    int next = take();
                    if (next != '\n') {
                        pushedBack = next;
                    }
                    field.append('\n');
                    line++;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int next = take();
                    if (next != '\n') {
                        pushedBack = next;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(start, fields, problem);
            } else if (c == '"' && field.length() == 0 && !closedQuote) {
                quoted = true;
            } else {
                if (closedQuote && problem == null) {
                    problem = "column " + (fields.size() + 1) + ": text after the closing quote";
                }
                field.append((char) c);
            }
        }
    }

    private int take() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private static boolean isBlank(Record record) {
        return record.fields().size() == 1 && record.fields().get(0).isBlank();
    }

    private static char detectDelimiter(BufferedReader reader) throws IOException {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0, c = reader.read(); c != -1 && i < HEADER_PEEK - 1; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static RuntimeException translate(IOException e, int line) {
        if (e instanceof TooLarge tooLarge) {
            return new CsvFileRefused("too-large", "the file is larger than " + tooLarge.limit
                    + " bytes (limit muster.csv.max-bytes)");
        }
        if (e instanceof CharacterCodingException) {
            return new CsvFileRefused("not-utf8", "line " + line + ": the file is not UTF-8 text; save it as "
                    + "\"CSV UTF-8\"");
        }
        return new UncheckedIOException(e);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails reading once more than the limit has been read. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
        }
    }

    private static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }
    }
}

package dev.muster.csv;

import java.io.Closeable;
import java.io.InputStream;

/**
 * An invitation file read row by row: the header first, then each data row validated as it is read. Holds one
 * row at a time (and the e-mails seen, for duplicates); refuses the file once it passes the row limit.
 */
final class InvitationFile implements Closeable {
    private final CsvReader reader;
    private final InvitationHeader header;
    private final RowValidator validator;
    private final int maxRows;
    private int index;

    private InvitationFile(CsvReader reader, InvitationHeader header, Catalog catalog, int maxRows) {
        this.reader = reader;
        this.header = header;
        this.validator = new RowValidator(header, catalog);
        this.maxRows = maxRows;
    }

    static InvitationFile open(InputStream content, CsvLimits limits, Catalog catalog) {
        CsvReader reader = CsvReader.open(content, limits);
        try {
            return new InvitationFile(reader, InvitationHeader.of(reader.next()), catalog, limits.maxRows());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    InvitationHeader header() {
        return header;
    }

    /** The next data row, validated, or {@code null} at the end. */
    CheckedRow next() {
        CsvReader.Record record = reader.next();
        if (record == null) {
            return null;
        }
        if (index >= maxRows) {
            throw new CsvFileRefused("too-many-rows", "line " + record.line() + ": the file has more than "
                    + maxRows + " rows (limit muster.csv.max-rows); split it into smaller files");
        }
        return validator.check(index++, record);
    }

    @Override
    public void close() {
        reader.close();
    }
}

package dev.muster.csv;

import dev.muster.organization.Collections;
import dev.muster.organization.Groups;
import dev.muster.organization.OrganizationId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored invitation file read as validated rows in chunks of {@code chunkSize}, one chunk in memory at a time,
 * against the organization's groups and collections as stored.
 */
final class RowChunks {
    private final Groups groups;
    private final Collections collections;
    private final CsvSettings settings;

    RowChunks(Groups groups, Collections collections, CsvSettings settings) {
        this.groups = groups;
        this.collections = collections;
        this.settings = settings;
    }

    interface ChunkConsumer {
        void accept(List<CheckedRow> chunk);
    }

    /** What a validation pass found. */
    record Validation(int rows, int invalid, List<RowProblem> problems) {
    }

    /**
     * Streams the rows in chunks, skipping the first {@code skip} (still validated, so that a duplicate of a
     * skipped row is recognised).
     *
     * @return the number of data rows in the file
     */
    int forEach(OrganizationId organization, Path file, int skip, ChunkConsumer consumer) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Catalog catalog = Catalog.stored(organization, groups, collections);
        try (var rows = InvitationFile.open(in, settings.limits(), catalog)) {
            var chunk = new ArrayList<CheckedRow>(settings.chunkSize());
            int count = 0;
            for (CheckedRow row = rows.next(); row != null; row = rows.next()) {
                count++;
                if (row.index() >= skip) {
                    chunk.add(row);
                }
                if (chunk.size() == settings.chunkSize()) {
                    consumer.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                consumer.accept(List.copyOf(chunk));
            }
            return count;
        }
    }

    /** Every row problem of the file (the first {@code reportRows} kept), applying nothing; refuses beyond a limit. */
    Validation validate(OrganizationId organization, Path file) {
        var problems = new ArrayList<RowProblem>();
        int[] invalid = {0};
        int rows = forEach(organization, file, 0, chunk -> chunk.stream()
                .filter(CheckedRow.Invalid.class::isInstance).map(CheckedRow.Invalid.class::cast).forEach(row -> {
                    invalid[0]++;
                    row.problems().stream().limit(Math.max(0, settings.reportRows() - problems.size()))
                            .forEach(problems::add);
                }));
        return new Validation(rows, invalid[0], problems);
    }
}

package dev.muster.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row: where the known columns are and which columns are free person attributes. Known names are
 * matched ignoring case, spaces, dashes and underscores ({@code E-mail}, {@code external_id}).
 */
public final class InvitationHeader {
    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String ROLE = "role";
    static final String GROUPS = "groups";
    static final String COLLECTIONS = "collections";
    static final String EXTERNAL_ID = "externalId";
    private static final List<String> KNOWN = List.of(EMAIL, NAME, ROLE, GROUPS, COLLECTIONS, EXTERNAL_ID);

    private final List<String> names;
    private final Map<String, Integer> known;

    private InvitationHeader(List<String> names, Map<String, Integer> known) {
        this.names = names;
        this.known = known;
    }

    /** Reads the header record; refuses a header without an e-mail column, or with empty or repeated names. */
    public static InvitationHeader of(CsvReader.Record record) {
        if (record == null) {
            throw new CsvFileRefused("no-header", "the file is empty: expected a header row with an email column");
        }
        var names = new ArrayList<String>();
        var known = new HashMap<String, Integer>();
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < record.fields().size(); i++) {
            String name = record.fields().get(i).strip();
            if (name.isEmpty()) {
                throw new CsvFileRefused("invalid-header", "line 1: column " + (i + 1) + " of the header has no name");
            }
            Integer before = seen.put(canonical(name), i);
            if (before != null) {
                throw new CsvFileRefused("invalid-header", "line 1: the header names column \"" + name
                        + "\" twice (columns " + (before + 1) + " and " + (i + 1) + ")");
            }
            names.add(name);
            int column = i;
            KNOWN.stream().filter(k -> canonical(k).equals(canonical(name))).findFirst()
                    .ifPresent(k -> known.put(k, column));
        }
        if (!known.containsKey(EMAIL)) {
            throw new CsvFileRefused("no-email-column", "line 1: the header has no email column (found: "
                    + String.join(", ", names) + ")");
        }
        return new InvitationHeader(List.copyOf(names), Map.copyOf(known));
    }

    public int size() {
        return names.size();
    }

    public String name(int column) {
        return names.get(column);
    }

    /** The header name as written in the file for a known column. */
    String nameOf(String knownColumn) {
        Integer column = known.get(knownColumn);
        return column == null ? knownColumn : names.get(column);
    }

    boolean has(String knownColumn) {
        return known.containsKey(knownColumn);
    }

    /** The value of a known column in a record, stripped; {@code null} when absent or empty. */
    String value(CsvReader.Record record, String knownColumn) {
        Integer column = known.get(knownColumn);
        if (column == null || column >= record.fields().size()) {
            return null;
        }
        String value = record.fields().get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /** The free columns of a record as person attributes, by header name. */
    Map<String, String> attributes(CsvReader.Record record) {
        var attributes = new HashMap<String, String>();
        for (int i = 0; i < names.size() && i < record.fields().size(); i++) {
            if (!known.containsValue(i)) {
                attributes.put(names.get(i), record.fields().get(i).strip());
            }
        }
        return attributes;
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}

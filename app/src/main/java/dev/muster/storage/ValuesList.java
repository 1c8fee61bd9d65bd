package dev.muster.storage;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Many ids looked up at once as a joined {@code values} list, {@code (values (?), (?), ...) as wanted(id)}, rather
 * than with {@code in (...)}: H2 cannot use an in-list on a column that is not the first of an index (the third of
 * the unique identity index, the second of a primary key that starts with the organization) and then compares every
 * row of the organization with every id of the list. A join looks each id up in the index, on H2 and PostgreSQL.
 */
public final class ValuesList {
    /** How many ids one query takes. */
    public static final int SLICE = 1000;

    private ValuesList() {
    }

    /** The {@code values} list of {@code count} positional parameters, named {@code alias(column)}. */
    public static String of(int count, String alias, String column) {
        return "(values " + String.join(", ", Collections.nCopies(count, "(?)")) + ") as " + alias + "(" + column
                + ")";
    }

    /** Calls {@code read} with the distinct ids, at most {@value #SLICE} at a time, in their first order. */
    public static <T> void inSlices(Collection<T> ids, Consumer<List<T>> read) {
        List<T> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += SLICE) {
            read.accept(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
    }
}

package dev.muster.storage;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * On H2 only: every foreign key whose columns begin another index of its table uses that index instead of one of its
 * own. H2 gives a foreign key declared with its column (such as {@code organization_id ... references
 * organizations}) an index of its own, created before the table's composite indexes; when H2's statistics rate the
 * column as selective, that single-column index costs the same as the unique {@code (organization_id, email_key)}
 * index, and H2 keeps the first it finds. Every e-mail lookup then scanned the whole organization: importing
 * 100,000 people took quadratic time. Dropping the key and adding it again lets H2 reuse the composite index (it
 * takes an existing index whose leading columns are the key's), so only indexes that serve the lookups remain.
 * PostgreSQL creates no index for a foreign key, and this migration does nothing there. Flyway gets it as a bean
 * of {@link StorageConfiguration}.
 */
class V13__ForeignKeysShareIndexes extends BaseJavaMigration {
    private record ForeignKey(String table, String name, String index, List<String> columns, String referenced,
                              List<String> referencedColumns, String onDelete) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        for (ForeignKey key : foreignKeys(connection)) {
            if (coveredByAnotherIndex(connection, key)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("alter table " + quote(key.table()) + " drop constraint " + quote(key.name()));
                    statement.execute("alter table " + quote(key.table()) + " add constraint " + quote(key.name())
                            + " foreign key (" + quoted(key.columns()) + ") references " + quote(key.referenced())
                            + " (" + quoted(key.referencedColumns()) + ") on delete " + key.onDelete());
                }
            }
        }
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        var keys = new ArrayList<ForeignKey>();
        try (var statement = connection.prepareStatement("select tc.table_name, tc.constraint_name, tc.index_name, "
                + "rc.unique_constraint_name, rc.delete_rule from information_schema.table_constraints tc "
                + "join information_schema.referential_constraints rc on rc.constraint_schema = tc.constraint_schema "
                + "and rc.constraint_name = tc.constraint_name "
                + "where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema "
                + "order by tc.table_name, tc.constraint_name");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                String unique = rows.getString("unique_constraint_name");
                keys.add(new ForeignKey(rows.getString("table_name"), rows.getString("constraint_name"),
                        rows.getString("index_name"), columns(connection, rows.getString("constraint_name")),
                        tableOf(connection, unique), columns(connection, unique), rows.getString("delete_rule")));
            }
        }
        return keys;
    }

    private static List<String> columns(Connection connection, String constraint) throws SQLException {
        var columns = new ArrayList<String>();
        try (var statement = connection.prepareStatement("select column_name from information_schema.key_column_usage "
                + "where constraint_schema = current_schema and constraint_name = ? order by ordinal_position")) {
            statement.setString(1, constraint);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static String tableOf(Connection connection, String constraint) throws SQLException {
        try (var statement = connection.prepareStatement("select table_name from information_schema.table_constraints "
                + "where constraint_schema = current_schema and constraint_name = ?")) {
            statement.setString(1, constraint);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Whether another index of the table starts with exactly the key's columns, in order. */
    private static boolean coveredByAnotherIndex(Connection connection, ForeignKey key) throws SQLException {
        var indexes = new LinkedHashMap<String, List<String>>();
        try (var statement = connection.prepareStatement("select index_name, column_name "
                + "from information_schema.index_columns where table_schema = current_schema and table_name = ? "
                + "order by index_name, ordinal_position")) {
            statement.setString(1, key.table());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.computeIfAbsent(rows.getString(1), i -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return indexes.entrySet().stream().anyMatch(index -> !index.getKey().equals(key.index())
                && index.getValue().size() >= key.columns().size()
                && index.getValue().subList(0, key.columns().size()).equals(key.columns()));
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(V13__ForeignKeysShareIndexes::quote).toList());
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

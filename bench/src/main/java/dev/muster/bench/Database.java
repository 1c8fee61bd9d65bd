package dev.muster.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where the started app keeps its data: the embedded H2 default, or a database created for this run. */
sealed interface Database extends AutoCloseable {
    String label();

    List<String> appArguments();

    Map<String, String> appEnvironment();

    @Override
    void close();

    static Database of(String kind, String postgresServer) {
        return switch (kind) {
            case "h2" -> new H2();
            case "postgres" -> Postgres.create(postgresServer);
            default -> throw new IllegalArgumentException("unknown database " + kind + " (h2 or postgres)");
        };
    }

    /** The app's default: an H2 file database under the (fresh) data directory. */
    record H2() implements Database {
        public String label() {
            return "H2 (file)";
        }

        public List<String> appArguments() {
            return List.of();
        }

        public Map<String, String> appEnvironment() {
            return Map.of();
        }

        public void close() {
        }
    }

    /** A fresh database on the PostgreSQL server (user postgres), dropped when the run ends. */
    record Postgres(String server, String name) implements Database {
        static Postgres create(String server) {
            String name = "muster_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin(server, "create database " + name);
            return new Postgres(server, name);
        }

        public String label() {
            return "PostgreSQL";
        }

        public List<String> appArguments() {
            return List.of("--spring.profiles.active=postgres");
        }

        public Map<String, String> appEnvironment() {
            return Map.of("MUSTER_DB_URL", "jdbc:postgresql://" + server + "/" + name, "MUSTER_DB_USER", "postgres",
                    "MUSTER_DB_PASSWORD", "");
        }

        public void close() {
            admin(server, "drop database if exists " + name + " with (force)");
        }

        private static void admin(String server, String sql) {
            try (var connection = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres",
                    "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + server + ": " + e.getMessage(), e);
            }
        }
    }
}

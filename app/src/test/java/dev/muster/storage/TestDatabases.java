package dev.muster.storage;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh databases for integration tests, one per test class, so that classes never see each other's rows.
 * PostgreSQL comes from the server at {@code MUSTER_TEST_POSTGRES_URL} (default {@code 127.0.0.1:5432}, user
 * {@code MUSTER_TEST_POSTGRES_USER} or {@code postgres}, password {@code MUSTER_TEST_POSTGRES_PASSWORD}), or from a
 * Testcontainers server passed to {@link #postgres(String, String, String)}.
 *
 * <pre>{@code
 * static TestDatabase database;
 * @BeforeAll static void create() { database = TestDatabases.postgres(); }
 * @AfterAll static void drop() { database.close(); }
 * @DynamicPropertySource static void datasource(DynamicPropertyRegistry r) { r.add(...database.url()...); }
 * }</pre>
 */
public final class TestDatabases {
    private static final String POSTGRES_PREFIX = "jdbc:postgresql://";

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database in PostgreSQL mode, configured like the embedded default. */
    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + uniqueName() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return new TestDatabase(url, "sa", "", () -> {
        });
    }

    /**
     * A fresh database on the configured PostgreSQL server. When the server is unreachable the calling test class
     * is skipped if Docker can run the Testcontainers variant instead, and fails otherwise.
     */
    public static TestDatabase postgres() {
        String server = env("MUSTER_TEST_POSTGRES_URL", POSTGRES_PREFIX + "127.0.0.1:5432/postgres");
        String user = env("MUSTER_TEST_POSTGRES_USER", "postgres");
        String password = env("MUSTER_TEST_POSTGRES_PASSWORD", "");
        try (Connection ignored = DriverManager.getConnection(databaseUrl(server, "postgres"), user, password)) {
            return postgres(server, user, password);
        } catch (SQLException unreachable) {
            Assumptions.assumeFalse(DockerClientFactory.instance().isDockerAvailable(),
                    "no PostgreSQL at " + server + "; the Testcontainers variant covers PostgreSQL");
            throw new IllegalStateException("no PostgreSQL at " + server + " and no Docker: start PostgreSQL or "
                    + "set MUSTER_TEST_POSTGRES_URL", unreachable);
        }
    }

    /** A fresh database on the PostgreSQL server of any database URL, created through its {@code postgres} db. */
    public static TestDatabase postgres(String serverUrl, String user, String password) {
        String name = uniqueName();
        String admin = databaseUrl(serverUrl, "postgres");
        execute(admin, user, password, "create database " + name);
        return new TestDatabase(databaseUrl(serverUrl, name), user, password,
                () -> execute(admin, user, password, "drop database if exists " + name + " with (force)"));
    }

    /** The same server URL and options with another database. */
    static String databaseUrl(String url, String database) {
        int query = url.indexOf('?');
        String options = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.indexOf('/', POSTGRES_PREFIX.length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + options;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    private static String uniqueName() {
        return "muster_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A database created for one test class; closing drops it. */
    public record TestDatabase(String url, String username, String password, Runnable drop)
            implements AutoCloseable {

        /** Points Spring's datasource at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::username);
            registry.add("spring.datasource.password", this::password);
            if (url().startsWith(POSTGRES_PREFIX)) {
                // as the postgres profile sets it (application-postgres.yml), so that the batches are tested so
                registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
            }
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}

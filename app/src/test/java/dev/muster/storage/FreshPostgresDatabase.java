package dev.muster.storage;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test class on a database of its own on the configured PostgreSQL server (see {@link TestDatabases}):
 * created before the context starts, dropped when it closes, so that classes never see each other's rows.
 *
 * <pre>{@code
 * @FreshPostgresDatabase
 * class PostgresPurgeIntegrationTests extends PurgeIntegrationTests {
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DirtiesContext
@ContextConfiguration(initializers = FreshPostgresDatabase.Initializer.class)
public @interface FreshPostgresDatabase {

    /** Creates the database, points the datasource at it and drops it with the context. */
    final class Initializer implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            TestDatabases.TestDatabase database = TestDatabases.postgres();
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + database.url(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + database.password(),
                    "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true").applyTo(context);
            context.addApplicationListener(
                    (org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>)
                            event -> database.close());
        }
    }
}

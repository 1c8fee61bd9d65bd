package dev.muster.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.muster.ldap.Directories;
import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectorySnapshot;
import dev.muster.onboarding.RunId;
import dev.muster.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Directory configurations, sync marks and held plans in the database. Configurations are stored as JSON without
 * the bind password, which goes encrypted into a column of its own.
 */
final class JdbcDirectories implements Directories {
    private final JdbcClient jdbc;
    private final DirectorySecrets secrets;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    JdbcDirectories(JdbcClient jdbc, DirectorySecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Stores the configuration; a {@code null} bind password keeps the stored one. */
    void save(OrganizationId organization, DirectoryConfiguration configuration) {
        String password = configuration.connection().bindPassword();
        String encrypted = password == null ? storedPassword(organization).orElse(null)
                : secrets.encrypt(organization, password);
        DirectoryConfiguration withoutSecret = withPassword(configuration, null);
        int updated = jdbc.sql("update directory_configurations set settings = :settings, bind_password = :password, "
                        + "enabled = :enabled, updated_at = :at where organization_id = :org")
                .param("org", organization.value()).param("settings", write(withoutSecret))
                .param("password", encrypted).param("enabled", configuration.enabled())
                .param("at", Timestamp.from(clock.instant())).update();
        if (updated == 0) {
            jdbc.sql("insert into directory_configurations (organization_id, settings, bind_password, enabled, "
                            + "updated_at) values (:org, :settings, :password, :enabled, :at)")
                    .param("org", organization.value()).param("settings", write(withoutSecret))
                    .param("password", encrypted).param("enabled", configuration.enabled())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
    }

    /** Whether a bind password is stored (the API says so without returning it). */
    boolean hasPassword(OrganizationId organization) {
        return storedPassword(organization).isPresent();
    }

    @Override
    public Optional<DirectoryConfiguration> configuration(OrganizationId organization) {
        return jdbc.sql("select settings, bind_password from directory_configurations where organization_id = :org")
                .param("org", organization.value())
                .query((rs, n) -> {
                    DirectoryConfiguration stored = read(rs.getString("settings"), DirectoryConfiguration.class);
                    String encrypted = rs.getString("bind_password");
                    return encrypted == null ? stored
                            : withPassword(stored, secrets.decrypt(organization, encrypted));
                }).optional();
    }

    @Override
    public List<OrganizationId> configured() {
        return jdbc.sql("select organization_id from directory_configurations where enabled = true")
                .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class))).list();
    }

    @Override
    public SyncMarks marks(OrganizationId organization) {
        return jdbc.sql("select last_full_read, last_read, last_change_mark from directory_sync_marks "
                        + "where organization_id = :org")
                .param("org", organization.value())
                .query((rs, n) -> new SyncMarks(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                        rs.getString(3)))
                .optional().orElse(SyncMarks.NONE);
    }

    @Override
    public void readApplied(OrganizationId organization, DirectorySnapshot read) {
        SyncMarks marks = marks(organization);
        Instant lastFull = read.full() ? read.startedAt() : marks.lastFullRead();
        jdbc.sql("delete from directory_sync_marks where organization_id = :org").param("org", organization.value())
                .update();
        jdbc.sql("insert into directory_sync_marks (organization_id, last_full_read, last_read, last_change_mark) "
                        + "values (:org, :full, :last, :mark)")
                .param("org", organization.value()).param("full", timestamp(lastFull))
                .param("last", timestamp(read.startedAt())).param("mark", read.changeMark()).update();
    }

    @Override
    public void hold(HeldPlan plan) {
        jdbc.sql("insert into directory_held_plans (run_id, organization_id, read_snapshot, fingerprint, "
                        + "triggered_by, held_at) values (:run, :org, :read, :fingerprint, :trigger, :at)")
                .param("run", plan.run().value()).param("org", plan.organization().value())
                .param("read", write(plan.read())).param("fingerprint", plan.fingerprint())
                .param("trigger", plan.trigger()).param("at", Timestamp.from(clock.instant())).update();
    }

    @Override
    public Optional<HeldPlan> held(OrganizationId organization, RunId run) {
        return jdbc.sql("select read_snapshot, fingerprint, triggered_by from directory_held_plans "
                        + "where organization_id = :org and run_id = :run")
                .param("org", organization.value()).param("run", run.value())
                .query((rs, n) -> new HeldPlan(organization, run, read(rs.getString(1), DirectorySnapshot.class),
                        rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public void release(RunId run) {
        jdbc.sql("delete from directory_held_plans where run_id = :run").param("run", run.value()).update();
    }

    private Optional<String> storedPassword(OrganizationId organization) {
        return jdbc.sql("select bind_password from directory_configurations where organization_id = :org "
                        + "and bind_password is not null")
                .param("org", organization.value()).query(String.class).optional();
    }

    private static DirectoryConfiguration withPassword(DirectoryConfiguration c, String password) {
        return new DirectoryConfiguration(c.connection().withBindPassword(password), c.mapping(), c.enabled(),
                c.schedule(), c.newMembers(), c.maxRevocations(), c.maxRevocationPercent(), c.fullSyncInterval(),
                c.changeOverlap());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}

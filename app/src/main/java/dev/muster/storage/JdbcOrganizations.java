package dev.muster.storage;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organization.StaleVersion;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organizations in the {@code organizations} table, written with optimistic locking. */
class JdbcOrganizations implements Organizations {
    private static final String COLUMNS = "id, name, plan, seats, seat_limit, invite_on_provisioning, "
            + "removal_grace_period, readiness_gate, created_at, version";

    private static final RowMapper<Organization> ROW = (rs, n) -> new Organization(
            new OrganizationId(Columns.uuid(rs, "id")), rs.getString("name"),
            Columns.enumValue(Plan.class, rs, "plan"), rs.getInt("seats"), Columns.integer(rs, "seat_limit"),
            new OrganizationSettings(rs.getBoolean("invite_on_provisioning"),
                    Duration.parse(rs.getString("removal_grace_period")), rs.getBoolean("readiness_gate")),
            Columns.instant(rs, "created_at"), rs.getLong("version"));

    private final JdbcClient jdbc;

    JdbcOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Organization insert(Organization organization) {
        jdbc.sql("insert into organizations (" + COLUMNS + ") values (:id, :name, :plan, :seats, :seatLimit, "
                        + ":invite, :grace, :gate, :createdAt, :version)")
                .params(parameters(organization))
                .param("createdAt", Columns.timestamp(organization.createdAt()))
                .param("version", organization.version())
                .update();
        jdbc.sql("insert into seat_counts (organization_id, occupied) values (:id, 0)")
                .param("id", organization.id().value()).update();
        return organization;
    }

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return jdbc.sql("select " + COLUMNS + " from organizations where id = :id")
                .param("id", id.value()).query(ROW).optional();
    }

    @Override
    public List<Organization> list() {
        return jdbc.sql("select " + COLUMNS + " from organizations order by name, id").query(ROW).list();
    }

    @Override
    public Organization update(Organization organization) throws StaleVersion {
        int updated = jdbc.sql("update organizations set name = :name, plan = :plan, seats = :seats, "
                        + "seat_limit = :seatLimit, invite_on_provisioning = :invite, removal_grace_period = :grace, "
                        + "readiness_gate = :gate, version = :version + 1 where id = :id and version = :version")
                .params(parameters(organization))
                .param("version", organization.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("organization " + organization.id());
        }
        return new Organization(organization.id(), organization.name(), organization.plan(), organization.seats(),
                organization.seatLimit(), organization.settings(), organization.createdAt(),
                organization.version() + 1);
    }

    private static Map<String, Object> parameters(Organization organization) {
        var values = new HashMap<String, Object>();
        values.put("id", organization.id().value());
        values.put("name", organization.name());
        values.put("plan", organization.plan().name());
        values.put("seats", organization.seats());
        values.put("seatLimit", organization.seatLimit());
        values.put("invite", organization.settings().sendInvitationsOnProvisioning());
        values.put("grace", organization.settings().removalGracePeriod().toString());
        values.put("gate", organization.settings().readinessGate());
        return values;
    }
}

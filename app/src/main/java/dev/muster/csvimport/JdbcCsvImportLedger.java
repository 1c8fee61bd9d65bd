package dev.muster.csvimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvImportLedger;
import dev.muster.csv.ImportId;
import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportState;
import dev.muster.onboarding.RunId;
import dev.muster.organization.Actor;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The import ledger in {@code csv_imports}. */
class JdbcCsvImportLedger implements CsvImportLedger {
    private static final String COLUMNS = "id, organization_id, run_id, file_name, digest, stored_file, mode, "
            + "actor_kind, actor_name, actor_member_id, total_rows, rows_done, counts, state, created_at, updated_at";
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final RowMapper<CsvImport> row = this::map;

    JdbcCsvImportLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(CsvImport i) {
        jdbc.sql("insert into csv_imports (" + COLUMNS + ") values (:id, :org, :run, :fileName, :digest, :storedFile, "
                        + ":mode, :actorKind, :actorName, :actorMember, :totalRows, :rowsDone, :counts, :state, "
                        + ":createdAt, :updatedAt)")
                .param("id", i.id().value()).param("org", i.organizationId().value()).param("run", i.runId().value())
                .param("fileName", i.fileName()).param("digest", i.digest()).param("storedFile", i.storedFile())
                .param("mode", i.mode().name()).param("actorKind", i.actor().kind().name())
                .param("actorName", i.actor().name())
                .param("actorMember", i.actor().member() == null ? null : i.actor().member().value())
                .param("totalRows", i.totalRows()).param("rowsDone", i.rowsDone()).param("counts", write(i.counts()))
                .param("state", i.state().name()).param("createdAt", timestamp(i.createdAt()))
                .param("updatedAt", timestamp(i.updatedAt()))
                .update();
    }

    @Override
    public void progress(ImportId id, int rowsDone, Map<String, Integer> counts, Instant at) {
        jdbc.sql("update csv_imports set rows_done = :rowsDone, counts = :counts, updated_at = :at where id = :id")
                .param("id", id.value()).param("rowsDone", rowsDone).param("counts", write(counts))
                .param("at", timestamp(at)).update();
    }

    @Override
    public void finish(ImportId id, ImportState state, Map<String, Integer> counts, Instant at) {
        jdbc.sql("update csv_imports set state = :state, counts = :counts, updated_at = :at where id = :id")
                .param("id", id.value()).param("state", state.name()).param("counts", write(counts))
                .param("at", timestamp(at)).update();
    }

    @Override
    public Optional<CsvImport> find(OrganizationId organization, ImportId id) {
        return jdbc.sql("select " + COLUMNS + " from csv_imports where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", id.value()).query(row).optional();
    }

    @Override
    public Optional<CsvImport> findUnfinished(OrganizationId organization, String digest) {
        return jdbc.sql("select " + COLUMNS + " from csv_imports where organization_id = :org and digest = :digest "
                        + "and state = 'RUNNING' order by created_at limit 1")
                .param("org", organization.value()).param("digest", digest).query(row).optional();
    }

    @Override
    public List<CsvImport> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from csv_imports where state = 'RUNNING' order by created_at")
                .query(row).list();
    }

    private CsvImport map(ResultSet rs, int n) throws SQLException {
        UUID member = rs.getObject("actor_member_id", UUID.class);
        var actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_name"),
                member == null ? null : new MemberId(member));
        return new CsvImport(new ImportId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new RunId(rs.getObject("run_id", UUID.class)), rs.getString("file_name"), rs.getString("digest"),
                rs.getString("stored_file"), ImportMode.valueOf(rs.getString("mode")), actor, rs.getInt("total_rows"),
                rs.getInt("rows_done"), read(rs.getString("counts")), ImportState.valueOf(rs.getString("state")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String text) {
        try {
            return json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored counts are not JSON", e);
        }
    }
}

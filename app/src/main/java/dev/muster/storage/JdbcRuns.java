package dev.muster.storage;

import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Source;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run history in {@code runs} with per-item outcomes in {@code run_items}, written in batches. */
class JdbcRuns implements Runs {
    private static final String COLUMNS = "id, organization_id, source, actor, triggered_by, dry_run, state, "
            + "started_at, finished_at, counts, error";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;
    private final StorageJson json;
    private final RowMapper<Run> row;
    private final RowMapper<ItemResult> item;

    JdbcRuns(JdbcClient jdbc, NamedParameterJdbcOperations batches, StorageJson json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.row = (rs, n) -> new Run(new RunId(Columns.uuid(rs, "id")),
                new OrganizationId(Columns.uuid(rs, "organization_id")), Columns.enumValue(Source.class, rs, "source"),
                rs.getString("actor"), rs.getString("triggered_by"), rs.getBoolean("dry_run"),
                Columns.enumValue(RunState.class, rs, "state"), Columns.instant(rs, "started_at"),
                Columns.instant(rs, "finished_at"), json.counts(rs.getString("counts")), rs.getString("error"));
        this.item = (rs, n) -> new ItemResult(rs.getInt("item_index"), rs.getString("item_key"),
                json.read(rs.getString("detail"), OutcomeJson.class).toOutcome());
    }

    @Override
    public void start(Run run) {
        jdbc.sql("insert into runs (" + COLUMNS + ") values (:id, :org, :source, :actor, :trigger, :dryRun, :state, "
                        + ":startedAt, :finishedAt, :counts, :error)")
                .param("id", run.id().value()).param("org", run.organizationId().value())
                .param("source", run.source().name()).param("actor", run.actor()).param("trigger", run.trigger())
                .param("dryRun", run.dryRun()).param("state", run.state().name())
                .param("startedAt", Columns.timestamp(run.startedAt()))
                .param("finishedAt", Columns.timestamp(run.finishedAt()))
                .param("counts", json.write(run.counts())).param("error", run.error())
                .update();
    }

    @Override
    public void addItems(RunId run, List<ItemResult> items) {
        if (items.isEmpty()) {
            return;
        }
        var rows = items.stream().map(i -> new MapSqlParameterSource()
                        .addValue("run", run.value()).addValue("index", i.index()).addValue("key", i.key())
                        .addValue("outcome", i.outcome().label())
                        .addValue("detail", json.write(OutcomeJson.of(i.outcome()))))
                .toArray(MapSqlParameterSource[]::new);
        batches.batchUpdate("insert into run_items (run_id, item_index, item_key, outcome, detail) "
                + "values (:run, :index, :key, :outcome, :detail)", rows);
    }

    @Override
    public void finish(RunId run, RunState state, Instant finishedAt, Map<String, Integer> counts, String error) {
        jdbc.sql("update runs set state = :state, finished_at = :finishedAt, counts = :counts, error = :error "
                        + "where id = :id")
                .param("id", run.value()).param("state", state.name())
                .param("finishedAt", Columns.timestamp(finishedAt))
                .param("counts", json.write(counts == null ? Map.of() : counts)).param("error", error)
                .update();
    }

    @Override
    public Optional<Run> find(OrganizationId organization, RunId run) {
        return jdbc.sql("select " + COLUMNS + " from runs where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", run.value()).query(row).optional();
    }

    @Override
    public Page<Run> page(OrganizationId organization, long offset, int limit) {
        long total = jdbc.sql("select count(*) from runs where organization_id = :org")
                .param("org", organization.value()).query(Long.class).single();
        var items = jdbc.sql("select " + COLUMNS + " from runs where organization_id = :org "
                        + "order by started_at desc, id desc limit :limit offset :offset")
                .param("org", organization.value()).param("limit", limit).param("offset", offset)
                .query(row).list();
        return new Page<>(items, total, offset, limit);
    }

    @Override
    public Page<ItemResult> items(OrganizationId organization, RunId run, long offset, int limit) {
        String ofRun = " from run_items i join runs r on r.id = i.run_id where r.organization_id = :org "
                + "and i.run_id = :run";
        long total = jdbc.sql("select count(*)" + ofRun)
                .param("org", organization.value()).param("run", run.value()).query(Long.class).single();
        var items = jdbc.sql("select i.item_index, i.item_key, i.detail" + ofRun
                        + " order by i.item_index limit :limit offset :offset")
                .param("org", organization.value()).param("run", run.value())
                .param("limit", limit).param("offset", offset).query(item).list();
        return new Page<>(items, total, offset, limit);
    }
}

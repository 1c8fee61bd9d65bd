package dev.muster.storage;

import dev.muster.organization.AppliedMark;
import dev.muster.organization.Emails;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.organization.StaleVersion;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Members in the {@code members} table with their identities in {@code member_identities}, kept in sync on every
 * write. Group memberships and grants go with a deleted member by cascading foreign keys. The number of members
 * occupying a seat is kept in {@code seat_counts} by every write here (see {@link SeatCounts}).
 */
class JdbcMembers implements Members {
    private static final String COLUMNS = "m.id, m.organization_id, m.email, m.name, m.attributes, m.status, "
            + "m.previous_status, m.revocation_reason, m.remove_after, m.role, m.permissions, m.role_pinned, "
            + "m.explanation, m.created_at, m.updated_at, m.version";
    private static final String SEAT_STATUSES = Arrays.stream(MemberStatus.values())
            .filter(MemberStatus::occupiesSeat).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final TransactionOperations transaction;
    private final StorageJson json;
    private final RowMapper<Member> row;
    private final SeatCounts seats;

    JdbcMembers(JdbcClient jdbc, TransactionOperations transaction, StorageJson json) {
        this.jdbc = jdbc;
        this.seats = new SeatCounts(jdbc, SEAT_STATUSES);
        this.transaction = transaction;
        this.json = json;
        this.row = (rs, n) -> new Member(new MemberId(Columns.uuid(rs, "id")),
                new OrganizationId(Columns.uuid(rs, "organization_id")), rs.getString("email"), rs.getString("name"),
                json.stringMap(rs.getString("attributes")), Set.of(),
                Columns.enumValue(MemberStatus.class, rs, "status"),
                Columns.enumValue(MemberStatus.class, rs, "previous_status"),
                Columns.enumValue(RevocationReason.class, rs, "revocation_reason"), Columns.instant(rs, "remove_after"),
                Columns.enumValue(Role.class, rs, "role"), permissions(rs.getString("permissions")),
                rs.getBoolean("role_pinned"), json.strings(rs.getString("explanation")),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), rs.getLong("version"));
    }

    @Override
    public Optional<Member> find(OrganizationId organization, MemberId id) {
        return one(jdbc.sql("select " + COLUMNS + " from members m where m.organization_id = :org and m.id = :id")
                .param("org", organization.value()).param("id", id.value()).query(row).list());
    }

    @Override
    public Optional<Member> findByIdentity(OrganizationId organization, ExternalIdentity identity) {
        return one(jdbc.sql("select " + COLUMNS + " from members m join member_identities i on i.member_id = m.id "
                        + "where i.organization_id = :org and i.source = :source and i.source_id = :sourceId")
                .param("org", organization.value()).param("source", identity.source().name())
                .param("sourceId", identity.sourceId()).query(row).list());
    }

    @Override
    public Optional<Member> findByEmail(OrganizationId organization, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return one(jdbc.sql("select " + COLUMNS + " from members m where m.organization_id = :org "
                        + "and m.email_key = :emailKey")
                .param("org", organization.value()).param("emailKey", Emails.key(email)).query(row).list());
    }

    @Override
    public Member insert(Member member) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into members (id, organization_id, email, email_key, name, attributes, status, "
                            + "previous_status, revocation_reason, remove_after, role, permissions, role_pinned, "
                            + "explanation, created_at, updated_at, version) values (:id, :org, :email, :emailKey, "
                            + ":name, :attributes, :status, :previousStatus, :revocationReason, :removeAfter, :role, "
                            + ":permissions, :rolePinned, :explanation, :createdAt, :updatedAt, :version)")
                    .params(parameters(member)).update();
            member.identities().forEach(identity -> insertIdentity(member, identity));
            seats.change(member.organizationId(), member.status().occupiesSeat() ? 1 : 0);
        });
        return member;
    }

    @Override
    public Member update(Member member) throws StaleVersion {
        transaction.executeWithoutResult(status -> {
            boolean occupiedBefore = occupiesSeat(member);
            int updated = jdbc.sql("update members set email = :email, email_key = :emailKey, name = :name, "
                            + "attributes = :attributes, status = :status, previous_status = :previousStatus, "
                            + "revocation_reason = :revocationReason, remove_after = :removeAfter, role = :role, "
                            + "permissions = :permissions, role_pinned = :rolePinned, explanation = :explanation, "
                            + "updated_at = :updatedAt, version = :version + 1 "
                            + "where id = :id and organization_id = :org and version = :version")
                    .params(parameters(member)).update();
            if (updated == 0) {
                throw new StaleVersion("member " + member.id());
            }
            seats.change(member.organizationId(), (member.status().occupiesSeat() ? 1 : 0) - (occupiedBefore ? 1 : 0));
            syncIdentities(member);
        });
        return new Member(member.id(), member.organizationId(), member.email(), member.name(), member.attributes(),
                member.identities(), member.status(), member.previousStatus(), member.revocationReason(),
                member.removeAfter(), member.role(), member.permissions(), member.rolePinned(),
                member.explanation(), member.createdAt(), member.updatedAt(), member.version() + 1);
    }

    @Override
    public void delete(OrganizationId organization, MemberId id) {
        transaction.executeWithoutResult(status -> {
            boolean occupied = jdbc.sql("select status from members where organization_id = :org and id = :id")
                    .param("org", organization.value()).param("id", id.value()).query(String.class).optional()
                    .map(s -> MemberStatus.valueOf(s).occupiesSeat()).orElse(false);
            int deleted = jdbc.sql("delete from members where organization_id = :org and id = :id")
                    .param("org", organization.value()).param("id", id.value()).update();
            seats.change(organization, deleted > 0 && occupied ? -1 : 0);
        });
    }

    @Override
    public Page<Member> list(MemberQuery query) {
        var where = new StringBuilder(" from members m where m.organization_id = :org");
        var values = new HashMap<String, Object>();
        values.put("org", query.organizationId().value());
        if (query.status() != null) {
            where.append(" and m.status = :status");
            values.put("status", query.status().name());
        }
        if (query.role() != null) {
            where.append(" and m.role = :role");
            values.put("role", query.role().name());
        }
        if (query.source() != null) {
            where.append(" and exists (select 1 from member_identities i where i.member_id = m.id "
                    + "and i.source = :source)");
            values.put("source", query.source().name());
        }
        long total = jdbc.sql("select count(*)" + where).params(values).query(Long.class).single();
        values.put("limit", query.limit());
        values.put("offset", query.offset());
        var items = jdbc.sql("select " + COLUMNS + where + " order by m.email_key, m.id limit :limit offset :offset")
                .params(values).query(row).list();
        return new Page<>(withIdentities(items), total, query.offset(), query.limit());
    }

    @Override
    public long countOccupyingSeats(OrganizationId organization) {
        return seats.occupied(organization);
    }

    @Override
    public long countConfirmedOwners(OrganizationId organization) {
        return jdbc.sql("select count(*) from members where organization_id = :org and role = :role "
                        + "and status = :status")
                .param("org", organization.value()).param("role", Role.OWNER.name())
                .param("status", MemberStatus.CONFIRMED.name()).query(Long.class).single();
    }

    @Override
    public Set<String> sourceIds(OrganizationId organization, Source source) {
        return new HashSet<>(jdbc.sql("select source_id from member_identities where organization_id = :org "
                        + "and source = :source")
                .param("org", organization.value()).param("source", source.name()).query(String.class).list());
    }

    @Override
    public Map<String, MemberId> idsByIdentity(OrganizationId organization, Source source,
                                               Collection<String> sourceIds) {
        var ids = new HashMap<String, MemberId>();
        inSlices(organization, source, sourceIds, "i.source_id, i.member_id", "", rs -> {
            ids.put(rs.getString("source_id"), new MemberId(Columns.uuid(rs, "member_id")));
        });
        return ids;
    }

    @Override
    public Map<MemberId, String> emails(OrganizationId organization, Collection<MemberId> members) {
        var emails = new HashMap<MemberId, String>();
        ValuesList.inSlices(members, slice -> {
            var values = new ArrayList<Object>(slice.size() + 1);
            slice.forEach(id -> values.add(id.value()));
            values.add(organization.value());
            jdbc.sql("select m.id, m.email from " + ValuesList.of(slice.size(), "wanted", "id")
                            + " join members m on m.id = wanted.id and m.organization_id = ?")
                    .params(values).query(rs -> {
                        emails.put(new MemberId(Columns.uuid(rs, "id")), rs.getString("email"));
                    });
        });
        return emails;
    }

    @Override
    public Map<String, AppliedMark> appliedMarks(OrganizationId organization, Source source,
                                                 Collection<String> sourceIds) {
        var marks = new HashMap<String, AppliedMark>();
        inSlices(organization, source, sourceIds, "i.source_id, i.member_id, i.applied_fingerprint",
                " join members m on m.id = i.member_id where i.applied_fingerprint is not null "
                        + "and i.applied_version = m.version", rs -> {
                    marks.put(rs.getString("source_id"), new AppliedMark(new MemberId(Columns.uuid(rs, "member_id")),
                            rs.getString("applied_fingerprint")));
                });
        return marks;
    }

    @Override
    public void markApplied(OrganizationId organization, ExternalIdentity identity, String fingerprint,
                            long memberVersion) {
        jdbc.sql("update member_identities set applied_fingerprint = :fingerprint, applied_version = :version "
                        + "where organization_id = :org and source = :source and source_id = :sourceId")
                .param("fingerprint", fingerprint).param("version", memberVersion)
                .param("org", organization.value()).param("source", identity.source().name())
                .param("sourceId", identity.sourceId()).update();
    }

    /** Reads the identities of the given source ids of a source (see {@link ValuesList}). */
    private void inSlices(OrganizationId organization, Source source, Collection<String> sourceIds, String columns,
                          String joinAndWhere, RowCallbackHandler row) {
        ValuesList.inSlices(sourceIds, slice -> {
            var values = new ArrayList<Object>(slice.size() + 2);
            values.addAll(slice);
            values.add(organization.value());
            values.add(source.name());
            jdbc.sql("select " + columns + " from " + ValuesList.of(slice.size(), "wanted", "source_id")
                            + " join member_identities i on i.source_id = wanted.source_id "
                            + "and i.organization_id = ? and i.source = ?" + joinAndWhere)
                    .params(values).query(row);
        });
    }

    @Override
    public List<Member> dueForRemoval(Instant now, int limit) {
        var items = jdbc.sql("select " + COLUMNS + " from members m where m.remove_after <= :now "
                        + "and m.status = :status order by m.remove_after, m.id limit :limit")
                .param("now", Columns.timestamp(now)).param("status", MemberStatus.REVOKED.name())
                .param("limit", limit).query(row).list();
        return withIdentities(items);
    }

    /**
     * Whether the stored row this update replaces occupies a seat. Read at the version the update expects: when the
     * row has moved on, the update fails as stale and nothing is counted.
     */
    private boolean occupiesSeat(Member member) {
        return jdbc.sql("select status from members where id = :id and organization_id = :org and version = :version")
                .param("id", member.id().value()).param("org", member.organizationId().value())
                .param("version", member.version()).query(String.class).optional()
                .map(s -> MemberStatus.valueOf(s).occupiesSeat()).orElse(false);
    }

    private Optional<Member> one(List<Member> found) {
        return withIdentities(found).stream().findFirst();
    }

    private List<Member> withIdentities(List<Member> members) {
        if (members.isEmpty()) {
            return members;
        }
        var byMember = new LinkedHashMap<UUID, Member>();
        members.forEach(m -> byMember.put(m.id().value(), m));
        jdbc.sql("select member_id, source, source_id from member_identities where member_id in (:ids)")
                .param("ids", byMember.keySet())
                .query(rs -> {
                    UUID memberId = Columns.uuid(rs, "member_id");
                    var identity = new ExternalIdentity(Source.valueOf(rs.getString("source")),
                            rs.getString("source_id"));
                    byMember.computeIfPresent(memberId, (id, m) -> m.withIdentity(identity));
                });
        return List.copyOf(byMember.values());
    }

    private void syncIdentities(Member member) {
        Set<ExternalIdentity> stored = new HashSet<>(jdbc.sql("select source, source_id from member_identities "
                        + "where member_id = :id")
                .param("id", member.id().value())
                .query((rs, n) -> new ExternalIdentity(Source.valueOf(rs.getString("source")),
                        rs.getString("source_id")))
                .list());
        for (ExternalIdentity old : stored) {
            if (!member.identities().contains(old)) {
                jdbc.sql("delete from member_identities where member_id = :id and source = :source")
                        .param("id", member.id().value()).param("source", old.source().name()).update();
            }
        }
        member.identities().stream().filter(i -> !stored.contains(i)).forEach(i -> insertIdentity(member, i));
    }

    private void insertIdentity(Member member, ExternalIdentity identity) {
        jdbc.sql("insert into member_identities (organization_id, member_id, source, source_id) "
                        + "values (:org, :id, :source, :sourceId)")
                .param("org", member.organizationId().value()).param("id", member.id().value())
                .param("source", identity.source().name()).param("sourceId", identity.sourceId()).update();
    }

    private Map<String, Object> parameters(Member member) {
        var values = new HashMap<String, Object>();
        values.put("id", member.id().value());
        values.put("org", member.organizationId().value());
        values.put("email", member.email());
        values.put("emailKey", Emails.key(member.email()));
        values.put("name", member.name());
        values.put("attributes", json.write(member.attributes()));
        values.put("status", member.status().name());
        values.put("previousStatus", Columns.name(member.previousStatus()));
        values.put("revocationReason", Columns.name(member.revocationReason()));
        values.put("removeAfter", Columns.timestamp(member.removeAfter()));
        values.put("role", member.role().name());
        values.put("permissions", member.permissions().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",")));
        values.put("rolePinned", member.rolePinned());
        values.put("explanation", json.write(member.explanation()));
        values.put("createdAt", Columns.timestamp(member.createdAt()));
        values.put("updatedAt", Columns.timestamp(member.updatedAt()));
        values.put("version", member.version());
        return values;
    }

    private static Set<Permission> permissions(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        var permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(stored.split(",")).map(Permission::valueOf).forEach(permissions::add);
        return permissions;
    }
}

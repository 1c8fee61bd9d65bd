package dev.muster.readiness.storage;

import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.organization.Page;
import dev.muster.organization.Policies;
import dev.muster.readiness.Licenses;
import dev.muster.readiness.ReadinessFacts;
import dev.muster.readiness.ReadinessFactsSource;
import dev.muster.readiness.RoleReview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

/** Gathers the readiness facts of an organization from storage. */
@Component
public class JdbcReadinessFacts implements ReadinessFactsSource {
    private final JdbcClient jdbc;
    private final Ports ports;
    private final JdbcReadinessState state;
    private final Clock clock;

    /** The core storage ports the facts come from. */
    record Ports(Organizations organizations, Members members, Policies policies, Licenses licenses) {
    }

    JdbcReadinessFacts(JdbcClient jdbc, Organizations organizations, Members members, Policies policies,
                       Licenses licenses, JdbcReadinessState state, Clock clock) {
        this.jdbc = jdbc;
        this.ports = new Ports(organizations, members, policies, licenses);
        this.state = state;
        this.clock = clock;
    }

    @Override
    public ReadinessFacts gather(OrganizationId id) {
        Organization organization = ports.organizations().find(id)
                .orElseThrow(() -> new NoSuchElementException("organization " + id + " does not exist"));
        JdbcReadinessState.State readiness = state.state(id);
        return new ReadinessFacts(organization, clock.instant(), ports.licenses().find(id).orElse(null),
                ports.members().countOccupyingSeats(id), ports.licenses().syncState(id),
                new ReadinessFacts.TrialData(readiness.upgradedAt() != null, readiness.lastPurgeAt(),
                        state.remainingMarks(id)),
                ports.policies().list(id), roles(id), shared(id), readiness.serverUrl());
    }

    private ReadinessFacts.RoleFacts roles(OrganizationId id) {
        return new ReadinessFacts.RoleFacts(ports.members().countConfirmedOwners(id), activeWithRole(id, "ADMIN"),
                activeWithRole(id, "CUSTOM"), membersWithoutRule(id));
    }

    private long activeWithRole(OrganizationId id, String role) {
        return jdbc.sql("select count(*) from members where organization_id = :org and role = :role "
                        + "and status <> 'REVOKED'").param("org", id.value()).param("role", role)
                .query(Long.class).single();
    }

    private long membersWithoutRule(OrganizationId id) {
        long count = 0;
        long offset = 0;
        while (true) {
            Page<Member> page = ports.members().list(new MemberQuery(id, null, null, null, offset, 1000));
            count += page.items().stream().filter(RoleReview::fromNoRule).count();
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return count;
            }
        }
    }

    private ReadinessFacts.SharedData shared(OrganizationId id) {
        int collections = jdbc.sql("select count(*) from collections where organization_id = :org")
                .param("org", id.value()).query(Integer.class).single();
        int groups = jdbc.sql("select count(*) from groups where organization_id = :org")
                .param("org", id.value()).query(Integer.class).single();
        List<String> unreachable = jdbc.sql("select name from collections c where c.organization_id = :org and not "
                        + "exists (select 1 from collection_grants g where g.collection_id = c.id) order by name_key")
                .param("org", id.value()).query(String.class).list();
        List<String> unassigned = jdbc.sql("select name from groups g where g.organization_id = :org and not "
                        + "exists (select 1 from collection_grants cg where cg.group_id = g.id) order by name_key")
                .param("org", id.value()).query(String.class).list();
        return new ReadinessFacts.SharedData(collections, unreachable, groups, unassigned);
    }
}

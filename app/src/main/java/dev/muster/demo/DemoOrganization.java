package dev.muster.demo;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Plan;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On the first start of an empty installation, creates "Demo Company": a confirmed owner, collections and
 * groups that the sample CSV, directory and role rules refer to. Off with {@code muster.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "muster.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoOrganization {
    static final String NAME = "Demo Company";
    static final List<String> COLLECTIONS = List.of("Infrastructure", "Finance", "Engineering",
            "Contractor Handbook", "Shared Logins");
    static final List<String> GROUPS = List.of("IT", "Finance", "Engineering", "Contractors");
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final Organizations organizations;
    private final Members members;
    private final Groups groups;
    private final Collections collections;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DemoRoleRules roleRules;

    DemoOrganization(Organizations organizations, Members members, Groups groups, Collections collections,
                     AuditLog audit, TransactionTemplate transactions, Clock clock, DemoRoleRules roleRules) {
        this.organizations = organizations;
        this.members = members;
        this.groups = groups;
        this.collections = collections;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.roleRules = roleRules;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void createOnFirstStart() {
        if (!organizations.list().isEmpty()) {
            return;
        }
        Organization org = transactions.execute(s -> create());
        roleRules.load(org.id());
        log.info("created the demo organization \"{}\": id {}", NAME, org.id());
    }

    private Organization create() {
        var now = clock.instant();
        Organization org = organizations.insert(new Organization(OrganizationId.random(), NAME, Plan.TRIAL, 50, 200,
                new OrganizationSettings(true, Duration.ofDays(7), false), now, 0));
        audit.record(new AuditEvent(org.id(), now, Actor.system(Actor.Kind.SYSTEM, "demo"),
                AuditEventType.ORGANIZATION_CREATED, org.id().toString(), NAME, "demo data on first start"));
        members.insert(Member.newMember(org.id(), "owner@demo.example", "Demo Owner", Map.of(),
                        new ExternalIdentity(Source.MANUAL, "owner@demo.example"), now)
                .invite().accept().confirm().withRole(Role.OWNER, Set.of(), true));
        COLLECTIONS.forEach(name -> collections.insert(new Collection(CollectionId.random(), org.id(), name, null,
                now)));
        GROUPS.forEach(name -> groups.insert(Group.newGroup(org.id(), name, null, null, now)));
        return org;
    }
}

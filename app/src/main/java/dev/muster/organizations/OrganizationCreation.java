package dev.muster.organizations;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Emails;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Creates an organization and, when one is named, its first owner (confirmed at once, role pinned), with the audit
 * events of both, in one transaction. The JSON API and the admin pages both create organizations through here.
 *
 * <pre>{@code
 * Organization acme = creation.create(new OrganizationCreation.Request("Acme", Plan.TRIAL, 10, null,
 *         UnaryOperator.identity(), new OrganizationCreation.Owner("olive@acme.test", "Olive")),
 *         Actor.admin(), "created through the API");
 * }</pre>
 */
@Component
public class OrganizationCreation {
    private final Organizations organizations;
    private final Members members;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrganizationCreation(Organizations organizations, Members members, AuditLog audit,
                         TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.members = members;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The first owner; its e-mail must be valid (callers check it to name the field). */
    public record Owner(String email, String name) {
        public Owner {
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * @param plan {@code null} for a trial
     * @param seats {@code null} for 10
     * @param settings changes to the plan's default settings ({@code UnaryOperator.identity()} for none); a
     *                 production organization starts with the readiness gate on
     * @param owner {@code null} for an organization without a member yet
     */
    public record Request(String name, Plan plan, Integer seats, Integer seatLimit,
                          UnaryOperator<OrganizationSettings> settings, Owner owner) {
        public Request {
            Objects.requireNonNull(name, "name");
            plan = plan == null ? Plan.TRIAL : plan;
            seats = seats == null ? 10 : seats;
            settings = settings == null ? UnaryOperator.identity() : settings;
        }
    }

    /** A production organization starts with the readiness gate on (docs/readiness.md). */
    static OrganizationSettings defaults(Plan plan) {
        OrganizationSettings defaults = OrganizationSettings.defaults();
        return plan == Plan.PRODUCTION ? new OrganizationSettings(defaults.sendInvitationsOnProvisioning(),
                defaults.removalGracePeriod(), true) : defaults;
    }

    /**
     * @param why the audit trail's reason, e.g. "created through the API"
     */
    public Organization create(Request request, Actor actor, String why) {
        return transactions.execute(status -> {
            var now = clock.instant();
            Organization created = organizations.insert(new Organization(OrganizationId.random(),
                    request.name().strip(), request.plan(), request.seats(), request.seatLimit(),
                    request.settings().apply(defaults(request.plan())), now, 0));
            audit.record(new AuditEvent(created.id(), now, actor, AuditEventType.ORGANIZATION_CREATED,
                    created.id().toString(), created.name(), why));
            if (request.owner() != null) {
                String email = request.owner().email().strip();
                Member owner = Member.newMember(created.id(), email, request.owner().name(), Map.of(),
                                new ExternalIdentity(Source.MANUAL, Emails.key(email)), now)
                        .invite().accept().confirm().withRole(Role.OWNER, Set.of(), true);
                members.insert(owner);
                audit.record(new AuditEvent(created.id(), now, actor, AuditEventType.MEMBER_CONFIRMED,
                        owner.id().toString(), owner.email() + " is the first owner", "organization created"));
            }
            return created;
        });
    }
}

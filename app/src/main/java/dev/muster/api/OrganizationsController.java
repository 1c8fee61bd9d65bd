package dev.muster.api;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.organization.ExternalIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Organizations: create (with a first confirmed owner), list, read and change settings. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationsController {
    private final Organizations organizations;
    private final Members members;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrganizationsController(Organizations organizations, Members members, AuditLog audit,
                            TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.members = members;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record SettingsBody(Boolean sendInvitationsOnProvisioning, Duration removalGracePeriod, Boolean readinessGate) {
        OrganizationSettings applyTo(OrganizationSettings current) {
            return new OrganizationSettings(
                    sendInvitationsOnProvisioning == null ? current.sendInvitationsOnProvisioning()
                            : sendInvitationsOnProvisioning,
                    removalGracePeriod == null ? current.removalGracePeriod() : removalGracePeriod,
                    readinessGate == null ? current.readinessGate() : readinessGate);
        }
    }

    record OwnerBody(@NotBlank String email, String name) {
    }

    record CreateBody(@NotBlank String name, Plan plan, @Min(0) Integer seats, Integer seatLimit,
                      SettingsBody settings, @Valid OwnerBody owner) {
    }

    record UpdateBody(String name, Integer seats, Integer seatLimit, SettingsBody settings, Long version) {
    }

    record OrganizationView(String id, String name, Plan plan, int seats, Integer seatLimit,
                            long occupiedSeats, OrganizationSettings settings, String createdAt, long version) {
        static OrganizationView of(Organization o, long occupied) {
            return new OrganizationView(o.id().toString(), o.name(), o.plan(), o.seats(), o.seatLimit(), occupied,
                    o.settings(), o.createdAt().toString(), o.version());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(@Valid @RequestBody CreateBody body) {
        return transactions.execute(status -> {
            var now = clock.instant();
            var defaults = OrganizationSettings.defaults();
            if (body.plan() == Plan.PRODUCTION) {
                // A production organization starts with the readiness gate on (docs/readiness.md).
                defaults = new OrganizationSettings(defaults.sendInvitationsOnProvisioning(),
                        defaults.removalGracePeriod(), true);
            }
            var settings = body.settings() == null ? defaults : body.settings().applyTo(defaults);
            Organization created = organizations.insert(new Organization(OrganizationId.random(), body.name(),
                    body.plan() == null ? Plan.TRIAL : body.plan(), body.seats() == null ? 10 : body.seats(),
                    body.seatLimit(), settings, now, 0));
            audit.record(new AuditEvent(created.id(), now, Actor.admin(), AuditEventType.ORGANIZATION_CREATED,
                    created.id().toString(), created.name(), "created through the API"));
            if (body.owner() != null) {
                Member owner = Member.newMember(created.id(), body.owner().email(), body.owner().name(), Map.of(),
                                new ExternalIdentity(Source.MANUAL, body.owner().email().toLowerCase()), now)
                        .invite().accept().confirm().withRole(Role.OWNER, java.util.Set.of(), true);
                members.insert(owner);
                audit.record(new AuditEvent(created.id(), now, Actor.admin(), AuditEventType.MEMBER_CONFIRMED,
                        owner.id().toString(), owner.email() + " is the first owner", "organization created"));
            }
            return OrganizationView.of(created, members.countOccupyingSeats(created.id()));
        });
    }

    @GetMapping
    List<OrganizationView> list() {
        return organizations.list().stream()
                .map(o -> OrganizationView.of(o, members.countOccupyingSeats(o.id()))).toList();
    }

    @GetMapping("/{org}")
    OrganizationView get(@PathVariable String org) {
        Organization o = find(org);
        return OrganizationView.of(o, members.countOccupyingSeats(o.id()));
    }

    @PatchMapping("/{org}")
    OrganizationView update(@PathVariable String org, @RequestBody UpdateBody body) {
        return transactions.execute(status -> {
            Organization current = find(org);
            if (body.version() != null && body.version() != current.version()) {
                throw new ApiProblems.Refused(HttpStatus.CONFLICT, "stale-version", "organization version is "
                        + current.version() + ", not " + body.version());
            }
            Organization next = new Organization(current.id(), body.name() == null ? current.name() : body.name(),
                    current.plan(), body.seats() == null ? current.seats() : body.seats(),
                    body.seatLimit() == null ? current.seatLimit() : body.seatLimit(),
                    body.settings() == null ? current.settings() : body.settings().applyTo(current.settings()),
                    current.createdAt(), current.version());
            Organization saved = organizations.update(next);
            audit.record(new AuditEvent(saved.id(), clock.instant(), Actor.admin(),
                    AuditEventType.ORGANIZATION_UPDATED, saved.id().toString(), "settings " + saved.settings()
                    + ", seats " + saved.seats(), "updated through the API"));
            return OrganizationView.of(saved, members.countOccupyingSeats(saved.id()));
        });
    }

    private Organization find(String org) {
        return organizations.find(OrganizationId.of(org))
                .orElseThrow(() -> ApiProblems.Refused.notFound("organization " + org));
    }
}

package dev.muster.api;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organizations.OrganizationCreation;
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

/** Organizations: create (with a first confirmed owner), list, read and change settings. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationsController {
    private final Organizations organizations;
    private final Members members;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OrganizationCreation creation;

    OrganizationsController(Organizations organizations, Members members, AuditLog audit,
                            TransactionTemplate transactions, Clock clock, OrganizationCreation creation) {
        this.organizations = organizations;
        this.members = members;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.creation = creation;
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
        Organization created = creation.create(new OrganizationCreation.Request(body.name(), body.plan(),
                body.seats(), body.seatLimit(), current -> body.settings() == null ? current
                : body.settings().applyTo(current), body.owner() == null ? null
                : new OrganizationCreation.Owner(body.owner().email(), body.owner().name())),
                Actor.admin(), "created through the API");
        return OrganizationView.of(created, members.countOccupyingSeats(created.id()));
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

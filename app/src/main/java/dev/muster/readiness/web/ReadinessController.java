package dev.muster.readiness.web;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.readiness.ReadinessFactsSource;
import dev.muster.readiness.ReadinessGate;
import dev.muster.readiness.ReadinessItem;
import dev.muster.readiness.ReadinessRules;
import dev.muster.readiness.ReadinessStatus;
import dev.muster.readiness.ServerUrl;
import dev.muster.readiness.storage.JdbcReadinessState;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The readiness report of steps 1 to 5 and the clients' server URL it checks. */
@RestController
@RequestMapping("/api/organizations/{org}")
class ReadinessController {
    private final KnownOrganizations known;
    private final ReadinessFactsSource facts;
    private final ReadinessGate gate;
    private final JdbcReadinessState state;

    ReadinessController(KnownOrganizations known, ReadinessFactsSource facts, ReadinessGate gate,
                        JdbcReadinessState state) {
        this.known = known;
        this.facts = facts;
        this.gate = gate;
        this.state = state;
    }

    /** @param gate whether bulk onboarding over {@code threshold} people is refused while {@code blocking} fail */
    record ReportView(String organizationId, Instant at, boolean ready, Map<ReadinessStatus, Long> counts,
                      GateView gate, List<String> blocking, List<ReadinessItem> items) {
    }

    record GateView(boolean enabled, int threshold) {
    }

    record ServerUrlBody(@NotNull String serverUrl) {
    }

    record ServerUrlView(String serverUrl) {
    }

    @GetMapping("/readiness")
    ReportView readiness(@PathVariable String org) {
        Organization organization = known.find(org);
        var report = ReadinessRules.evaluate(facts.gather(organization.id()));
        return new ReportView(organization.id().toString(), report.at(), report.ready(), report.counts(),
                new GateView(organization.settings().readinessGate(), gate.threshold()),
                report.blocking().stream().map(ReadinessItem::id).toList(), report.items());
    }

    @PutMapping("/clients/server-url")
    ServerUrlView setServerUrl(@PathVariable String org, @Validated @RequestBody ServerUrlBody body) {
        OrganizationId id = known.find(org).id();
        ServerUrl url = ServerUrl.of(body.serverUrl());
        state.serverUrl(id, url.value());
        return new ServerUrlView(url.value());
    }

    @GetMapping("/clients/server-url")
    ServerUrlView serverUrl(@PathVariable String org) {
        OrganizationId id = known.find(org).id();
        return new ServerUrlView(state.serverUrl(id).orElseThrow(() -> new ReadinessRefused(HttpStatus.NOT_FOUND,
                "not-found", "organization " + org + " has no server URL set")));
    }
}

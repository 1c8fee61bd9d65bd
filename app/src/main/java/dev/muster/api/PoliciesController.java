package dev.muster.api;

import dev.muster.onboarding.PolicyEnforcement;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Policies;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Every policy type, enabled or not, with its settings; enabling some revokes non-compliant members. */
@RestController
@RequestMapping("/api/organizations/{org}/policies")
class PoliciesController {
    private final KnownOrganization known;
    private final Policies policies;
    private final PolicyEnforcement enforcement;

    PoliciesController(KnownOrganization known, Policies policies, PolicyEnforcement enforcement) {
        this.known = known;
        this.policies = policies;
        this.enforcement = enforcement;
    }

    record PolicyBody(@NotNull Boolean enabled, Map<String, String> settings) {
    }

    @GetMapping
    List<Policy> list(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        return Arrays.stream(PolicyType.values())
                .map(t -> policies.find(id, t).orElse(new Policy(id, t, false, Map.of()))).toList();
    }

    @PutMapping("/{type}")
    PolicyEnforcement.Saved save(@PathVariable String org, @PathVariable PolicyType type,
                                 @Valid @RequestBody PolicyBody body,
                                 @RequestHeader(value = Actors.HEADER, required = false) String acting) {
        OrganizationId id = known.resolve(org);
        return enforcement.save(id, Actors.of(acting), type, body.enabled(),
                body.settings() == null ? Map.of() : body.settings());
    }
}

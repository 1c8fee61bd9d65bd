package dev.muster.readiness.web;

import dev.muster.organization.PolicyType;
import dev.muster.readiness.PolicySettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /api/policy-settings}: every policy type with the settings it takes and what each accepts. */
@RestController
class PolicySettingsController {

    @GetMapping("/api/policy-settings")
    Map<PolicyType, Map<String, String>> settings() {
        return PolicySettings.describe();
    }
}

package dev.muster.readiness;

import dev.muster.readiness.ReadinessRule.Finding;

/** Step 5: clients configured for the self-hosted server and extensions deployable by policy. */
final class ClientRules {
    private ClientRules() {
    }

    static final ReadinessRule SERVER_URL = new ReadinessRule("client-server-url", 5,
            "Clients configured for the server URL, extensions deployable by policy", true, f -> f.serverUrl() == null
            ? Finding.fail("no server URL is set: clients would connect to the vendor's cloud",
            "PUT " + f.api() + "/clients/server-url {\"serverUrl\":\"https://vault.example.com\"}")
            : Finding.pass("clients use " + f.serverUrl() + "; deployment files at GET " + f.api()
            + "/clients/{chrome.json|edge.json|firefox-policies.json|windows.reg|macos.mobileconfig}"));
}

package dev.muster.demo;

import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.rolerules.RuleSetChanges;
import dev.muster.rolerules.RuleSetFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Saves {@code samples/role-rules.yaml} (a copy on the classpath) as the demo organization's first rule set. */
@Component
class DemoRoleRules {
    static final String RESOURCE = "samples/role-rules.yaml";

    private final RuleSetChanges changes;

    DemoRoleRules(RuleSetChanges changes) {
        this.changes = changes;
    }

    static String sample() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample role rules " + RESOURCE + " are missing", e);
        }
    }

    void load(OrganizationId organization) {
        var result = changes.save(organization, sample(), RuleSetFormat.YAML, 0L, true,
                Actor.system(Actor.Kind.SYSTEM, "demo"));
        if (!(result instanceof RuleSetChanges.SaveResult.Saved)) {
            throw new IllegalStateException("the sample role rules do not fit the demo organization: " + result);
        }
    }
}

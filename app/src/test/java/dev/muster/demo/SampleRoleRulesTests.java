package dev.muster.demo;

import dev.muster.rolerules.RuleSetDocuments;
import dev.muster.rolerules.RuleSetFormat;
import dev.muster.roles.RuleSetValidation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organization loads the very rules of {@code samples/role-rules.yaml}, and they fit it. */
class SampleRoleRulesTests {

    @Test
    void classpathCopyIsIdenticalToTheSampleFile() throws IOException {
        assertThat(DemoRoleRules.sample()).isEqualTo(Files.readString(Path.of("../samples/role-rules.yaml")));
    }

    @Test
    void sampleRulesReadAndValidateAgainstTheDemoOrganization() {
        var parsed = new RuleSetDocuments().parse(DemoRoleRules.sample(), RuleSetFormat.YAML);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.ruleSet().rules()).hasSize(5);

        var validation = new RuleSetValidation(Set.copyOf(DemoOrganization.GROUPS),
                Set.copyOf(DemoOrganization.COLLECTIONS));
        assertThat(validation.validate(parsed.ruleSet())).isEmpty();
    }
}

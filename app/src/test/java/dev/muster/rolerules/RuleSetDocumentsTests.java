package dev.muster.rolerules;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher;
import dev.muster.roles.RuleProblem;
import dev.muster.roles.SafePattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetDocumentsTests {
    private final RuleSetDocuments documents = new RuleSetDocuments();

    private List<String> errors(String yaml) {
        return documents.parse(yaml, RuleSetFormat.YAML).problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void readsEveryKindOfCondition() {
        var parsed = documents.parse("""
                version: 4
                rules:
                  - name: r
                    when:
                      - source: directory
                      - any:
                          - group: IT
                          - groupExternalId: cn=it
                      - not: { attribute: title, exists: true }
                      - attribute: department
                        in: [IT, Ops]
                      - attribute: employeeNumber
                        equals: 42
                      - attribute: email
                        matches: '.*@acme\\.test'
                      - attribute: manager
                        exists: false
                    then:
                      role: custom
                      permissions: [access-reports]
                      groups: IT
                      grants: [ { collection: Infrastructure, access: can-manage } ]
                """, RuleSetFormat.YAML);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.declaredVersion()).isEqualTo(4);
        var rule = parsed.ruleSet().rules().get(0);
        assertThat(rule.when()).isEqualTo(new Matcher.All(List.of(
                new Matcher.SourceIn(Set.of(Source.DIRECTORY)),
                new Matcher.Any(List.of(new Matcher.GroupNamed("IT"), new Matcher.GroupWithExternalId("cn=it"))),
                new Matcher.Not(new Matcher.AttributeExists("title")),
                new Matcher.AttributeIn("department", List.of("IT", "Ops")),
                new Matcher.AttributeEquals("employeeNumber", "42"),
                new Matcher.AttributeMatches("email", SafePattern.of(".*@acme\\.test")),
                new Matcher.Not(new Matcher.AttributeExists("manager")))));
        assertThat(rule.then().role()).isEqualTo(Role.CUSTOM);
        assertThat(rule.then().groups()).containsExactly("IT");
        assertThat(rule.then().grants()).singleElement().satisfies(g ->
                assertThat(g.access()).isEqualTo(AccessLevel.CAN_MANAGE));
    }

    @Test
    void readsJson() {
        var parsed = documents.parse("{\"rules\":[{\"name\":\"a\",\"then\":{\"role\":\"ADMIN\"}}]}",
                RuleSetFormat.JSON);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.ruleSet().rules().get(0).when()).isEqualTo(Matcher.always());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rules: [ { then: { role: USER } } ]"
                    + "| rules[0] name: every rule needs a name (text)",
            "rules: [ { name: a } ]"
                    + "| rules[0] \"a\" then: every rule needs a then (an object with role, permissions, groups or grants)",
            "rules: [ { name: a, when: { group: IT, source: CSV }, then: { role: USER } } ]"
                    + "| rules[0] \"a\" when: a condition has exactly one of [all, any, not, source, group, groupExternalId, attribute], found [group, source]",
            "rules: [ { name: a, when: { attribute: title }, then: { role: USER } } ]"
                    + "| rules[0] \"a\" when: an attribute condition has exactly one of [equals, in, matches, exists]",
            "rules: [ { name: a, when: { any: [ { group: 7 } ] }, then: { role: USER } } ]"
                    + "| rules[0] \"a\" when.any[0].group: must be text",
            "rules: [ { name: a, then: { grants: [ { collection: X, access: WRITE } ] } } ]"
                    + "| rules[0] \"a\" then.grants[0].access: \"WRITE\" is not one of [HIDE_PASSWORDS, READ_ONLY, CAN_EDIT, CAN_MANAGE]",
            "rules: [ { name: a, then: { role: USER, allowOwner: yes please } } ]"
                    + "| rules[0] \"a\" then.allowOwner: must be true or false",
            "rulez: []"
                    + "| rulez: unknown field; expected one of [version, rules]"})
    void namesTheRuleAndFieldOfEveryProblem(String yaml, String expected) {
        assertThat(errors(yaml)).contains(expected);
    }

    @Test
    void refusesANegativeVersion() {
        assertThat(errors("version: -1\nrules: []"))
                .containsExactly("version: must be a whole number, the version this document replaces");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThat(errors("rules:\n  - name: a\n    name: b\n    then: { role: USER }\n"))
                .singleElement().asString().startsWith("document: not valid YAML at line 3")
                .contains("Duplicate field 'name'");
    }

    @Test
    void refusesAnEmptyOrOversizedDocument() {
        assertThat(errors("")).singleElement().asString().contains("the document is empty");
        assertThat(errors("rules: []\n#" + "x".repeat(RuleSetDocuments.MAX_LENGTH)))
                .singleElement().asString().contains("at most");
    }

    @Test
    void readsAnEmptyRuleSet() {
        var parsed = documents.parse("rules: []", RuleSetFormat.YAML);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.ruleSet().rules()).isEmpty();
    }
}

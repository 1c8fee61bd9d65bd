package dev.muster.rolerules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.muster.roles.Rule;
import dev.muster.roles.RuleProblem;
import dev.muster.roles.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule-set document (YAML or JSON) into the core's {@link RuleSet}. Every problem names the rule (index
 * and name) and the field, and reading goes on after a problem so that one answer lists them all.
 *
 * <pre>{@code
 * version: 3          # the version this document replaces (optional; 0 = there is none yet)
 * rules:
 *   - name: IT admins
 *     when: { group: IT }
 *     then: { role: ADMIN, grants: [ { collection: Infrastructure, access: CAN_MANAGE } ] }
 * }</pre>
 */
public final class RuleSetDocuments {
    /** Largest document accepted, in characters. */
    public static final int MAX_LENGTH = 256 * 1024;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * A document as read.
     *
     * @param declaredVersion the {@code version} the document says it replaces, {@code null} if it says none
     * @param tree the document as a tree, {@code null} when it could not be read at all
     */
    public record Parsed(RuleSet ruleSet, Long declaredVersion, List<RuleProblem> problems, JsonNode tree) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(RuleProblem::isError);
        }
    }

    public Parsed parse(String text, RuleSetFormat format) {
        if (text == null || text.isBlank()) {
            return failed("the document is empty; send {\"rules\": []} to assign everyone USER");
        }
        if (text.length() > MAX_LENGTH) {
            return failed("the document has " + text.length() + " characters; at most " + MAX_LENGTH
                    + " are allowed");
        }
        JsonNode root;
        try {
            root = (format == RuleSetFormat.JSON ? json : yaml).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return failed("not valid " + format + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return failed("the document must be an object with a \"rules\" list");
        }
        var problems = new ArrayList<RuleProblem>();
        var doc = new RuleReader.Field(problems, -1, null, "");
        doc.onlyKeys("", root, List.of("version", "rules"));
        Long version = null;
        JsonNode versionNode = root.get("version");
        if (versionNode != null && !versionNode.isNull()) {
            if (versionNode.canConvertToExactIntegral() && versionNode.asLong() >= 0) {
                version = versionNode.asLong();
            } else {
                doc.error("version", "must be a whole number, the version this document replaces");
            }
        }
        JsonNode rules = root.get("rules");
        var read = new ArrayList<Rule>();
        if (rules == null || !rules.isArray()) {
            doc.error("rules", "must be a list of rules");
        } else {
            for (int i = 0; i < rules.size(); i++) {
                new RuleReader(problems, i, rules.get(i)).read().ifPresent(read::add);
            }
        }
        return new Parsed(new RuleSet(read), version, problems, root);
    }

    /** The document's tree as JSON, for answers. */
    public JsonNode tree(String text, RuleSetFormat format) {
        try {
            return (format == RuleSetFormat.JSON ? json : yaml).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule set does not read back: " + e.getOriginalMessage(), e);
        }
    }

    private static Parsed failed(String message) {
        return new Parsed(RuleSet.empty(), null, List.of(RuleProblem.error(-1, null, "document", message)), null);
    }
}

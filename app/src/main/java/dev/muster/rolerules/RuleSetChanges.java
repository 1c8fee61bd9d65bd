package dev.muster.rolerules;

import dev.muster.onboarding.Store;
import dev.muster.organization.Actor;
import dev.muster.organization.Collection;
import dev.muster.organization.Group;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.StaleVersion;
import dev.muster.roles.RuleProblem;
import dev.muster.roles.RuleSet;
import dev.muster.roles.RuleSetValidation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reviews, previews and saves an organization's rule set. Saving validates against the organization's groups
 * and collections, refuses a stale version, refuses without confirmation a change that would demote owners or
 * admins or take their access, stores the new version and re-evaluates every member as a recorded run.
 */
@Service
public class RuleSetChanges {
    private final RuleSetVersions versions;
    private final RuleSetDocuments documents;
    private final RuleSetPreviews previews;
    private final Store store;
    private final Clock clock;

    RuleSetChanges(RuleSetVersions versions, RuleSetDocuments documents, RuleSetPreviews previews, Store store,
                   Clock clock) {
        this.versions = versions;
        this.documents = documents;
        this.previews = previews;
        this.store = store;
        this.clock = clock;
    }

    /** A candidate document, read and validated against the organization. */
    public record Review(RuleSet ruleSet, Long declaredVersion, List<RuleProblem> problems) {
        public boolean valid() {
            return problems.stream().noneMatch(RuleProblem::isError);
        }

        public List<RuleProblem> errors() {
            return problems.stream().filter(RuleProblem::isError).toList();
        }

        public List<RuleProblem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    /** What saving did. */
    public sealed interface SaveResult {
        /** Saved as {@code stored}; {@code applied} is the run that re-evaluated the members. */
        record Saved(StoredRuleSet stored, RuleSetRun applied, List<RuleProblem> warnings) implements SaveResult {
        }

        /** The document has errors; nothing was saved. */
        record Invalid(List<RuleProblem> errors) implements SaveResult {
        }

        /** The document replaces {@code expected}, but the current version is {@code current}. */
        record Stale(long expected, long current) implements SaveResult {
        }

        /** Owners or admins would be demoted or lose access; save again with confirmation. */
        record NeedsConfirmation(RuleSetRun preview) implements SaveResult {
        }
    }

    public Review review(OrganizationId organization, String text, RuleSetFormat format) {
        RuleSetDocuments.Parsed parsed = documents.parse(text, format);
        if (parsed.hasErrors()) {
            return new Review(parsed.ruleSet(), parsed.declaredVersion(), parsed.problems());
        }
        var problems = new ArrayList<>(parsed.problems());
        problems.addAll(validation(organization).validate(parsed.ruleSet()));
        return new Review(parsed.ruleSet(), parsed.declaredVersion(), problems);
    }

    /** What the rule set would change for the existing members, planned in a dry run. */
    public RuleSetRun preview(OrganizationId organization, RuleSet candidate, Actor actor) {
        return previews.run(organization, candidate, actor, true, "role rules preview");
    }

    /**
     * Saves a document as the next version and re-evaluates the members.
     *
     * @param expectedVersion the version the caller replaces (from {@code If-Match}); {@code null} to take the
     *                        document's own {@code version}, and 0 (no rule set yet) when it has none
     */
    public SaveResult save(OrganizationId organization, String text, RuleSetFormat format, Long expectedVersion,
                           boolean confirm, Actor actor) {
        Review review = review(organization, text, format);
        if (!review.valid()) {
            return new SaveResult.Invalid(review.errors());
        }
        if (expectedVersion != null && review.declaredVersion() != null
                && !expectedVersion.equals(review.declaredVersion())) {
            return new SaveResult.Invalid(List.of(RuleProblem.error(-1, null, "version", "the document says version "
                    + review.declaredVersion() + " but If-Match says " + expectedVersion)));
        }
        long expected = expectedVersion != null ? expectedVersion
                : review.declaredVersion() != null ? review.declaredVersion() : 0;
        long current = versions.currentVersion(organization);
        if (current != expected) {
            return new SaveResult.Stale(expected, current);
        }
        if (!confirm) {
            RuleSetRun preview = preview(organization, review.ruleSet(), actor);
            if (!preview.privilegedLosses().isEmpty()) {
                return new SaveResult.NeedsConfirmation(preview);
            }
        }
        StoredRuleSet stored;
        try {
            stored = versions.save(new StoredRuleSet(organization, expected + 1, format, text,
                    clock.instant(), actor.name(), null), expected);
        } catch (StaleVersion e) {
            return new SaveResult.Stale(expected, versions.currentVersion(organization));
        }
        RuleSetRun applied = previews.run(organization, review.ruleSet(), actor, false,
                "role rules version " + stored.version());
        versions.ranAs(organization, stored.version(), applied.runId());
        return new SaveResult.Saved(versions.find(organization, stored.version()).orElse(stored), applied,
                review.warnings());
    }

    private RuleSetValidation validation(OrganizationId organization) {
        Set<String> groups = store.groups().list(organization).stream().map(Group::name)
                .collect(Collectors.toSet());
        Set<String> collections = store.collections().list(organization).stream().map(Collection::name)
                .collect(Collectors.toSet());
        return new RuleSetValidation(groups, collections);
    }
}

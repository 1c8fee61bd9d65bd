package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.AppliedMark;
import dev.muster.organization.Collection;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import dev.muster.roles.RoleRules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Recognises a person's command that its source already applied, so that a sync which reads the same directory
 * again does not redo every person. A command is repeated when all of these hold:
 * <ul>
 *   <li>its fingerprint (every field that shapes the member, in a canonical order) is the one recorded when the
 *       source's last command for that person was applied;</li>
 *   <li>the context is the same: the organization's rule set and the names of its groups and collections, which
 *       decide what the rules grant;</li>
 *   <li>the member is still at the version recorded with the mark, so no admin, other source or later item has
 *       changed it since.</li>
 * </ul>
 * A repeated command ends as {@link ItemOutcome.Unchanged} without a transaction; applying it would also have
 * changed nothing. Only batches of several commands are recognised (a single SCIM request is applied as it comes).
 * Once a group or other non-person command of the run changes something, the context is read again before the next
 * person. A member whose groups change is re-evaluated, and a changed member has a new version, so its mark no
 * longer holds. A person whose invitation or restore is held (seats, policies) gets no mark, so the next run tries
 * again.
 */
final class RepeatedCommands {
    private final Store store;
    private final Function<OrganizationId, RoleRules> rules;

    RepeatedCommands(Store store, Function<OrganizationId, RoleRules> rules) {
        this.store = store;
        this.rules = rules;
    }

    /** The recognition for one batch, or {@code null} when the batch has a single command. */
    InBatch forBatch(Batch batch) {
        return batch.commands().size() < 2 ? null : new InBatch(batch);
    }

    /** Recognition within one batch: marks are read a group of commands at a time. */
    final class InBatch {
        private final Batch batch;
        private String context;
        private Map<String, AppliedMark> marks = Map.of();

        private InBatch(Batch batch) {
            this.batch = batch;
        }

        /** Reads the marks of the people among the next commands (one query). */
        void prepare(List<OnboardingCommand> next) {
            List<String> people = next.stream().filter(UpsertPerson.class::isInstance)
                    .map(c -> ((UpsertPerson) c).sourceId()).toList();
            marks = people.isEmpty() ? Map.of()
                    : store.members().appliedMarks(batch.organizationId(), batch.source(), people);
        }

        /** The command's fingerprint, or {@code null} when it is not a person's. */
        String fingerprint(OnboardingCommand command) {
            if (!(command instanceof UpsertPerson person)) {
                return null;
            }
            if (context == null) {
                context = context(batch.organizationId());
            }
            return digest(context + "\n" + canonical(person));
        }

        /** The outcome of a repeated command, or empty when it has to be applied. */
        Optional<ItemOutcome> repeated(OnboardingCommand command, String fingerprint) {
            if (fingerprint == null || !(command instanceof UpsertPerson person)) {
                return Optional.empty();
            }
            AppliedMark mark = marks.get(person.sourceId());
            return mark != null && mark.fingerprint().equals(fingerprint)
                    ? Optional.of(new ItemOutcome.Unchanged(mark.memberId().toString()))
                    : Optional.empty();
        }

        /**
         * Records, in the item's transaction, that the person's command was applied, unless something was held.
         */
        void record(Item item, OnboardingCommand command, String fingerprint, ItemOutcome outcome) {
            if (fingerprint == null || batch.dryRun() || item.upserted == null
                    || !(outcome instanceof ItemOutcome.Applied || outcome instanceof ItemOutcome.Unchanged)
                    || item.changes.stream().anyMatch(c -> c.kind() == Change.Kind.INVITATION_HELD
                    || c.kind() == Change.Kind.RESTORE_HELD)) {
                return;
            }
            Member member = item.upserted;
            store.members().markApplied(batch.organizationId(),
                    new ExternalIdentity(batch.source(), ((UpsertPerson) command).sourceId()), fingerprint,
                    member.version());
        }

        /**
         * After each item: once a group (or other non-person) command changed something, the context is read again
         * before the next person, so that a person is only recognised under the groups as they are now.
         */
        void after(OnboardingCommand command, ItemOutcome outcome) {
            if (!(command instanceof UpsertPerson) && outcome instanceof ItemOutcome.Applied) {
                context = null;
            }
        }
    }

    private String context(OrganizationId organization) {
        var text = new StringBuilder("rules ").append(rules.apply(organization).identity()).append('\n');
        store.groups().list(organization).stream().sorted(Comparator.comparing(g -> g.id().toString()))
                .forEach((Group g) -> text.append("group ").append(g.id()).append(' ').append(g.name()).append(' ')
                        .append(g.externalId()).append('\n'));
        store.collections().list(organization).stream().sorted(Comparator.comparing(c -> c.id().toString()))
                .forEach((Collection c) -> text.append("collection ").append(c.id()).append(' ').append(c.name())
                        .append('\n'));
        return digest(text.toString());
    }

    /** Every field that shapes the member, sets and maps sorted; the command's key (a line, a DN) is left out. */
    static String canonical(UpsertPerson p) {
        return String.join("\u0000", p.sourceId(), String.valueOf(p.email()), String.valueOf(p.name()),
                new TreeMap<>(p.attributes()).toString(),
                p.groups() == null ? "-" : new TreeSet<>(p.groups()).toString(),
                new TreeSet<>(p.groupNames()).toString(),
                p.grants().stream().map(g -> g.collection() + "=" + g.level()).sorted().toList().toString(),
                String.valueOf(p.requestedRole()),
                p.requestedPermissions().stream().map(Enum::name).sorted().toList().toString(),
                String.valueOf(p.active()));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.muster.ldap;

import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Emails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a directory read into onboarding commands for an organization. People are keyed on the directory's
 * immutable id, so renames and e-mail changes update members. A full read also reconciles: people it no longer
 * holds are deleted (revoked, removed after the grace period) and groups it no longer holds lose the memberships
 * the directory gave. Nothing is ever deleted on an empty read, and entries sharing an e-mail are all held back.
 */
public final class DirectoryPlanner {

    /**
     * @param knownPeople source ids of the organization's members linked to the directory
     * @param knownGroups source ids of the organization's groups managed by the directory
     */
    public DirectoryPlan plan(DirectorySnapshot read, Set<String> knownPeople, Set<String> knownGroups) {
        var notes = new ArrayList<DirectoryPlan.Note>();
        var seen = new HashSet<String>();
        var applied = new LinkedHashMap<String, DirectoryPerson>();
        for (DirectoryPerson person : applicable(read.people(), notes)) {
            if (!person.enabled() && !knownPeople.contains(person.sourceId())) {
                notes.add(new DirectoryPlan.Note(person.dn(), "disabled-not-member",
                        "disabled in the directory and not a member: not provisioned"));
            } else {
                applied.put(person.sourceId(), person);
            }
        }
        read.people().forEach(p -> seen.add(p.sourceId()));
        var commands = new ArrayList<OnboardingCommand>();
        var revocations = new TreeSet<String>();
        read.groups().forEach(g -> commands.add(new OnboardingCommand.UpsertGroup(g.sourceId(), g.name(), g.sourceId())));
        for (DirectoryPerson person : applied.values()) {
            commands.add(new OnboardingCommand.UpsertPerson(person.sourceId(), person.email(), person.name(),
                    person.attributes(), null, Set.of(), List.of(), null, Set.of(), person.enabled(), person.dn()));
            if (!person.enabled()) {
                revocations.add(person.sourceId());
            }
        }
        for (DirectoryGroup group : read.groups()) {
            var members = new TreeSet<String>();
            group.memberSourceIds().stream().filter(id -> applied.containsKey(id) || knownPeople.contains(id))
                    .forEach(members::add);
            commands.add(new OnboardingCommand.SetGroupMembers(group.sourceId(), members));
        }
        if (read.full()) {
            reconcile(read, knownPeople, knownGroups, seen, commands, revocations, notes);
        }
        return new DirectoryPlan(commands, notes, revocations, read.full());
    }

    private static void reconcile(DirectorySnapshot read, Set<String> knownPeople, Set<String> knownGroups,
                                  Set<String> seen, List<OnboardingCommand> commands, Set<String> revocations,
                                  List<DirectoryPlan.Note> notes) {
        if (read.people().isEmpty()) {
            if (!knownPeople.isEmpty()) {
                notes.add(new DirectoryPlan.Note("people", "empty-read", "the directory returned no people: "
                        + "nobody is revoked (" + knownPeople.size() + " members stay as they are)"));
            }
        } else {
            new TreeSet<>(knownPeople).stream().filter(id -> !seen.contains(id)).forEach(id -> {
                commands.add(new OnboardingCommand.DeletePerson(id));
                revocations.add(id);
            });
        }
        var readGroups = new HashSet<String>();
        read.groups().forEach(g -> readGroups.add(g.sourceId()));
        var missing = new TreeSet<>(knownGroups);
        missing.removeAll(readGroups);
        if (missing.isEmpty()) {
            return;
        }
        if (read.groups().isEmpty()) {
            notes.add(new DirectoryPlan.Note("groups", "empty-read", "the directory returned no groups: no "
                    + "memberships are retracted (" + missing.size() + " groups stay as they are)"));
            return;
        }
        missing.forEach(id -> commands.add(new OnboardingCommand.SetGroupMembers(id, Set.of())));
    }

    /** People that can be applied: with a valid e-mail that no other entry of the read shares. */
    static List<DirectoryPerson> applicable(List<DirectoryPerson> people, List<DirectoryPlan.Note> notes) {
        Map<String, List<DirectoryPerson>> byEmail = new LinkedHashMap<>();
        var result = new ArrayList<DirectoryPerson>();
        for (DirectoryPerson person : people) {
            if (person.email() == null) {
                notes.add(new DirectoryPlan.Note(person.dn(), "no-email", "has no e-mail: not applied"));
            } else if (!Emails.isValid(person.email())) {
                notes.add(new DirectoryPlan.Note(person.dn(), "invalid-email",
                        "e-mail \"" + person.email() + "\" is not valid: not applied"));
            } else {
                byEmail.computeIfAbsent(Emails.key(person.email()), k -> new ArrayList<>()).add(person);
            }
        }
        byEmail.forEach((email, holders) -> {
            if (holders.size() == 1) {
                result.add(holders.get(0));
                return;
            }
            for (DirectoryPerson person : holders) {
                var others = holders.stream().filter(o -> o != person).map(DirectoryPerson::dn).toList();
                notes.add(new DirectoryPlan.Note(person.dn(), "duplicate-email", "e-mail " + person.email()
                        + " is also held by " + String.join(", ", others) + ": neither is applied until resolved"));
            }
        });
        return result;
    }
}

package dev.muster.csv;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RowCommandsTests {
    private static InvitationRow row(String externalId, Set<String> groups) {
        return new InvitationRow(0, 2, "Ada@Acme.test", "Ada", Role.CUSTOM, Set.of(Permission.MANAGE_USERS), groups,
                Map.of("Source code", AccessLevel.CAN_EDIT), externalId, Map.of("department", "Engineering"));
    }

    @Test
    void keysThePersonOnItsExternalIdOrElseOnItsLowerCasedEmail() {
        assertThat(RowCommands.command(row("HR-1", Set.of())).sourceId()).isEqualTo("HR-1");
        assertThat(RowCommands.command(row(null, Set.of())).sourceId()).isEqualTo("ada@acme.test");
    }

    @Test
    void mapsEveryColumnIntoTheUpsert() {
        OnboardingCommand.UpsertPerson command = RowCommands.command(row("HR-1", Set.of("Engineering")));

        assertThat(command.email()).isEqualTo("Ada@Acme.test");
        assertThat(command.groups()).as("CSV memberships are managed").isEmpty();
        assertThat(command.groupNames()).containsExactly("Engineering");
        assertThat(command.grants()).containsExactly(new OnboardingCommand.RequestedGrant("Source code",
                AccessLevel.CAN_EDIT));
        assertThat(command.requestedRole()).isEqualTo(Role.CUSTOM);
        assertThat(command.requestedPermissions()).containsExactly(Permission.MANAGE_USERS);
        assertThat(command.attributes()).containsEntry("department", "Engineering");
        assertThat(command.active()).isTrue();
        assertThat(command.key()).isEqualTo("line 2: Ada@Acme.test");
    }

    @Test
    void leavesMembershipsAloneWhenTheFileHasNoGroupsColumn() {
        OnboardingCommand.UpsertPerson command = RowCommands.command(row("HR-1", null));

        assertThat(command.groups()).isNull();
        assertThat(command.groupNames()).isEmpty();
    }

    @Test
    void plansACreatedMemberAsAnInviteAndARefusedOneAsRejectedNamingItsColumn() {
        InvitationRow ada = row("HR-1", Set.of("Engineering"));

        PlanRow invite = Plans.of(ada, new ItemOutcome.Applied("m1", List.of(
                Change.of(Change.Kind.CREATED, null, "ada@acme.test"), Change.of(Change.Kind.INVITED, null, "INVITED"))));
        PlanRow rejected = Plans.of(ada, new ItemOutcome.Rejected("unknown-group", "group \"Engineering\" does not "
                + "exist in the organization"));

        assertThat(invite.action()).isEqualTo(PlanRow.Action.INVITE);
        assertThat(invite.role()).isEqualTo("custom:MANAGE_USERS");
        assertThat(invite.collections()).containsExactly("Source code:edit");
        assertThat(invite.why()).contains("invited: an invitation e-mail is sent");
        assertThat(rejected.action()).isEqualTo(PlanRow.Action.REJECTED);
        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("groups");
        });
        assertThat(Plans.of(ada, new ItemOutcome.Unchanged("m1")).action()).isEqualTo(PlanRow.Action.UNCHANGED);
    }
}

package dev.muster.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserResourcesTests {
    private static UserResources.Person person(String json) {
        return UserResources.person(ScimJson.object(json));
    }

    @Test
    void takesThePrimaryEmailFirstThenTheWorkEmailThenTheUserName() {
        assertThat(person("""
                {"userName":"u","emails":[{"value":"home@x.test","type":"home"},
                 {"value":"main@x.test","primary":true},{"value":"work@x.test","type":"work"}]}""").email())
                .isEqualTo("main@x.test");
        assertThat(person("""
                {"userName":"u","emails":[{"value":"home@x.test","type":"home"},{"value":"work@x.test","type":"work"}]}""")
                .email()).isEqualTo("work@x.test");
        assertThat(person("{\"userName\":\"upn@contoso.test\"}").email()).isEqualTo("upn@contoso.test");
    }

    @Test
    void refusesAUserWithoutAnyEmailNamingTheWaysToSendOne() {
        assertThatThrownBy(() -> person("{\"userName\":\"jdoe\"}"))
                .isInstanceOfSatisfying(ScimFault.class, f -> {
                    assertThat(f.scimType).isEqualTo("invalidValue");
                    assertThat(f.getMessage()).contains("emails");
                });
    }

    @Test
    void readsActiveFromBooleansAndFromEntrasStrings() {
        assertThat(person("{\"userName\":\"a@x.test\",\"active\":\"False\"}").active()).isFalse();
        assertThat(person("{\"userName\":\"a@x.test\",\"active\":\"TRUE\"}").active()).isTrue();
        assertThat(person("{\"userName\":\"a@x.test\",\"active\":false}").active()).isFalse();
        assertThat(person("{\"userName\":\"a@x.test\"}").active()).isTrue();
    }

    @Test
    void mapsTheEnterpriseExtensionAndClearsAttributesNoLongerSent() {
        var person = person("""
                {"userName":"a@x.test","title":"CFO",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance",
                  "manager":{"value":"m-1"}}}""");
        assertThat(person.attributes()).containsEntry("department", "Finance").containsEntry("manager", "m-1")
                .containsEntry("title", "CFO").containsEntry("costCenter", "");
    }

    @Test
    void namesThePersonFromDisplayNameElseFormattedElseGivenAndFamilyName() {
        assertThat(person("{\"userName\":\"a@x.test\",\"displayName\":\"Ada\",\"name\":{\"formatted\":\"F\"}}").name())
                .isEqualTo("Ada");
        assertThat(person("{\"userName\":\"a@x.test\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"L\"}}").name())
                .isEqualTo("Ada L");
    }

    @Test
    void neverKeepsAPassword() {
        var stored = UserResources.stored(ScimJson.object("{\"userName\":\"a@x.test\",\"password\":\"s3cret\"}"));
        assertThat(stored.toString()).doesNotContain("s3cret");
    }
}

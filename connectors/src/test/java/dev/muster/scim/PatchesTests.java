package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchesTests {
    private static ObjectNode group() {
        return ScimJson.object("""
                {"id":"g1","displayName":"Ops","members":[{"value":"a","display":"Ada"},{"value":"b","display":"Bob"}],
                 "meta":{"version":"W/\\"1\\""}}""");
    }

    private static ObjectNode apply(ObjectNode resource, String body) {
        return Patches.apply(resource, Patches.operations(ScimJson.object(body)));
    }

    @Test
    void removesOneMemberByAValueFilterPath() {
        ObjectNode patched = apply(group(), """
                {"Operations":[{"op":"remove","path":"members[value eq \\"a\\"]"}]}""");
        assertThat(patched.get("members").size()).isEqualTo(1);
        assertThat(patched.get("members").get(0).get("value").asText()).isEqualTo("b");
    }

    @Test
    void removesMembersGivenAsAValueArrayTheWayEntraSendsThem() {
        ObjectNode patched = apply(group(), """
                {"Operations":[{"op":"Remove","path":"members","value":[{"value":"b"}]}]}""");
        assertThat(patched.get("members").size()).isEqualTo(1);
        assertThat(patched.get("members").get(0).get("value").asText()).isEqualTo("a");
    }

    @Test
    void acceptsCapitalisedOperationsAndSplitsPathKeysOfAPathlessReplace() {
        ObjectNode user = ScimJson.object("{\"id\":\"u1\",\"userName\":\"x@y.test\",\"name\":{\"givenName\":\"X\"}}");
        ObjectNode patched = apply(user, """
                {"Operations":[{"op":"Replace","value":{"name.familyName":"Y","title":"Boss"}}]}""");
        assertThat(patched.at("/name/familyName").asText()).isEqualTo("Y");
        assertThat(patched.at("/name/givenName").asText()).isEqualTo("X");
        assertThat(patched.get("title").asText()).isEqualTo("Boss");
    }

    @Test
    void refusesToChangeTheIdButAcceptsItRepeated() {
        assertThat(apply(group(), "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\"g1\",\"displayName\":\"X\"}}]}")
                .get("displayName").asText()).isEqualTo("X");
        assertThatThrownBy(() -> apply(group(), "{\"Operations\":[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"g2\"}]}"))
                .isInstanceOfSatisfying(ScimFault.class, f -> assertThat(f.scimType).isEqualTo("mutability"));
    }

    @Test
    void refusesARemoveWithoutPath() {
        assertThatThrownBy(() -> apply(group(), "{\"Operations\":[{\"op\":\"remove\"}]}"))
                .isInstanceOfSatisfying(ScimFault.class, f -> assertThat(f.scimType).isEqualTo("noTarget"));
    }
}

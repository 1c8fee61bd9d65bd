package dev.muster.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTests {
    private static final String USER = """
            {"schemas":["s"],"id":"1","userName":"a","name":{"givenName":"A","familyName":"B"},
             "emails":[{"value":"a@x.test","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D","costCenter":"C"}}""";

    @Test
    void keepsOnlyTheNamedAttributesAndAlwaysTheIdAndSchemas() {
        var projected = Projection.of("name.familyName,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department,"
                + "urn:ietf:params:scim:schemas:core:2.0:User:emails.value", null).apply(ScimJson.object(USER));
        assertThat(projected.toString()).isEqualTo("{\"schemas\":[\"s\"],\"id\":\"1\",\"name\":{\"familyName\":\"B\"},"
                + "\"emails\":[{\"value\":\"a@x.test\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}");
    }

    @Test
    void dropsExcludedAttributesButNeverTheId() {
        var projected = Projection.of(null, "emails,name.givenName,id").apply(ScimJson.object(USER));
        assertThat(projected.has("emails")).isFalse();
        assertThat(projected.has("id")).isTrue();
        assertThat(projected.get("name").toString()).isEqualTo("{\"familyName\":\"B\"}");
    }
}

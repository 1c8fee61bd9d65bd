package dev.muster.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiltersTests {
    private static final String USER = ScimJson.USER_SCHEMA;

    @Test
    void recognisesTheIndexedLookups() {
        assertThat(Filters.parse("userName eq \"a@x.test\"").lookup(USER))
                .contains(new Filters.Lookup("username", "a@x.test"));
        assertThat(Filters.parse("emails.value eq \"a@x.test\"").lookup(USER))
                .contains(new Filters.Lookup("emails.value", "a@x.test"));
        assertThat(Filters.parse(USER + ":externalId eq \"e1\"").lookup(USER))
                .contains(new Filters.Lookup("externalid", "e1"));
    }

    @Test
    void leavesEveryOtherFilterToTheEvaluator() {
        assertThat(Filters.parse("userName co \"a\"").lookup(USER)).isEmpty();
        assertThat(Filters.parse("userName eq \"a\" and active eq true").lookup(USER)).isEmpty();
        assertThat(Filters.parse("emails[value eq \"a\"]").lookup(USER)).isEmpty();
    }

    @Test
    void evaluatesTheFullGrammarIgnoringCaseOfUserNames() {
        var user = ScimJson.object("""
                {"userName":"Ada@X.test","active":true,"title":"Eng",
                 "emails":[{"type":"work","value":"ada@x.test"}],"meta":{"created":"2026-01-02T00:00:00Z"}}""");
        assertThat(Filters.parse("userName eq \"ada@x.test\"").matches(user)).isTrue();
        assertThat(Filters.parse("emails[type eq \"work\" and value ew \"x.test\"]").matches(user)).isTrue();
        assertThat(Filters.parse("not (title pr) or active eq false").matches(user)).isFalse();
        assertThat(Filters.parse("meta.created gt \"2026-01-01T00:00:00Z\"").matches(user)).isTrue();
    }

    @Test
    void refusesAMalformedFilterAsInvalidFilter() {
        assertThatThrownBy(() -> Filters.parse("userName eq"))
                .isInstanceOfSatisfying(ScimFault.class, f -> assertThat(f.scimType).isEqualTo("invalidFilter"));
    }
}

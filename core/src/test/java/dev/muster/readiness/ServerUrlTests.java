package dev.muster.readiness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerUrlTests {

    @ParameterizedTest
    @CsvSource({"https://vault.acme.com,https://vault.acme.com", "https://Vault.Acme.com/,https://vault.acme.com",
            "https://vault.acme.com:8443/bitwarden,https://vault.acme.com:8443/bitwarden"})
    void acceptsHttpsHostWithOptionalPortAndPlainPath(String given, String normalized) {
        assertThat(ServerUrl.of(given).value()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://vault.acme.com", "https://good.com@evil.com", "https://vault.acme.com/../admin",
            "https://vault.acme.com/a/./b", "https://vault.acme.com/%2e%2e/x", "https://vault.acme.com/a%2fb",
            "https://vault.acme.com//evil.com", "https://vault.acme.com?next=evil", "https://vault.acme.com#x",
            "https://vault.acme.com\\@evil.com", " https://vault.acme.com", "https://", "javascript:alert(1)",
            "https://vault acme.com", "https://-bad-.com", "https:///path"})
    void refusesEverythingElseNamingTheUrl(String given) {
        assertThatThrownBy(() -> ServerUrl.of(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serverUrl");
    }
}

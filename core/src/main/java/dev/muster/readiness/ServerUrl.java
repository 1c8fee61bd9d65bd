package dev.muster.readiness;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The self-hosted server URL the clients are configured for: {@code https}, a host name, an optional port and an
 * optional plain path. Anything that could send a client elsewhere than it looks is refused: user info
 * ({@code https://good@evil}), queries and fragments, dot segments, encoded slashes or dots, backslashes,
 * whitespace and control characters.
 *
 * <pre>{@code
 * ServerUrl url = ServerUrl.of("https://vault.acme.com/"); // "https://vault.acme.com"
 * }</pre>
 */
public record ServerUrl(String value) {
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$");
    private static final Pattern PATH = Pattern.compile("^(/[A-Za-z0-9._~-]+)*/?$");

    public ServerUrl {
        value = validate(value);
    }

    public static ServerUrl of(String text) {
        return new ServerUrl(text);
    }

    public String host() {
        return URI.create(value).getHost();
    }

    private static String validate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("serverUrl must not be blank");
        }
        if (!text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            throw invalid(text, "contains whitespace, control characters or backslashes");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, "is not a URI: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(text, "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(text, "must not contain user info (user@host)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(text, "must not have a query or fragment");
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !HOST.matcher(host).matches()) {
            throw invalid(text, "must name a host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!PATH.matcher(path).matches() || path.contains("%") || path.matches(".*/\\.{1,2}(/.*)?$")) {
            throw invalid(text, "has a path with dot segments, encoded characters or empty segments");
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return "https://" + host + port + path.replaceAll("/+$", "");
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("serverUrl " + text + " " + why);
    }
}

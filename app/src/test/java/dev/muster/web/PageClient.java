package dev.muster.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A browser without a browser: keeps the session cookie, does not follow redirects, reads the CSRF field. */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    final CookieManager cookies = new CookieManager();

    PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Bearer " + bearer));
    }

    /** Posts a form; pairs are name, value, name, value... */
    HttpResponse<String> post(String path, String... pairs) {
        // A name may repeat (checkboxes), as in a browser's form submission.
        String body = IntStream.range(0, pairs.length / 2).mapToObj(i -> URLEncoder.encode(pairs[2 * i],
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[2 * i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form as a browser's file upload does: the fields (name, value pairs) and one file part
     * named {@code file}.
     */
    HttpResponse<String> upload(String path, String fileName, byte[] content, String... pairs) {
        String boundary = "----muster" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < pairs.length / 2; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pairs[2 * i]
                    + "\"\r\n\r\n" + pairs[2 * i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Follows a redirect answer to the page it names. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        if (redirect.statusCode() / 100 != 3) {
            throw new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.body());
        }
        return get(URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath());
    }

    /** The CSRF token that the page's forms carry. */
    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page: " + page.body());
        }
        return m.group(1);
    }

    /** Signs in with the token, returning the page the sign-in redirected to. */
    HttpResponse<String> signIn(String token) {
        String csrf = csrf(get("/admin/sign-in"));
        return post("/admin/sign-in", "_csrf", csrf, "token", token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

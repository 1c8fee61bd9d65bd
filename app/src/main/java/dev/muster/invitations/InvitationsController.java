package dev.muster.invitations;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.util.Map;

/**
 * The invited person's side: {@code POST /api/invitations/accept} for clients, and the page the e-mail links to,
 * whose button posts the token (a GET never accepts, so mail scanners that open links change nothing).
 */
@RestController
class InvitationsController {
    private final InvitationAcceptance acceptance;

    InvitationsController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    record AcceptBody(String token) {
    }

    @PostMapping(value = "/api/invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> accept(@RequestBody AcceptBody body) {
        var result = acceptance.accept(body == null ? null : body.token());
        if (result instanceof InvitationAcceptance.Result.Accepted a) {
            return ResponseEntity.ok(Map.of("organizationId", a.organization().toString(),
                    "memberId", a.member().toString(), "status", "ACCEPTED"));
        }
        var refused = (InvitationAcceptance.Result.Refused) result;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(refused.code()), refused.reason());
        problem.setType(URI.create("https://muster.dev/problems/" + refused.code()));
        problem.setProperty("code", refused.code());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping(value = "/invitations/accept", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String token) {
        return html("Accept your invitation", """
                <form method="post" action="/invitations/accept">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">Accept the invitation</button>
                </form>""".formatted(HtmlUtils.htmlEscape(token == null ? "" : token)));
    }

    @PostMapping(value = "/invitations/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@RequestParam(required = false) String token) {
        var result = acceptance.accept(token);
        if (result instanceof InvitationAcceptance.Result.Refused r) {
            return ResponseEntity.status(status(r.code())).contentType(MediaType.TEXT_HTML)
                    .body(html("Invitation not accepted", "<p>" + HtmlUtils.htmlEscape(r.reason()) + "</p>"));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html("Invitation accepted",
                "<p>Welcome! An administrator of your organization will confirm your membership.</p>"));
    }

    private static HttpStatus status(String code) {
        return switch (code) {
            case "invalid-token" -> HttpStatus.BAD_REQUEST;
            case "used", "voided", "expired" -> HttpStatus.GONE;
            default -> HttpStatus.CONFLICT;
        };
    }

    private static String html(String title, String content) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
                <h1>%s</h1>%s</body></html>""".formatted(title, title, content);
    }
}

package dev.muster.web;

import dev.muster.security.TokenHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What the pages keep in the servlet session: whether the admin signed in, and the synchronizer token that every
 * state-changing form must send back as {@value #CSRF_PARAMETER} (or the {@value #CSRF_HEADER} header).
 */
final class AdminSession {
    static final String CSRF_PARAMETER = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SIGNED_IN = AdminSession.class.getName() + ".signedIn";
    private static final String CSRF = AdminSession.class.getName() + ".csrf";

    private AdminSession() {
    }

    static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(SIGNED_IN));
    }

    /** Marks the session signed in under a new session id (no fixation) and a new CSRF token. */
    static void signIn(HttpServletRequest request, java.time.Duration timeout) {
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(SIGNED_IN, Boolean.TRUE);
        session.setAttribute(CSRF, TokenHash.newToken(""));
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The session's CSRF token, creating the session and the token when there is none yet. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(CSRF);
        if (token == null) {
            token = TokenHash.newToken("");
            session.setAttribute(CSRF, token);
        }
        return (String) token;
    }

    /** Whether the request carries the session's CSRF token, compared in constant time. */
    static boolean csrfMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF);
        String presented = request.getHeader(CSRF_HEADER);
        if (presented == null) {
            presented = request.getParameter(CSRF_PARAMETER);
        }
        return expected != null && presented != null && MessageDigest.isEqual(
                ((String) expected).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}

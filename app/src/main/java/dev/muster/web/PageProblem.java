package dev.muster.web;

import org.springframework.http.HttpStatus;

/**
 * A page that cannot be shown or an action that cannot be taken, said in words for the admin: rendered as the
 * problem page with its status, never as a stack trace.
 *
 * @see PageErrors
 */
public class PageProblem extends RuntimeException {
    private final HttpStatus status;
    private final String advice;

    public PageProblem(HttpStatus status, String message, String advice) {
        super(message);
        this.status = status;
        this.advice = advice;
    }

    /** A 404 naming what was looked for, e.g. {@code notFound("organization", id)}. */
    public static PageProblem notFound(String what, String id) {
        return new PageProblem(HttpStatus.NOT_FOUND, "There is no " + what + " \u201c" + id + "\u201d",
                "It may have been removed, or the link is mistyped.");
    }

    public HttpStatus status() {
        return status;
    }

    public String advice() {
        return advice;
    }
}

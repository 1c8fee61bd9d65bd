package dev.muster.api;

import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.Onboarding;
import dev.muster.organization.StaleVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** Turns faults and refused outcomes into RFC 9457 problem details that name what is wrong. */
@RestControllerAdvice(basePackages = "dev.muster")
class ApiProblems {

    /** A request the API refuses, with the rule or field at fault. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final String code;

        Refused(HttpStatus status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }

        static Refused notFound(String what) {
            return new Refused(HttpStatus.NOT_FOUND, "not-found", what + " does not exist");
        }
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://muster.dev/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** Maps a refused item outcome to its HTTP status. */
    static Refused refusal(ItemOutcome outcome) {
        if (outcome instanceof ItemOutcome.Rejected r) {
            HttpStatus status = r.code().equals("no-target") ? HttpStatus.NOT_FOUND
                    : r.code().equals("invalid-value") || r.code().equals("invalid-email") ? HttpStatus.BAD_REQUEST
                    : HttpStatus.CONFLICT;
            return new Refused(status, r.code(), r.reason());
        }
        if (outcome instanceof ItemOutcome.Skipped s) {
            return new Refused(HttpStatus.CONFLICT, s.code(), s.reason());
        }
        if (outcome instanceof ItemOutcome.Failed f) {
            return new Refused(f.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR,
                    "failed", f.reason());
        }
        throw new IllegalArgumentException("not a refusal: " + outcome);
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return problem(e.status, e.code, e.getMessage());
    }

    @ExceptionHandler(Onboarding.UnknownOrganization.class)
    ProblemDetail unknownOrganization(Onboarding.UnknownOrganization e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage());
    }

    @ExceptionHandler(StaleVersion.class)
    ProblemDetail stale(StaleVersion e) {
        return problem(HttpStatus.CONFLICT, "stale-version", e.getMessage() + "; read it again and retry");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value",
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                : "the request body is not valid JSON of the expected shape: "
                + e.getMostSpecificCause().getMessage().lines().findFirst().orElse("");
        return problem(HttpStatus.BAD_REQUEST, "invalid-body", detail);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e) {
        var field = e.getBindingResult().getFieldErrors().stream().findFirst();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-value", field
                .map(f -> "field '" + f.getField() + "' " + f.getDefaultMessage()).orElse("invalid request"));
        field.ifPresent(f -> problem.setProperty("field", f.getField()));
        return problem;
    }
}

package dev.muster.readiness.web;

import dev.muster.license.LicenseRefused;
import dev.muster.readiness.BulkOnboardingRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * RFC 9457 problem details for license refusals, readiness refusals and the readiness gate. The gate's problem
 * lists the failing items, so every path that runs bulk batches through the API reports them the same way.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "dev.muster")
class ReadinessProblems {

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://muster.dev/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(LicenseRefused.class)
    ProblemDetail license(LicenseRefused e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(ReadinessRefused.class)
    ProblemDetail readiness(ReadinessRefused e) {
        return problem(e.status, e.code, e.getMessage());
    }

    @ExceptionHandler(BulkOnboardingRefused.class)
    ProblemDetail gate(BulkOnboardingRefused e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
        problem.setProperty("failing", e.failing());
        return problem;
    }
}

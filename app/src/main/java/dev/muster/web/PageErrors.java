package dev.muster.web;

import dev.muster.onboarding.Onboarding;
import dev.muster.organization.StaleVersion;
import dev.muster.readiness.BulkOnboardingRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * Turns whatever goes wrong behind a page into the problem page, in words: before the API's problem-JSON advice,
 * and only for the pages' own controllers. Faults are logged with their stack trace; the page never shows one.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(PageProblem.class)
    ModelAndView problem(PageProblem problem,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, problem.status(), problem.getMessage(), problem.advice());
    }

    @ExceptionHandler(Onboarding.UnknownOrganization.class)
    ModelAndView unknownOrganization(Onboarding.UnknownOrganization e,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.NOT_FOUND, e.getMessage(), "It may have been removed.");
    }

    @ExceptionHandler(BulkOnboardingRefused.class)
    ModelAndView readinessGate(BulkOnboardingRefused e,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.CONFLICT, "The readiness gate refused this: " + e.getMessage(),
                "Nothing was applied. Fix " + e.failing().stream().map(i -> i.title()).collect(
                        java.util.stream.Collectors.joining("; ")) + " (see the readiness checklist), then try again.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.BAD_REQUEST, "\u201c" + e.getValue() + "\u201d is not a valid "
                + e.getName(), "Choose one of the values the page offers.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.BAD_REQUEST, "The form did not send " + e.getParameterName(),
                "Go back and fill in the form again.");
    }

    @ExceptionHandler(StaleVersion.class)
    ModelAndView stale(StaleVersion e,
                              HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.CONFLICT, "Someone else changed this at the same time",
                "Nothing was changed. Reload the page and try again.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView fault(Exception e,
                              HttpServletRequest request, HttpServletResponse response) {
        log.error("admin page failed", e);
        return page(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                "Nothing you did caused this. Try again; if it persists, the server log has the details.");
    }

    private static ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                     String message, String advice) {
        response.setStatus(status.value());
        return new ModelAndView("problem", Map.of("status", status.value(), "reason", status.getReasonPhrase(),
                "message", message, "advice", advice == null ? "" : advice,
                "signedIn", AdminSession.signedIn(request)), status);
    }
}

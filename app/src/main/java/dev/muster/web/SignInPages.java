package dev.muster.web;

import dev.muster.security.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in with the admin token (checked in constant time), and signing out. */
@Controller
class SignInPages {
    private static final Logger log = LoggerFactory.getLogger(SignInPages.class);
    static final String HOME = "/admin/organizations";

    private final AdminToken adminToken;
    private final WebProperties properties;

    SignInPages(AdminToken adminToken, WebProperties properties) {
        this.adminToken = adminToken;
        this.properties = properties;
    }

    @GetMapping({"/", "/admin", "/admin/"})
    String home() {
        return "redirect:" + HOME;
    }

    @GetMapping(SessionGuard.SIGN_IN)
    String form(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        if (AdminSession.signedIn(request)) {
            return "redirect:" + safe(next);
        }
        model.addAttribute("next", safe(next));
        return "sign-in";
    }

    @PostMapping(SessionGuard.SIGN_IN)
    String signIn(@RequestParam(defaultValue = "") String token, @RequestParam(required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!adminToken.matches(token.strip())) {
            log.warn("admin sign-in refused from {}", request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("next", safe(next));
            model.addAttribute("error", "That is not the admin token. Paste the token printed at first start "
                    + "or set in MUSTER_ADMIN_TOKEN.");
            return "sign-in";
        }
        AdminSession.signIn(request, properties.sessionTimeout());
        return "redirect:" + safe(next);
    }

    @PostMapping("/admin/sign-out")
    String signOut(HttpServletRequest request) {
        AdminSession.signOut(request);
        return "redirect:" + SessionGuard.SIGN_IN + "?signedOut";
    }

    /** Only a path of these pages, so the sign-in form is no open redirect. */
    static String safe(String next) {
        boolean local = next != null && next.startsWith("/admin/") && !next.contains("\\")
                && !next.contains("{") && next.chars().noneMatch(Character::isISOControl);
        return local && !next.startsWith(SessionGuard.SIGN_IN) ? next : HOME;
    }
}

package dev.muster.readiness.web;

import dev.muster.readiness.BulkOnboardingRefused;
import dev.muster.readiness.ReadinessGate;
import dev.muster.readiness.ReadinessItem;
import dev.muster.readiness.ReadinessStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How a path's controller reports a refused bulk batch: 409 problem+json with the failing items. */
class ReadinessProblemsTests {

    /** Stands for a CSV upload endpoint whose batch the gate refuses. */
    @RestController
    static class UploadController {
        @PostMapping("/upload")
        void upload() {
            throw new BulkOnboardingRefused(new ReadinessGate.Decision.Refused("readiness-gate",
                    "bulk onboarding of 40 people (more than 5) is refused while required readiness items fail: "
                            + "production-license (no license is installed)",
                    List.of(new ReadinessItem("production-license", 3, "Production license installed", true,
                            ReadinessStatus.FAIL, "no license is installed", "PUT /api/organizations/x/license"))));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new UploadController())
            .setControllerAdvice(new ReadinessProblems()).build();

    @Test
    void answersConflictWithTheCodeAndEveryFailingItem() throws Exception {
        mvc.perform(post("/upload"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("readiness-gate"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("more than 5")))
                .andExpect(jsonPath("$.failing[0].id").value("production-license"))
                .andExpect(jsonPath("$.failing[0].fix").value("PUT /api/organizations/x/license"));
    }
}

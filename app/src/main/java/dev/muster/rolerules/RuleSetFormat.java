package dev.muster.rolerules;

import org.springframework.http.MediaType;

/** How a rule-set document is written. */
public enum RuleSetFormat {
    YAML, JSON;

    /** JSON for JSON media types ({@code application/json}, {@code +json}); YAML for everything else. */
    static RuleSetFormat of(MediaType contentType) {
        if (contentType != null && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || contentType.getSubtype().endsWith("+json"))) {
            return JSON;
        }
        return YAML;
    }
}

package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Typed values of a rule-set document, each problem reported at its field. */
final class FieldValues {
    private FieldValues() {
    }

    static Optional<String> text(RuleReader.Field at, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            at.error(field, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            at.error(field, "must be text");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** Text, numbers and booleans compare as their text. */
    static Optional<String> scalar(RuleReader.Field at, String field, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            at.error(field, "must be a single value");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A list of values, or a single value standing for a list of one. */
    static List<String> texts(RuleReader.Field at, String field, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            return List.of(value.asText());
        }
        if (value == null || !value.isArray()) {
            at.error(field, "must be a list");
            return List.of();
        }
        var texts = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isValueNode() && !value.get(i).isNull()) {
                texts.add(value.get(i).asText());
            } else {
                at.error(field + "[" + i + "]", "must be a single value");
            }
        }
        return texts;
    }

    static <E extends Enum<E>> Optional<E> enumValue(RuleReader.Field at, String field, Class<E> type, String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return Optional.of(constant);
            }
        }
        at.error(field, "\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }
}

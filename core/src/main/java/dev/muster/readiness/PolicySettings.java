package dev.muster.readiness;

import dev.muster.organization.PolicyType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The settings each policy type takes, as the products we mirror define them, and their validation: an unknown
 * setting or a bad value is refused naming the setting and what it accepts.
 *
 * <pre>{@code
 * PolicySettings.validate(PolicyType.MAXIMUM_VAULT_TIMEOUT, Map.of("minutes", "15", "action", "lock"));
 * }</pre>
 */
public final class PolicySettings {
    /** One setting: its name, what it accepts in words, and the check. */
    public record Setting(String name, String accepts, Predicate<String> valid) {
    }

    private static final Map<PolicyType, List<Setting>> SETTINGS = new EnumMap<>(PolicyType.class);

    static {
        for (PolicyType type : PolicyType.values()) {
            SETTINGS.put(type, List.of());
        }
        SETTINGS.put(PolicyType.MASTER_PASSWORD_REQUIREMENTS, List.of(integer("minLength", 12, 128),
                integer("minComplexity", 0, 4), bool("requireUpper"), bool("requireLower"), bool("requireNumbers"),
                bool("requireSpecial"), bool("enforceOnLogin")));
        SETTINGS.put(PolicyType.PASSWORD_GENERATOR, List.of(oneOf("overridePasswordType", "password", "passphrase"),
                integer("minLength", 5, 128), bool("useUpper"), bool("useLower"), bool("useNumbers"),
                bool("useSpecial"), integer("minNumbers", 0, 9), integer("minSpecial", 0, 9),
                integer("minNumberWords", 3, 20), bool("capitalize"), bool("includeNumber")));
        SETTINGS.put(PolicyType.ACCOUNT_RECOVERY, List.of(bool(PolicyRules.AUTO_ENROLLMENT)));
        SETTINGS.put(PolicyType.MAXIMUM_VAULT_TIMEOUT, List.of(integer("minutes", 1, 525_600),
                oneOf("action", "lock", "logOut")));
        SETTINGS.put(PolicyType.RESTRICTED_ITEM_TYPES, List.of(new Setting("types",
                "a comma-separated list of login, card, identity, secureNote, sshKey", v -> !v.isBlank()
                && Set.of("login", "card", "identity", "securenote", "sshkey").containsAll(List.of(
                v.toLowerCase(Locale.ROOT).replace(" ", "").split(","))))));
        SETTINGS.put(PolicyType.SEND_CONTROLS, List.of(bool("disableSend"), bool("disableHideEmail")));
        SETTINGS.put(PolicyType.REQUIRE_SSO, List.of(bool("requireSsoForAdmins")));
    }

    private PolicySettings() {
    }

    /** The settings a type takes; empty for types that are only on or off. */
    public static List<Setting> of(PolicyType type) {
        return SETTINGS.get(type);
    }

    /** Every type with its settings, in words: for the API's description of policies. */
    public static Map<PolicyType, Map<String, String>> describe() {
        var all = new EnumMap<PolicyType, Map<String, String>>(PolicyType.class);
        SETTINGS.forEach((type, settings) -> {
            var described = new LinkedHashMap<String, String>();
            settings.forEach(s -> described.put(s.name(), s.accepts()));
            all.put(type, described);
        });
        return all;
    }

    /** @throws IllegalArgumentException listing every unknown setting and bad value */
    public static void validate(PolicyType type, Map<String, String> settings) {
        var problems = new ArrayList<String>();
        var known = new LinkedHashMap<String, Setting>();
        of(type).forEach(s -> known.put(s.name(), s));
        settings.forEach((name, value) -> {
            Setting setting = known.get(name);
            if (setting == null) {
                problems.add("unknown setting '" + name + "' (" + type + " takes "
                        + (known.isEmpty() ? "no settings" : String.join(", ", known.keySet())) + ")");
            } else if (value == null || !setting.valid().test(value.strip())) {
                problems.add("setting '" + name + "' is " + value + " but must be " + setting.accepts());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(type + ": " + String.join("; ", problems));
        }
    }

    private static Setting bool(String name) {
        return new Setting(name, "true or false", v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
    }

    private static Setting integer(String name, int min, int max) {
        return new Setting(name, "a whole number from " + min + " to " + max, v -> {
            try {
                int n = Integer.parseInt(v);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }

    private static Setting oneOf(String name, String... values) {
        return new Setting(name, "one of " + String.join(", ", values), v -> List.of(values).contains(v));
    }
}

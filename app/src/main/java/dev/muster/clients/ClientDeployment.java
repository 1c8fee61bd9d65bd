package dev.muster.clients;

import dev.muster.organization.OrganizationId;
import dev.muster.readiness.ServerUrl;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes the deployment files. Every value comes from the validated {@link ServerUrl} and the configured
 * extension ids, and is escaped for the format it lands in (JSON, .reg strings, XML), so nothing from an input
 * can change a file's structure.
 */
public final class ClientDeployment {
    private final ClientsProperties extension;

    public ClientDeployment(ClientsProperties extension) {
        this.extension = extension;
    }

    /** Chrome's managed policy (Linux {@code /etc/opt/chrome/policies/managed/}): force-install, managed storage. */
    public String chromePolicy(ServerUrl url) {
        return chromiumPolicy(extension.chromeExtensionId(), extension.chromeUpdateUrl(), url);
    }

    /** Edge's managed policy JSON (Linux {@code /etc/opt/edge/policies/managed/}). */
    public String edgePolicy(ServerUrl url) {
        return chromiumPolicy(extension.edgeExtensionId(), extension.edgeUpdateUrl(), url);
    }

    private static String chromiumPolicy(String id, String updateUrl, ServerUrl url) {
        return "{\n  \"ExtensionInstallForcelist\": [" + json(id + ";" + updateUrl) + "],\n"
                + "  \"3rdparty\": {\n    \"extensions\": {\n      " + json(id) + ": {\n"
                + "        \"environment\": {\"base\": " + json(url.value()) + "}\n      }\n    }\n  }\n}\n";
    }

    /** Firefox's {@code policies.json} (the {@code distribution} folder of the installation). */
    public String firefoxPolicies(ServerUrl url) {
        String id = json(extension.firefoxExtensionId());
        return "{\n  \"policies\": {\n    \"ExtensionSettings\": {\n      " + id + ": {\n"
                + "        \"installation_mode\": \"force_installed\",\n"
                + "        \"install_url\": " + json(extension.firefoxInstallUrl()) + "\n      }\n    },\n"
                + "    \"3rdparty\": {\n      \"Extensions\": {\n        " + id + ": {\n"
                + "          \"environment\": {\"base\": " + json(url.value()) + "}\n        }\n      }\n    }\n"
                + "  }\n}\n";
    }

    /** A Windows registry file with the Chrome and Edge policies under {@code HKLM\SOFTWARE\Policies}. */
    public String windowsRegistry(ServerUrl url) {
        return "Windows Registry Editor Version 5.00\r\n\r\n"
                + registry("Google\\Chrome", extension.chromeExtensionId(), extension.chromeUpdateUrl(), url)
                + registry("Microsoft\\Edge", extension.edgeExtensionId(), extension.edgeUpdateUrl(), url);
    }

    private static String registry(String browser, String id, String updateUrl, ServerUrl url) {
        String root = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\" + browser;
        return "[" + root + "\\ExtensionInstallForcelist]\r\n\"1\"=" + reg(id + ";" + updateUrl) + "\r\n\r\n"
                + "[" + root + "\\3rdparty\\extensions\\" + id + "\\policy\\environment]\r\n"
                + "\"base\"=" + reg(url.value()) + "\r\n\r\n";
    }

    /** A macOS configuration profile with Chrome and Edge payloads and the extensions' managed storage. */
    public String macosProfile(OrganizationId organization, String organizationName, ServerUrl url) {
        String base = "dev.muster.clients." + organization;
        String chrome = extension.chromeExtensionId();
        String edge = extension.edgeExtensionId();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n  <key>PayloadContent</key>\n  <array>\n"
                + payload(base, "com.google.Chrome", forcelist(chrome + ";" + extension.chromeUpdateUrl()))
                + payload(base, "com.google.Chrome.extensions." + chrome, environment(url))
                + payload(base, "com.microsoft.Edge", forcelist(edge + ";" + extension.edgeUpdateUrl()))
                + payload(base, "com.microsoft.Edge.extensions." + edge, environment(url))
                + "  </array>\n"
                + entry("PayloadDisplayName", "Password manager for " + organizationName)
                + entry("PayloadIdentifier", base) + entry("PayloadType", "Configuration")
                + entry("PayloadUUID", uuid(base)) + "  <key>PayloadVersion</key>\n  <integer>1</integer>\n"
                + "</dict>\n</plist>\n";
    }

    private static String payload(String base, String type, String body) {
        String identifier = base + "." + type;
        return "    <dict>\n" + entry("PayloadType", type) + entry("PayloadIdentifier", identifier)
                + entry("PayloadUUID", uuid(identifier)) + "      <key>PayloadVersion</key>\n"
                + "      <integer>1</integer>\n" + body + "    </dict>\n";
    }

    private static String forcelist(String value) {
        return "      <key>ExtensionInstallForcelist</key>\n      <array>\n        <string>" + xml(value)
                + "</string>\n      </array>\n";
    }

    private static String environment(ServerUrl url) {
        return "      <key>environment</key>\n      <dict>\n        <key>base</key>\n        <string>"
                + xml(url.value()) + "</string>\n      </dict>\n";
    }

    private static String entry(String key, String value) {
        return "  <key>" + key + "</key>\n  <string>" + xml(value) + "</string>\n";
    }

    /** Stable per organization and payload, so that a downloaded profile replaces the previous one. */
    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase();
    }

    static String json(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String reg(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}

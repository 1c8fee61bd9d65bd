package dev.muster.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.OrganizationId;
import dev.muster.readiness.ServerUrl;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each generated file parsed back with a real parser of its format. */
class ClientDeploymentTests {
    private static final String CHROME = "nngceckbapebfimnlniiiahkandclblb";
    private static final String EDGE = "jbkfoedolllekgbhcbcoahefnbanhhlh";
    private static final String FIREFOX = "{446900e4-71c2-419f-a6a7-df9c091e268b}";

    private final ClientDeployment deployment = new ClientDeployment(new ClientsProperties(CHROME,
            "https://clients2.google.com/service/update2/crx", EDGE,
            "https://edge.microsoft.com/extensionwebstorebase/v1/crx", FIREFOX,
            "https://addons.mozilla.org/firefox/downloads/latest/bitwarden-password-manager/latest.xpi"));
    private final ServerUrl url = ServerUrl.of("https://vault.acme.test:8443/pm");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chromePolicyForceInstallsTheExtensionAndHandsItTheServerUrl() throws Exception {
        JsonNode policy = json.readTree(deployment.chromePolicy(url));
        assertThat(policy.at("/ExtensionInstallForcelist/0").asText())
                .isEqualTo(CHROME + ";https://clients2.google.com/service/update2/crx");
        assertThat(policy.at("/3rdparty/extensions/" + CHROME + "/environment/base").asText())
                .isEqualTo("https://vault.acme.test:8443/pm");
    }

    @Test
    void edgePolicyUsesTheEdgeAddOn() throws Exception {
        JsonNode policy = json.readTree(deployment.edgePolicy(url));
        assertThat(policy.at("/ExtensionInstallForcelist/0").asText()).startsWith(EDGE + ";https://edge.microsoft");
        assertThat(policy.at("/3rdparty/extensions/" + EDGE + "/environment/base").asText()).isEqualTo(url.value());
    }

    @Test
    void firefoxPoliciesForceInstallAndConfigureThroughThirdPartyPolicy() throws Exception {
        JsonNode policies = json.readTree(deployment.firefoxPolicies(url)).get("policies");
        JsonNode settings = policies.get("ExtensionSettings").get(FIREFOX);
        assertThat(settings.get("installation_mode").asText()).isEqualTo("force_installed");
        assertThat(settings.get("install_url").asText()).endsWith("latest.xpi");
        assertThat(policies.get("3rdparty").get("Extensions").get(FIREFOX).at("/environment/base").asText())
                .isEqualTo(url.value());
    }

    @Test
    void windowsRegistryFileHasTheHeaderAndTheKeysOfBothBrowsers() {
        Map<String, Map<String, String>> keys = parseReg(deployment.windowsRegistry(url));
        assertThat(keys.get("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist"))
                .containsEntry("1", CHROME + ";https://clients2.google.com/service/update2/crx");
        assertThat(keys.get("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\" + CHROME
                + "\\policy\\environment")).containsEntry("base", url.value());
        assertThat(keys.get("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\" + EDGE
                + "\\policy\\environment")).containsEntry("base", url.value());
    }

    /** A .reg reader: the version header, [key] sections and "name"="string" values with \\ and \" escapes. */
    private static Map<String, Map<String, String>> parseReg(String text) {
        List<String> lines = List.of(text.split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo("Windows Registry Editor Version 5.00");
        var keys = new LinkedHashMap<String, Map<String, String>>();
        Map<String, String> current = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                keys.put(line.substring(1, line.length() - 1), current);
            } else {
                assertThat(line).matches("\"([^\"\\\\]|\\\\.)*\"=\"([^\"\\\\]|\\\\.)*\"");
                int eq = line.indexOf("\"=\"");
                assertThat(current).as("value outside a key: " + line).isNotNull();
                current.put(unescape(line.substring(1, eq)), unescape(line.substring(eq + 3, line.length() - 1)));
            }
        }
        return keys;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Test
    void macosProfileIsAPlistWithChromeAndEdgePayloadsAndEscapedValues() throws Exception {
        OrganizationId org = OrganizationId.random();
        String profile = deployment.macosProfile(org, "Acme & <Sons>", url);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                profile.getBytes(StandardCharsets.UTF_8)));
        Element top = child(document.getDocumentElement(), "dict");
        assertThat(value(top, "PayloadType")).isEqualTo("Configuration");
        assertThat(value(top, "PayloadDisplayName")).isEqualTo("Password manager for Acme & <Sons>");
        var payloads = elements(after(top, "PayloadContent"), "dict");
        assertThat(payloads).extracting(p -> value(p, "PayloadType")).containsExactly("com.google.Chrome",
                "com.google.Chrome.extensions." + CHROME, "com.microsoft.Edge", "com.microsoft.Edge.extensions." + EDGE);
        assertThat(elements(after(payloads.get(0), "ExtensionInstallForcelist"), "string").get(0).getTextContent())
                .startsWith(CHROME + ";");
        assertThat(value(after(payloads.get(1), "environment"), "base")).isEqualTo(url.value());
        assertThat(payloads).extracting(p -> value(p, "PayloadUUID")).doesNotHaveDuplicates();
        assertThat(deployment.macosProfile(org, "Acme & <Sons>", url)).isEqualTo(profile);
    }

    private static Element child(Element parent, String name) {
        return elements(parent, name).get(0);
    }

    private static List<Element> elements(Element parent, String name) {
        var found = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element following {@code <key>name</key>} in a plist dict. */
    private static Element after(Element dict, String key) {
        for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("key") && e.getTextContent().equals(key)) {
                Node next = e.getNextSibling();
                while (!(next instanceof Element)) {
                    next = next.getNextSibling();
                }
                return (Element) next;
            }
        }
        throw new AssertionError("no key " + key);
    }

    private static String value(Element dict, String key) {
        return after(dict, key).getTextContent();
    }
}

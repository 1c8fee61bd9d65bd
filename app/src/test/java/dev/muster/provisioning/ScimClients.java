package dev.muster.provisioning;

import com.unboundid.scim2.client.ScimService;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

/** The UnboundID SCIM2 client over Jersey, authenticated with a SCIM token, as a conformant provider would be. */
final class ScimClients {
    private ScimClients() {
    }

    static ScimService service(int port, String organization, String token) {
        Client client = ClientBuilder.newClient();
        // HttpURLConnection knows no PATCH; Jersey's workaround sends it anyway.
        client.property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true);
        client.register((ClientRequestFilter) request -> request.getHeaders().add("Authorization", "Bearer " + token));
        return new ScimService(client.target("http://localhost:" + port + "/scim/v2/" + organization));
    }
}

package dev.muster.routes;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code muster.mail.*}: the SMTP server invitations go through. With no host (the embedded default) e-mails are
 * written to the log instead, so a newcomer can follow an invitation link without a mail server.
 *
 * @param password from the environment ({@code MUSTER_MAIL_PASSWORD}), never committed
 * @param retryDelay the first delay after a failed delivery; each further failure doubles it, up to an hour
 */
@Validated
@ConfigurationProperties("muster.mail")
public record MailProperties(String host, @DefaultValue("25") @Min(1) int port, String username, String password,
                             @DefaultValue("muster@localhost") String from, @DefaultValue("false") boolean startTls,
                             @DefaultValue("2s") Duration pollInterval, @DefaultValue("5s") Duration retryDelay,
                             @DefaultValue("50") @Min(1) int batchSize) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    /** The camel-mail endpoint; credentials are passed raw so that no character needs escaping. */
    String endpointUri() {
        StringBuilder uri = new StringBuilder("smtp://").append(host.strip()).append(':').append(port)
                .append("?connectionTimeout=10000&mail.smtp.timeout=10000&mail.smtp.writetimeout=10000");
        if (username != null && !username.isBlank()) {
            uri.append("&username=RAW(").append(username).append(")&password=RAW(")
                    .append(password == null ? "" : password).append(')');
        }
        if (startTls) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }
}

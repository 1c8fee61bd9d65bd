package dev.muster.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * Delivers the e-mail outbox: polls due e-mails, sends each over SMTP and marks it delivered, or records the
 * failure so the outbox retries it later with backoff. Retries live in the database rather than in Camel's
 * in-memory redelivery so that an outage longer than a process lifetime still loses nothing.
 */
@Component
class MailOutboxRoute extends RouteBuilder {
    static final String DELIVER = "direct:deliver-mail";
    private final MailOutbox outbox;
    private final MailProperties mail;

    MailOutboxRoute(MailOutbox outbox, MailProperties mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @Override
    public void configure() {
        from("timer:mail-outbox?delay=1000&period=" + mail.pollInterval().toMillis()).routeId("mail-outbox")
                .routeConfigurationId("shared-error-handling")
                .bean(outbox, "claimDue(" + mail.batchSize() + ")").id("claim-due-mail")
                .split(body()).to(DELIVER).end();

        RouteDefinition deliver = from(DELIVER).routeId("deliver-mail")
                .setProperty("mailId", simple("${body.id}"))
                .setHeader("To", simple("${body.to}"))
                .setHeader("Subject", simple("${body.subject}"))
                .setHeader("From", constant(mail.from()))
                .setHeader("Content-Type", constant("text/plain; charset=UTF-8"))
                .setBody(simple("${body.body}"));
        deliver.doTry()
                .to(mail.configured() ? mail.endpointUri() : "log:invitations?level=OFF").id("send-mail")
                .process(exchange -> logWhenNoSmtp(exchange)).id("log-without-smtp")
                .bean(outbox, "delivered(${exchangeProperty.mailId})").id("mark-delivered")
                .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "e-mail ${exchangeProperty.mailId} not delivered, will retry: "
                        + "${exception.message}")
                .bean(outbox, "deliveryFailed(${exchangeProperty.mailId}, ${exception.message})")
                .id("mark-failed")
                .end();
    }

    private void logWhenNoSmtp(org.apache.camel.Exchange exchange) {
        if (!mail.configured()) {
            log.warn("No SMTP server configured (muster.mail.host): e-mail to {} \"{}\":\n{}",
                    exchange.getIn().getHeader("To"), exchange.getIn().getHeader("Subject"),
                    exchange.getIn().getBody(String.class));
        }
    }
}

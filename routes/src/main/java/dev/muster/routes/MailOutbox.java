package dev.muster.routes;

import java.util.List;
import java.util.UUID;

/**
 * E-mails waiting to be sent. Rows are written in the same transaction as the change that caused them and stay
 * until delivered, so an SMTP outage delays e-mail but never loses it.
 */
public interface MailOutbox {

    /** One e-mail to deliver. */
    record OutgoingMail(UUID id, String to, String subject, String body) {
    }

    /** Claims up to {@code limit} due e-mails for a while, so that concurrent pollers never send one twice. */
    List<OutgoingMail> claimDue(int limit);

    void delivered(UUID id);

    /** Schedules another attempt with exponential backoff, keeping the reason. */
    void deliveryFailed(UUID id, String reason);
}

package dev.muster.routes;

/** Where exhausted messages go, kept with the failure reason so that nothing is silently lost. */
public interface DeadLetters {
    /**
     * @param routeId the route whose message failed
     * @param body the original message body, as text
     * @param reason why it failed, with the exception type
     */
    void store(String routeId, String body, String reason);
}

package dev.muster.onboarding;

/** Publishes domain events (past-tense records) after the change they describe. */
public interface DomainEvents {
    void publish(Object event);
}

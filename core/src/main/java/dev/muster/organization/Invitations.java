package dev.muster.organization;


/**
 * Sends invitations: issues a signed, expiring, single-use accept link and queues the e-mail in the outbox in
 * the caller's transaction, voiding earlier links of the member.
 */
public interface Invitations {
    void invite(Member member);
}

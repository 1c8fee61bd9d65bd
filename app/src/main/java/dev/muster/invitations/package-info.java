/**
 * Invitations: signed, expiring, single-use accept links, the e-mail outbox they travel through, and the
 * public accept endpoint that moves an invited member to accepted.
 */
package dev.muster.invitations;

package dev.muster.organization;

/**
 * Seat accounting: invitations and restores take a seat; seats grow automatically up to the seat limit.
 */
public final class Seats {
    private Seats() {
    }

    /** The outcome of asking for one more seat. */
    public sealed interface Claim {
        record Available() implements Claim {
        }

        /** Seats grew to {@code newSeats} (still within the seat limit). */
        record Grown(int newSeats) implements Claim {
        }

        record Exhausted(String reason) implements Claim {
        }
    }

    /**
     * @param occupied members that currently occupy a seat
     */
    public static Claim claim(Organization organization, long occupied) {
        if (occupied < organization.seats()) {
            return new Claim.Available();
        }
        Integer limit = organization.seatLimit();
        if (limit != null && occupied < limit) {
            return new Claim.Grown((int) occupied + 1);
        }
        return new Claim.Exhausted("seat limit reached: " + occupied + " of "
                + (limit == null ? organization.seats() : limit) + " seats in use");
    }
}

package dev.muster.organization;

import java.util.List;

/** One page of a listing: the items, the total across all pages, and where the page starts. */
public record Page<T>(List<T> items, long total, long offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}

package io.newsgraph.storage;

import java.util.List;

/**
 * One page of a query.
 *
 * @param items the page's items
 * @param after where the next page starts (an opaque position inside the same query), or null at the end
 */
public record Page<T>(List<T> items, String after) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return after != null;
    }
}

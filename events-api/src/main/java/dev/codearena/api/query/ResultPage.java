package dev.codearena.api.query;

import java.util.List;

/**
 * One page of a longer list: {@code page} is 0-based, {@code total} the number of items in the whole list.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
    public ResultPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}

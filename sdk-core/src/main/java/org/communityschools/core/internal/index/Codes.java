package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary for columns of records: one {@code int} code per distinct value, in order of first occurrence. Used
 * while loading (not thread-safe); the columns keep only {@link #values()}.
 *
 * @param <T> the value type (equal values share a code)
 */
final class Codes<T> {
    private final Map<T, Integer> codes = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    /** The code of {@code value}, given it on first sight. */
    int code(T value) {
        Integer c = codes.get(value);
        if (c == null) {
            c = values.size();
            codes.put(value, c);
            values.add(value);
        }
        return c;
    }

    /** The values by code. */
    List<T> values() {
        return values;
    }
}

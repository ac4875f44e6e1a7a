package org.communityschools.privacy.internal;

import java.util.List;
import java.util.TreeSet;
import org.communityschools.privacy.FieldPath;

/** Lists of field paths as the API's records hold them. Stateless. */
public final class FieldPaths {
    private FieldPaths() {}

    /**
     * An unmodifiable sorted copy of {@code fields} without duplicates; no tree is built when they are already strictly
     * sorted (as the engine and the views produce them).
     */
    public static List<FieldPath> sortedDistinct(List<FieldPath> fields) {
        List<FieldPath> copy = List.copyOf(fields);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i - 1).compareTo(copy.get(i)) >= 0) {
                return List.copyOf(new TreeSet<>(copy));
            }
        }
        return copy;
    }
}

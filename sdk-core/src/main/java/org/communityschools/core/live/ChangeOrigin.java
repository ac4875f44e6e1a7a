package org.communityschools.core.live;

import java.util.Objects;

/**
 * Where a change came from, so that a broken rule is reported where it can be fixed: the source (a delta file such
 * as {@code changes/attendance.csv}, or {@code batch} for a change made in code) and the 1-based position in it (a
 * line of a delta file, the header being line 1; the place of the change in its batch). Immutable and thread-safe.
 *
 * @param source   the source, not blank
 * @param position the 1-based line or position, or 0 when unknown
 */
public record ChangeOrigin(String source, long position) {
    /**
     * Checks that the source is not blank and the position not negative.
     *
     * @param source the source, not blank
     * @param position the 1-based line or position, or 0 when unknown
     */
    public ChangeOrigin {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + position);
        }
    }

    @Override
    public String toString() {
        return source + ":" + position;
    }
}

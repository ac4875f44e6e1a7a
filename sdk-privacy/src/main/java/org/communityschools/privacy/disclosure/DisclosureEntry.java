package org.communityschools.privacy.disclosure;

import java.util.Objects;

/**
 * A disclosure as recorded by a {@link DisclosureSink}: the sink's sequence number (1, 2, 3, ... without gaps in one
 * log) and the {@link Disclosure}. Immutable and thread-safe.
 *
 * @param sequence   the position in the log, 1 or more
 * @param disclosure what was disclosed
 */
public record DisclosureEntry(long sequence, Disclosure disclosure) {
    /**
     * Checks that the sequence number is positive.
     *
     * @param sequence the position in the log, 1 or more
     * @param disclosure what was disclosed
     */
    public DisclosureEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        Objects.requireNonNull(disclosure, "disclosure");
    }
}

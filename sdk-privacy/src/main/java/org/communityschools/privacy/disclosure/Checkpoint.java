package org.communityschools.privacy.disclosure;

import java.util.Objects;

/**
 * The head of a disclosure log at one moment: the sequence number of its last line and that line's chain hash.
 * A hash chain alone cannot show that lines were cut from the end of a log, nor that the whole log was rewritten with
 * fresh hashes; a checkpoint kept <em>outside</em> the log (sent to an auditor, stored in another system) can:
 * {@link DisclosureLogs#verify(java.nio.file.Path, Checkpoint)} checks that the log still reaches the checkpoint and
 * still has the same hash there. The same role as a signed tree head of RFC 6962. Immutable and thread-safe.
 *
 * @param sequence the sequence number of the last line, 1 or more
 * @param hash     that line's chain hash: 64 lower-case hexadecimal digits of a SHA-256
 */
public record Checkpoint(long sequence, String hash) {
    /**
     * Checks the sequence number and the hash's form.
     *
     * @param sequence the sequence number of the last line, 1 or more
     * @param hash that line's chain hash: 64 lower-case hexadecimal digits of a SHA-256
     */
    public Checkpoint {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        Objects.requireNonNull(hash, "hash");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hash must be 64 lower-case hexadecimal digits, was '" + hash + "'");
        }
    }

    /** The checkpoint as text, {@code sequence:hash}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return sequence + ":" + hash;
    }

    /**
     * Reads {@code sequence:hash} as written by {@link #toString()}.
     *
     * @param text the checkpoint as text
     * @return the checkpoint
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a checkpoint is written sequence:hash, was '" + text + "'");
        }
        try {
            return new Checkpoint(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a checkpoint is written sequence:hash, was '" + text + "'", e);
        }
    }
}

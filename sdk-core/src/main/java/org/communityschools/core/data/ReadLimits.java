package org.communityschools.core.data;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The limits every reader of the SDK applies to its input, so that a careless or hostile file is refused with a
 * located error naming the limit, in bounded memory, instead of exhausting the heap (docs/data-directory.md,
 * "Limits"). Used by {@link DistrictDataReader.Builder#limits(ReadLimits)}, the Ed-Fi and OneRoster imports and the
 * command line.
 *
 * <table>
 *   <caption>Limits, their defaults and the rule code of a refusal</caption>
 *   <tr><th>limit</th><th>default</th><th>rule</th><th>applies to</th></tr>
 *   <tr><td>{@link #maxLineChars()}</td><td>1,048,576</td><td>{@code limit.line-length}</td>
 *       <td>the characters of one CSV row (all its lines when a quoted cell spans several)</td></tr>
 *   <tr><td>{@link #maxCellsPerRow()}</td><td>1,024</td><td>{@code limit.cells-per-row}</td><td>the cells of one CSV row</td></tr>
 *   <tr><td>{@link #maxCellChars()}</td><td>65,536</td><td>{@code limit.cell-size}</td>
 *       <td>the characters of one CSV cell, XML text node or attribute, or JSON string</td></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>64</td><td>{@code limit.depth}</td><td>the nesting of XML elements or JSON
 *       arrays and objects</td></tr>
 *   <tr><td>{@link #maxFileBytes()}</td><td>4 GiB</td><td>{@code limit.file-size}</td><td>the bytes of one file read
 *       whole rather than streamed (an Ed-Fi JSON resource file)</td></tr>
 * </table>
 *
 * <p>XML entity expansion has no setting: a DOCTYPE, and with it every entity declaration, is refused
 * ({@code xml.dtd-refused}), so no entity is ever expanded.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadLimits {
    private static final ReadLimits DEFAULTS = new Builder().build();

    private final int maxLineChars;
    private final int maxCellsPerRow;
    private final int maxCellChars;
    private final int maxDepth;
    private final long maxFileBytes;

    private ReadLimits(Builder b) {
        this.maxLineChars = b.maxLineChars == null ? 1 << 20 : b.maxLineChars;
        this.maxCellsPerRow = b.maxCellsPerRow == null ? 1024 : b.maxCellsPerRow;
        this.maxCellChars = b.maxCellChars == null ? 1 << 16 : b.maxCellChars;
        this.maxDepth = b.maxDepth == null ? 64 : b.maxDepth;
        this.maxFileBytes = b.maxFileBytes == null ? 4L << 30 : b.maxFileBytes;
    }

    /** {@return the default limits (see the table above)} */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the most characters of one CSV row, line breaks included} */
    public int maxLineChars() {
        return maxLineChars;
    }

    /** {@return the most cells of one CSV row} */
    public int maxCellsPerRow() {
        return maxCellsPerRow;
    }

    /** {@return the most characters of one CSV cell, XML text or attribute value, or JSON string} */
    public int maxCellChars() {
        return maxCellChars;
    }

    /** {@return the deepest nesting of XML elements or JSON arrays and objects} */
    public int maxDepth() {
        return maxDepth;
    }

    /** {@return the most bytes of a file that is read whole} */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadLimits l && l.maxLineChars == maxLineChars && l.maxCellsPerRow == maxCellsPerRow
                && l.maxCellChars == maxCellChars && l.maxDepth == maxDepth && l.maxFileBytes == maxFileBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxLineChars, maxCellsPerRow, maxCellChars, maxDepth, maxFileBytes);
    }

    @Override
    public String toString() {
        return "ReadLimits[maxLineChars=" + maxLineChars + ", maxCellsPerRow=" + maxCellsPerRow + ", maxCellChars="
                + maxCellChars + ", maxDepth=" + maxDepth + ", maxFileBytes=" + maxFileBytes + "]";
    }

    /**
     * Configures {@link ReadLimits}: each setting at most once, checked at once (at least 1); unset settings keep
     * their defaults. {@link #build()} checks that a cell fits in a row. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable Integer maxLineChars;
        private @Nullable Integer maxCellsPerRow;
        private @Nullable Integer maxCellChars;
        private @Nullable Integer maxDepth;
        private @Nullable Long maxFileBytes;

        private Builder() {}

        /**
         * The most characters of one CSV row (default 1,048,576).
         *
         * @param max the most characters of one CSV row (default 1,048,576)
         * @return this builder
         */
        public Builder maxLineChars(int max) {
            once(maxLineChars, "maxLineChars");
            this.maxLineChars = positive(max, "maxLineChars");
            return this;
        }

        /**
         * The most cells of one CSV row (default 1,024).
         *
         * @param max the most cells of one CSV row (default 1,024)
         * @return this builder
         */
        public Builder maxCellsPerRow(int max) {
            once(maxCellsPerRow, "maxCellsPerRow");
            this.maxCellsPerRow = positive(max, "maxCellsPerRow");
            return this;
        }

        /**
         * The most characters of one cell, XML text or attribute, or JSON string (default 65,536).
         *
         * @param max the most characters of one cell, XML text or attribute, or JSON string (default 65,536)
         * @return this builder
         */
        public Builder maxCellChars(int max) {
            once(maxCellChars, "maxCellChars");
            this.maxCellChars = positive(max, "maxCellChars");
            return this;
        }

        /**
         * The deepest nesting of XML elements or JSON arrays and objects (default 64).
         *
         * @param max the deepest nesting of XML elements or JSON arrays and objects (default 64)
         * @return this builder
         */
        public Builder maxDepth(int max) {
            once(maxDepth, "maxDepth");
            this.maxDepth = positive(max, "maxDepth");
            return this;
        }

        /**
         * The most bytes of a file read whole (default 4 GiB).
         *
         * @param max the most bytes of a file read whole (default 4 GiB)
         * @return this builder
         */
        public Builder maxFileBytes(long max) {
            once(maxFileBytes, "maxFileBytes");
            if (max < 1) {
                throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + max);
            }
            this.maxFileBytes = max;
            return this;
        }

        /**
         * The limits.
         *
         * @return the limits
         * @throws IllegalStateException when the cell limit exceeds the row limit (a cell is part of a row)
         */
        public ReadLimits build() {
            ReadLimits l = new ReadLimits(this);
            if (l.maxCellChars > l.maxLineChars) {
                throw new IllegalStateException("maxCellChars (" + l.maxCellChars + ") must not exceed maxLineChars ("
                        + l.maxLineChars + "): a cell is part of a row");
            }
            return l;
        }

        private static void once(@Nullable Object was, String name) {
            if (was != null) {
                throw new IllegalStateException(name + " was already set to " + was);
            }
        }

        private static int positive(int max, String name) {
            if (max < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + max);
            }
            return max;
        }
    }
}

package org.communityschools.privacy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stable name of one field of a student record view, such as {@code attendance.records} or
 * {@code attendance.records.reason}: two or more dot-separated segments, each a lower-camel-case identifier
 * ({@code [a-z][A-Za-z0-9]*}), at most 128 characters. This is the syntax that data-sharing agreements use in
 * their {@code data_elements} (Exhibit B of the SDPC National Data Privacy Agreement), so a path that parses here
 * is accepted by {@link org.communityschools.core.model.DataSharingAgreement} too.
 *
 * <p>A path says nothing about whether the field exists: only a {@link FieldCatalog} knows that, and a path the
 * catalog does not know can never be disclosed. Paths order by their text, so sorted sets of paths are stable.
 * Immutable and thread-safe; {@link #toString()} returns the value, so {@code of(p.toString())} equals {@code p}.
 *
 * @param value the path as written, such as {@code demographics.birthDate}
 */
public record FieldPath(String value) implements Comparable<FieldPath> {
    /** The longest path accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks the syntax.
     *
     * @param value the path as written, such as {@code demographics.birthDate}
     */
    public FieldPath {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a field path has two or more dot-separated lowerCamelCase segments "
                    + "and at most " + MAX_LENGTH + " characters, such as attendance.records; was '" + value + "'");
        }
    }

    /**
     * Returns the path with this text; throws {@link IllegalArgumentException} when it breaks the syntax.
     *
     * @param value the path's text, such as {@code attendance.records}
     * @return the path
     */
    public static FieldPath of(String value) {
        return new FieldPath(value);
    }

    /**
     * Whether {@code value} is a syntactically valid path (it may still be unknown to a catalog): the grammar
     * {@code [a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+}, checked by one scan (paths are built on every decision and
     * view, where a regular-expression match cost more than the rest of the check).
     *
     * @param value the text
     * @return true when it is a well-formed path
     */
    public static boolean isWellFormed(String value) {
        int n = value.length();
        if (n > MAX_LENGTH) {
            return false;
        }
        int segments = 0;
        boolean segmentStart = true;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (segmentStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                segmentStart = false;
                segments++;
            } else if (c == '.') {
                segmentStart = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return !segmentStart && segments >= 2;
    }

    /** {@return the segments, such as {@code [attendance, records, reason]}} */
    public List<String> segments() {
        return List.of(value.split("\\.", -1));
    }

    /** {@return the number of segments, 2 or more} */
    public int depth() {
        int depth = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.') {
                depth++;
            }
        }
        return depth;
    }

    /** {@return the first segment, which groups the fields of a record view (it is not the field's category)} */
    public String root() {
        return value.substring(0, value.indexOf('.'));
    }

    /**
     * The enclosing field: {@code attendance.records} for {@code attendance.records.reason}; empty for a path of two
     * segments, whose parent ({@code attendance}) is a group, not a field.
     *
     * @return the enclosing field, if any
     */
    public Optional<FieldPath> parent() {
        int last = value.lastIndexOf('.');
        String head = value.substring(0, last);
        return head.indexOf('.') < 0 ? Optional.empty() : Optional.of(new FieldPath(head));
    }

    /**
     * {@return whether this path is {@code ancestor} or lies below it ({@code a.b.c} is within {@code a.b}, {@code
     * a.bc} is not)}
     *
     * @param ancestor another path
     */
    public boolean isWithin(FieldPath ancestor) {
        return value.equals(ancestor.value)
                || value.length() > ancestor.value.length() && value.startsWith(ancestor.value)
                && value.charAt(ancestor.value.length()) == '.';
    }

    @Override
    public int compareTo(FieldPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

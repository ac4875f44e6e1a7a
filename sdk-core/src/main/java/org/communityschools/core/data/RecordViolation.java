package org.communityschools.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule found by {@link DistrictDataBuilder#build()} in records built in code, located by record rather than
 * by file and line (no file is involved): the record's type, its position among the records of that type in the order
 * they were added, its identifiers, the component that broke the rule and the rule's code. The rules and their codes
 * are the reader's (docs/data-directory-rules.md), so that a record is refused in code exactly when its row would be
 * refused in a directory. Values of personal components (names, birth dates, free text) are replaced by
 * {@code <redacted>}. Immutable and thread-safe.
 *
 * @param severity   error or warning
 * @param recordType the record's type, the simple name of its class in {@code org.communityschools.core.model}, such
 *                   as {@code Enrollment}
 * @param position   the 1-based position of the record among the records of its type added to the builder, or 0 when
 *                   the rule concerns the records of the type as a whole
 * @param key        the record's identifiers as {@code component=value} pairs, such as
 *                   {@code studentId=S1, schoolId=K1, entryDate=2017-09-01}; empty when the position is 0
 * @param component  the record component that broke the rule, such as {@code schoolId}, or empty
 * @param value      the offending value (possibly {@code <redacted>}), or empty
 * @param rule       the rule's stable code, such as {@code reference.unknown-school}; the codes are listed in
 *                   docs/data-directory.md
 * @param message    the rule in words, with the values that broke it
 */
public record RecordViolation(Severity severity, String recordType, int position, String key,
                              Optional<String> component, Optional<String> value, String rule, String message) {
    /**
     * Checks that nothing is missing and the position is not negative.
     *
     * @param severity error or warning
     * @param recordType the record's type, such as {@code Enrollment}
     * @param position the 1-based position of the record among the records of its type, or 0
     * @param key the record's identifiers as {@code component=value} pairs, or empty when the position is 0
     * @param component the record component that broke the rule, or empty
     * @param value the offending value (possibly {@code <redacted>}), or empty
     * @param rule the rule's stable code
     * @param message the rule in words, with the values that broke it
     */
    public RecordViolation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + position);
        }
    }

    /**
     * {@code Type #position [key]: SEVERITY [rule] message (component='value')}, such as
     * {@code Enrollment #3 [studentId=S7, schoolId=K0, entryDate=2017-09-01]: ERROR [reference.unknown-student] ...}.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(recordType);
        if (position > 0) {
            b.append(" #").append(position).append(" [").append(key).append(']');
        }
        b.append(": ").append(severity).append(" [").append(rule).append("] ").append(message);
        component.ifPresent(c -> b.append(" (").append(c).append(value.map(v -> "='" + v + "'").orElse("")).append(')'));
        return b.toString();
    }
}

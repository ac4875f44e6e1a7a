package org.communityschools.core.data;

import java.util.List;
import java.util.Objects;
import org.communityschools.core.CommunitySchoolsException;

/**
 * Thrown by a strict read when the directory breaks any rule; carries every violation found (up to the reader's
 * reporting limit) and the total count, so the whole directory can be fixed in one pass. Nothing was loaded.
 */
public final class DataValidationException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    /** The number of errors found, listed or not. */
    private final long errorCount;

    /**
     * An exception for these violations, of which {@code errorCount} errors were found in all.
     *
     * @param violations the violations listed (up to the reporting limit)
     * @param errorCount the number of errors found, listed or not
     */
    public DataValidationException(List<Violation> violations, long errorCount) {
        super(summary(violations, errorCount));
        this.violations = List.copyOf(violations);
        this.errorCount = errorCount;
    }

    private static String summary(List<Violation> violations, long errorCount) {
        Objects.requireNonNull(violations, "violations");
        String first = violations.stream().filter(v -> v.severity() == Severity.ERROR).findFirst().map(Violation::toString).orElse("");
        return errorCount + " error(s) in the district data directory; nothing was loaded. First: " + first;
    }

    /** {@return the violations found, errors and warnings, in file and line order} */
    public List<Violation> violations() {
        return violations;
    }

    /** {@return the number of errors found, which may exceed the errors listed when the reporting limit was reached} */
    public long errorCount() {
        return errorCount;
    }
}

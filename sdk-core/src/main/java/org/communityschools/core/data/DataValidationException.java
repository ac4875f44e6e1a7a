package org.communityschools.core.data;

import java.util.List;
import java.util.Objects;
import org.communityschools.core.CommunitySchoolsException;

/**
 * Thrown when district data breaks any rule, carrying every violation found (up to the reporting limit) and the total
 * count, so that everything can be fixed in one pass; nothing was loaded or built. A strict read of a directory
 * ({@link DistrictDataReader}) locates each violation by file, line and column ({@link #violations()}); a build from
 * records in code ({@link DistrictDataBuilder}) locates each by record ({@link #recordViolations()}). The other list is
 * empty.
 */
public final class DataValidationException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    private final transient List<RecordViolation> recordViolations;
    /** The number of errors found, listed or not. */
    private final long errorCount;

    /**
     * An exception for these violations in files, of which {@code errorCount} errors were found in all.
     *
     * @param violations the violations listed (up to the reporting limit)
     * @param errorCount the number of errors found, listed or not
     */
    public DataValidationException(List<Violation> violations, long errorCount) {
        this(List.copyOf(violations), List.of(), errorCount,
                errorCount + " error(s) in the district data directory; nothing was loaded. First: "
                        + first(violations.stream().filter(v -> v.severity() == Severity.ERROR).map(Violation::toString).toList()));
    }

    private DataValidationException(List<Violation> violations, List<RecordViolation> recordViolations, long errorCount,
                                    String message) {
        super(message);
        this.violations = violations;
        this.recordViolations = recordViolations;
        this.errorCount = errorCount;
    }

    /**
     * An exception for these violations in records built in code, of which {@code errorCount} errors were found in all.
     *
     * @param violations the violations listed (up to the reporting limit)
     * @param errorCount the number of errors found, listed or not
     * @return the exception
     */
    public static DataValidationException inRecords(List<RecordViolation> violations, long errorCount) {
        List<RecordViolation> copy = List.copyOf(violations);
        return new DataValidationException(List.of(), copy, errorCount, errorCount
                + " error(s) in the records given to DistrictData.builder(); nothing was built. First: "
                + first(copy.stream().filter(v -> v.severity() == Severity.ERROR).map(RecordViolation::toString).toList()));
    }

    private static String first(List<String> errors) {
        Objects.requireNonNull(errors, "violations");
        return errors.isEmpty() ? "" : errors.get(0);
    }

    /**
     * {@return the violations found in the files of a directory, errors and warnings, in file and line order; empty
     * when the data was built from records in code}
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * {@return the violations found in records built in code, errors and warnings, by record type (in {@link DataFile}
     * order) and the order the records were added; empty when the data was read from files}
     */
    public List<RecordViolation> recordViolations() {
        return recordViolations;
    }

    /** {@return the number of errors found, which may exceed the errors listed when the reporting limit was reached} */
    public long errorCount() {
        return errorCount;
    }
}

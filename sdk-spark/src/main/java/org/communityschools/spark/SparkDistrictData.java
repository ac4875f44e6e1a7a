package org.communityschools.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;
import org.communityschools.spark.rows.AttendanceRow;
import org.communityschools.spark.rows.CalendarRow;
import org.communityschools.spark.rows.CharacteristicRow;
import org.communityschools.spark.rows.DiplomaRow;
import org.communityschools.spark.rows.EnrollmentRow;
import org.communityschools.spark.rows.StudentRow;
import org.communityschools.spark.rows.ViolationRow;

/**
 * A district data directory read into Spark by {@link SparkDistrictReader}: the accepted rows of the large tables as
 * typed Datasets, the small reference tables (organizations, schools, partnerships) as a core {@link DistrictData}
 * on the driver, and every violation found, collected rather than thrown (docs/data-directory-rules.md). The
 * Datasets are lazy: each action re-reads the files unless the caller caches them. Immutable; safe to share on the
 * driver.
 *
 * @param reference      organizations, schools and partnerships, read and validated by the core reader on the driver
 * @param students       accepted rows of {@code students.csv}
 * @param characteristics accepted rows of {@code student_characteristics.csv}
 * @param calendar       accepted rows of {@code calendar.csv}
 * @param enrollments    accepted rows of {@code enrollments.csv}
 * @param diplomas       accepted rows of {@code diplomas.csv}
 * @param attendance     accepted rows of {@code attendance.csv}
 * @param violations     every violation of every file read, in no particular order
 */
public record SparkDistrictData(DistrictData reference, Dataset<StudentRow> students, Dataset<CharacteristicRow> characteristics,
                                Dataset<CalendarRow> calendar, Dataset<EnrollmentRow> enrollments, Dataset<DiplomaRow> diplomas,
                                Dataset<AttendanceRow> attendance, Dataset<ViolationRow> violations) {
    /**
     * Checks that nothing is missing.
     *
     * @param reference organizations, schools and partnerships, read and validated by the core reader on the driver
     * @param students accepted rows of {@code students.csv}
     * @param characteristics accepted rows of {@code student_characteristics.csv}
     * @param calendar accepted rows of {@code calendar.csv}
     * @param enrollments accepted rows of {@code enrollments.csv}
     * @param diplomas accepted rows of {@code diplomas.csv}
     * @param attendance accepted rows of {@code attendance.csv}
     * @param violations every violation of every file read, in no particular order
     */
    public SparkDistrictData {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(students, "students");
        Objects.requireNonNull(characteristics, "characteristics");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(enrollments, "enrollments");
        Objects.requireNonNull(diplomas, "diplomas");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(violations, "violations");
    }

    /**
     * {@return the errors (not warnings), sorted by file, line and column, at most {@code limit} of them (a Spark
     * action)}
     *
     * @param limit the most errors to return
     */
    public List<Violation> errors(int limit) {
        return violations.filter((org.apache.spark.api.java.function.FilterFunction<ViolationRow>) v -> v.getSeverity().equals("ERROR"))
                .orderBy("file", "line", "column", "rule").limit(limit).collectAsList().stream().map(ViolationRow::toViolation).toList();
    }

    /** {@return the number of errors (a Spark action)} */
    public long errorCount() {
        return violations.filter((org.apache.spark.api.java.function.FilterFunction<ViolationRow>) v -> v.getSeverity().equals("ERROR")).count();
    }

    /**
     * Strict mode: returns this data when no rule is broken, and refuses to go on otherwise, as the core reader's
     * strict mode does. A Spark action.
     *
     * @return this data, valid
     * @throws DataValidationException carrying the first 10,000 errors and their count, when any error was found
     */
    public SparkDistrictData requireValid() {
        long n = errorCount();
        if (n > 0) {
            throw new DataValidationException(errors(10_000), n);
        }
        return this;
    }

    /**
     * The same data with every Dataset cached (Spark's default storage level), so that several calculations over it
     * read and check the files once. Lazy: the cache fills on the first action.
     *
     * @return the same data, with its Datasets marked for caching
     */
    public SparkDistrictData cache() {
        return new SparkDistrictData(reference, students.cache(), characteristics.cache(), calendar.cache(), enrollments.cache(),
                diplomas.cache(), attendance.cache(), violations.cache());
    }
}

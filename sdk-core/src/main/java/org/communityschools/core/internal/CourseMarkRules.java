package org.communityschools.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.SchoolYear;
import org.jspecify.annotations.Nullable;

/**
 * The rules between a course mark's values that {@link org.communityschools.core.model.CourseMark}'s constructor
 * enforces, and its normal form of decimals, in one place: the record's constructor throws with the message of the
 * first broken rule, and the directory reader's course-mark rows ({@code RowRecords}) take the record path for a row
 * whose values break one (so the error is the constructor's own).
 */
public final class CourseMarkRules {
    private CourseMarkRules() {}

    /**
     * The message of the first broken rule, in this order: the term end date falls in the school year, credits are not
     * negative, credits earned do not exceed credits attempted, a FAIL result earns no credits; null when all hold.
     *
     * @param schoolYear the school year
     * @param result the result
     * @param attempted credits attempted
     * @param earned credits earned
     * @param termEndDate the term end date, if given
     * @return the message of the first broken rule, or null
     */
    public static @Nullable String broken(SchoolYear schoolYear, CourseResult result, BigDecimal attempted,
                                          BigDecimal earned, Optional<LocalDate> termEndDate) {
        if (termEndDate.isPresent() && !schoolYear.contains(termEndDate.get())) {
            return "term_end_date must fall in school year " + schoolYear.label() + ", was " + termEndDate.get();
        }
        if (attempted.signum() < 0 || earned.signum() < 0) {
            return "credits must not be negative";
        }
        if (earned.compareTo(attempted) > 0) {
            return "credits_earned must not exceed credits_attempted: " + earned.toPlainString() + " > "
                    + attempted.toPlainString();
        }
        if (result == CourseResult.FAIL && earned.signum() != 0) {
            return "a FAIL result earns no credits, was " + earned.toPlainString();
        }
        return null;
    }

    /**
     * {@code value} without trailing zeros, so that equal numbers make equal marks ({@code 2.50} and {@code 2.5}); the
     * same instance when already normalized, so that a reader can share one instance among millions of marks.
     *
     * @param value a decimal
     * @return its normal form
     */
    public static BigDecimal normalized(BigDecimal value) {
        if (value.scale() == 0) {
            return value; // an integer at scale 0 is its own normal form (and the common case, read again from columns)
        }
        BigDecimal v = value.stripTrailingZeros();
        v = v.scale() < 0 ? v.setScale(0) : v;
        return v.equals(value) ? value : v;
    }
}

package org.communityschools.core.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.internal.Checks;

/**
 * A student's final mark in a course for a term ({@code course_marks.csv}; Ed-Fi's CourseTranscript). Decimals are
 * held without trailing zeros, so that records with equal numbers are equal. Immutable and thread-safe.
 *
 * @param studentId        the student
 * @param schoolId         the school
 * @param schoolYear       the school year
 * @param term             the term, such as {@code FALL} or {@code S1}
 * @param courseCode       the course code
 * @param courseTitle      the course title
 * @param subject          the academic subject
 * @param numericMark      the numeric mark, 0–100, if given
 * @param letterMark       the letter mark, if given
 * @param result           pass, fail, incomplete or withdrawn
 * @param creditsAttempted credits attempted, not negative
 * @param creditsEarned    credits earned, not more than attempted
 * @param termEndDate      the last day of the term, when the mark becomes final, within the school year; when
 *                         absent, the mark is taken as final at the end of the school year ({@link #finalOn()})
 */
public record CourseMark(StudentId studentId, SchoolId schoolId, SchoolYear schoolYear, @Size(max = 32) String term,
                         @Size(max = 32) String courseCode, @Size(max = 200) String courseTitle, Subject subject,
                         Optional<@DecimalMin("0") @DecimalMax("100") BigDecimal> numericMark,
                         Optional<@Size(max = 4) String> letterMark, CourseResult result,
                         @DecimalMax("100") BigDecimal creditsAttempted, BigDecimal creditsEarned,
                         Optional<LocalDate> termEndDate) {
    /**
     * A mark without a term end date: final at the end of the school year.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param schoolYear the school year
     * @param term the term, such as {@code FALL} or {@code S1}
     * @param courseCode the course code
     * @param courseTitle the course title
     * @param subject the academic subject
     * @param numericMark the numeric mark, 0–100, if given
     * @param letterMark the letter mark, if given
     * @param result pass, fail, incomplete or withdrawn
     * @param creditsAttempted credits attempted, not negative
     * @param creditsEarned credits earned, not more than attempted
     */
    public CourseMark(StudentId studentId, SchoolId schoolId, SchoolYear schoolYear, String term, String courseCode,
                      String courseTitle, Subject subject, Optional<BigDecimal> numericMark, Optional<String> letterMark,
                      CourseResult result, BigDecimal creditsAttempted, BigDecimal creditsEarned) {
        this(studentId, schoolId, schoolYear, term, courseCode, courseTitle, subject, numericMark, letterMark, result,
                creditsAttempted, creditsEarned, Optional.empty());
    }

    /**
     * Checks that nothing is missing and credits are consistent.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param schoolYear the school year
     * @param term the term, such as {@code FALL} or {@code S1}
     * @param courseCode the course code
     * @param courseTitle the course title
     * @param subject the academic subject
     * @param numericMark the numeric mark, 0–100, if given
     * @param letterMark the letter mark, if given
     * @param result pass, fail, incomplete or withdrawn
     * @param creditsAttempted credits attempted, not negative
     * @param creditsEarned credits earned, not more than attempted
     * @param termEndDate the last day of the term, when the mark becomes final, within the school year; when absent,
     *     the mark is taken as final at the end of the school year ({@link #finalOn()})
     */
    public CourseMark {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(schoolYear, "school_year");
        Checks.text(term, "term");
        Checks.text(courseCode, "course_code");
        Checks.text(courseTitle, "course_title");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(numericMark, "numeric_mark");
        Objects.requireNonNull(letterMark, "letter_mark");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(creditsAttempted, "credits_attempted");
        Objects.requireNonNull(creditsEarned, "credits_earned");
        Objects.requireNonNull(termEndDate, "term_end_date");
        if (termEndDate.isPresent() && !schoolYear.contains(termEndDate.get())) {
            throw new IllegalArgumentException("term_end_date must fall in school year " + schoolYear.label() + ", was " + termEndDate.get());
        }
        if (creditsAttempted.signum() < 0 || creditsEarned.signum() < 0) {
            throw new IllegalArgumentException("credits must not be negative");
        }
        if (creditsEarned.compareTo(creditsAttempted) > 0) {
            throw new IllegalArgumentException("credits_earned must not exceed credits_attempted: "
                    + creditsEarned.toPlainString() + " > " + creditsAttempted.toPlainString());
        }
        if (result == CourseResult.FAIL && creditsEarned.signum() != 0) {
            throw new IllegalArgumentException("a FAIL result earns no credits, was " + creditsEarned.toPlainString());
        }
        if (numericMark.isPresent() && normalized(numericMark.get()) != numericMark.get()) {
            numericMark = Optional.of(normalized(numericMark.get()));
        }
        creditsAttempted = normalized(creditsAttempted);
        creditsEarned = normalized(creditsEarned);
    }

    /**
     * The day the mark becomes final: the term end date, or the last day of the school year when the file gives
     * none. A mark counts toward an indicator as of a date only when this day is on or before it.
     *
     * @return the day the mark becomes final
     */
    public LocalDate finalOn() {
        return termEndDate.orElse(schoolYear.lastDay());
    }

    /**
     * Without trailing zeros, so that equal numbers make equal records ({@code 2.50} and {@code 2.5}); the same
     * instance when already normalized, so that a reader can share one instance among millions of marks.
     */
    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        v = v.scale() < 0 ? v.setScale(0) : v;
        return v.equals(value) ? value : v;
    }

    /** {@code CourseMark[student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "CourseMark[student=" + studentId + ", school=" + schoolId + "]";
    }
}

package org.communityschools.core.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.internal.Checks;
import org.communityschools.core.internal.CourseMarkRules;
import org.communityschools.core.internal.SetOnce;
import org.jspecify.annotations.Nullable;

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
        String broken = CourseMarkRules.broken(schoolYear, result, creditsAttempted, creditsEarned, termEndDate);
        if (broken != null) {
            throw new IllegalArgumentException(broken);
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

    /** Without trailing zeros ({@link CourseMarkRules#normalized}). */
    private static BigDecimal normalized(BigDecimal value) {
        return CourseMarkRules.normalized(value);
    }

    /** {@code CourseMark[student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "CourseMark[student=" + studentId + ", school=" + schoolId + "]";
    }

    /**
     * A set-once builder, for building a mark from a host's own records. Required: {@code studentId},
     * {@code schoolId}, {@code schoolYear}, {@code term}, {@code course}, {@code subject}, {@code result},
     * {@code credits}. Optional: {@code numericMark}, {@code letterMark}, {@code termEndDate}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A set-once builder of {@link CourseMark}: each setting is set once and checked at once; {@link #build()} checks
     * the combination with the record's own rules (credits earned not above attempted, a FAIL earns nothing, the term
     * end date within the school year). Not thread-safe.
     */
    public static final class Builder {
        private static final String TYPE = "CourseMark.builder()";
        private @Nullable StudentId studentId;
        private @Nullable SchoolId schoolId;
        private @Nullable SchoolYear schoolYear;
        private @Nullable String term;
        private @Nullable String courseCode;
        private @Nullable String courseTitle;
        private @Nullable Subject subject;
        private @Nullable BigDecimal numericMark;
        private @Nullable String letterMark;
        private @Nullable CourseResult result;
        private @Nullable BigDecimal creditsAttempted;
        private @Nullable BigDecimal creditsEarned;
        private @Nullable LocalDate termEndDate;

        private Builder() {}

        /**
         * The student.
         *
         * @param studentId the student
         * @return this builder
         */
        public Builder studentId(StudentId studentId) {
            this.studentId = SetOnce.set(this.studentId, studentId, "studentId");
            return this;
        }

        /**
         * The school.
         *
         * @param schoolId the school
         * @return this builder
         */
        public Builder schoolId(SchoolId schoolId) {
            this.schoolId = SetOnce.set(this.schoolId, schoolId, "schoolId");
            return this;
        }

        /**
         * The school year.
         *
         * @param schoolYear the school year
         * @return this builder
         */
        public Builder schoolYear(SchoolYear schoolYear) {
            this.schoolYear = SetOnce.set(this.schoolYear, schoolYear, "schoolYear");
            return this;
        }

        /**
         * The term, such as {@code FALL} or {@code S1}: not blank, at most 32 characters.
         *
         * @param term the term
         * @return this builder
         */
        public Builder term(String term) {
            this.term = SetOnce.set(this.term, bounded(term, "term", 32), "term");
            return this;
        }

        /**
         * The course: its code (at most 32 characters) and title (at most 200), neither blank.
         *
         * @param code  the course code
         * @param title the course title
         * @return this builder
         */
        public Builder course(String code, String title) {
            bounded(code, "course code", 32);
            bounded(title, "course title", 200);
            this.courseCode = SetOnce.set(this.courseCode, code, "course");
            this.courseTitle = title;
            return this;
        }

        /**
         * The academic subject.
         *
         * @param subject the subject
         * @return this builder
         */
        public Builder subject(Subject subject) {
            this.subject = SetOnce.set(this.subject, subject, "subject");
            return this;
        }

        /**
         * The numeric mark, 0 to 100.
         *
         * @param mark the mark
         * @return this builder
         */
        public Builder numericMark(BigDecimal mark) {
            Objects.requireNonNull(mark, "numericMark");
            if (mark.signum() < 0 || mark.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("numericMark must be 0 to 100, was " + mark.toPlainString());
            }
            this.numericMark = SetOnce.set(this.numericMark, mark, "numericMark");
            return this;
        }

        /**
         * The letter mark, at most 4 characters.
         *
         * @param mark the mark
         * @return this builder
         */
        public Builder letterMark(String mark) {
            this.letterMark = SetOnce.set(this.letterMark, bounded(mark, "letterMark", 4), "letterMark");
            return this;
        }

        /**
         * Pass, fail, incomplete or withdrawn.
         *
         * @param result the result
         * @return this builder
         */
        public Builder result(CourseResult result) {
            this.result = SetOnce.set(this.result, result, "result");
            return this;
        }

        /**
         * The credits attempted (not negative, at most 100) and earned (not negative, not above attempted).
         *
         * @param attempted credits attempted
         * @param earned    credits earned
         * @return this builder
         */
        public Builder credits(BigDecimal attempted, BigDecimal earned) {
            Objects.requireNonNull(attempted, "attempted");
            Objects.requireNonNull(earned, "earned");
            if (attempted.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("credits attempted must be at most 100, was " + attempted.toPlainString());
            }
            this.creditsAttempted = SetOnce.set(this.creditsAttempted, attempted, "credits");
            this.creditsEarned = earned;
            return this;
        }

        /**
         * The last day of the term, when the mark becomes final; within the school year.
         *
         * @param date the term's last day
         * @return this builder
         */
        public Builder termEndDate(LocalDate date) {
            this.termEndDate = SetOnce.set(this.termEndDate, date, "termEndDate");
            return this;
        }

        /**
         * The mark.
         *
         * @return the mark
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the settings break one of the mark's rules
         */
        public CourseMark build() {
            BigDecimal attempted = SetOnce.required(creditsAttempted, TYPE, "credits");
            return new CourseMark(SetOnce.required(studentId, TYPE, "studentId"), SetOnce.required(schoolId, TYPE, "schoolId"),
                    SetOnce.required(schoolYear, TYPE, "schoolYear"), SetOnce.required(term, TYPE, "term"),
                    SetOnce.required(courseCode, TYPE, "course"), Objects.requireNonNull(courseTitle),
                    SetOnce.required(subject, TYPE, "subject"), Optional.ofNullable(numericMark),
                    Optional.ofNullable(letterMark), SetOnce.required(result, TYPE, "result"), attempted,
                    Objects.requireNonNull(creditsEarned), Optional.ofNullable(termEndDate));
        }

        private static String bounded(String value, String name, int max) {
            Checks.text(value, name);
            if (value.length() > max) {
                throw new IllegalArgumentException(name + " must have at most " + max + " characters, was " + value.length());
            }
            return value;
        }
    }
}

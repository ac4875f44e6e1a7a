package org.communityschools.metrics;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Objects;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.SchoolYear;

/**
 * A definition of the adjusted cohort graduation rate (ACGR; ESEA section 8101(23) and (25), 34 CFR 200.19(b)):
 * the number of years (4, or 5 and 6 for the extended-year rates), the fall membership date by which a student enrolled
 * in grade 9 is a first-time ninth grader (default October 1), the cut-off date in the summer after the last year
 * (default August 31), whether a state-defined alternate diploma counts, and how a student who spent less
 * than half a year at their last school and left without a diploma is attributed to a school. Immutable and
 * thread-safe.
 *
 * <p>Only a regular diploma (here {@link DiplomaType#REGULAR} or {@link DiplomaType#ADVANCED}) and, when counted,
 * an {@link DiplomaType#ALTERNATE alternate diploma} for students with the most significant cognitive
 * disabilities make a graduate; certificates, IEP diplomas and high-school equivalency (GED/HSE) never do
 * (34 CFR 200.19(b)(1)(iv)). A diploma awarded on or before the cut-off counts, so early graduates count.
 */
public final class GraduationCohortDefinition {

    /** Where a student who was at their last school less than half a year and left without a diploma is counted. */
    public enum Attribution {
        /** At the most recent school (the student simply stays in the last school's cohort). */
        MOST_RECENT_SCHOOL,
        /** At the school where the student spent the most days in grades 9–12 (ties: the more recent school). */
        MOST_DAYS
    }

    /** The four-year rate with the defaults: cut-off August 31, alternate diplomas counted, most recent school. */
    public static final GraduationCohortDefinition FOUR_YEAR = builder().build();
    /** The extended five-year rate with the defaults. */
    public static final GraduationCohortDefinition FIVE_YEAR = builder().years(5).build();
    /** The extended six-year rate with the defaults. */
    public static final GraduationCohortDefinition SIX_YEAR = builder().years(6).build();

    private final int years;
    private final MonthDay cutoff;
    private final boolean alternateDiplomasCount;
    private final Attribution attribution;
    private final int halfYearDays;
    private final boolean laterEnrollmentConfirmsTransfer;
    private final MonthDay fallMembershipDate;

    private GraduationCohortDefinition(Builder b) {
        this.fallMembershipDate = b.fallMembershipDate == null ? MonthDay.of(Month.OCTOBER, 1) : b.fallMembershipDate;
        this.years = b.years == null ? 4 : b.years;
        this.cutoff = b.cutoff == null ? MonthDay.of(Month.AUGUST, 31) : b.cutoff;
        this.alternateDiplomasCount = b.alternateDiplomasCount == null || b.alternateDiplomasCount;
        this.attribution = b.attribution == null ? Attribution.MOST_RECENT_SCHOOL : b.attribution;
        this.halfYearDays = b.halfYearDays == null ? 90 : b.halfYearDays;
        this.laterEnrollmentConfirmsTransfer = b.laterEnrollmentConfirmsTransfer == null || b.laterEnrollmentConfirmsTransfer;
    }

    /** {@return a builder; each setting may be set once} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of school years: 4, or 5 or 6 for an extended-year rate} */
    public int years() {
        return years;
    }

    /** {@return the month and day of the cut-off in the summer after the last year (default August 31)} */
    public MonthDay cutoff() {
        return cutoff;
    }

    /** {@return whether a state-defined alternate diploma counts as graduation (default true)} */
    public boolean alternateDiplomasCount() {
        return alternateDiplomasCount;
    }

    /** {@return the attribution rule for short last enrollments (default {@link Attribution#MOST_RECENT_SCHOOL})} */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * Days at the last school below which the attribution rule applies ("less than half a year"; default 90).
     *
     * @return the number of days
     */
    public int halfYearDays() {
        return halfYearDays;
    }

    /**
     * Whether a later enrollment at another school of the district confirms that the student transferred out of a
     * school (default true): the district's own enrollment record is the written confirmation (the ACGR non-regulatory
     * guidance of 2017 accepts a record of the student's enrollment in another school as documentation of a
     * transfer), so a student who left
     * one high school of the district, with whatever exit code, and enrolled at another is removed from the first
     * school's cohort. When false, only an exit recorded as a documented transfer removes a student from a school.
     * The district's cohort is not affected either way.
     *
     * @return true when a later enrollment in the district confirms a transfer
     */
    public boolean laterEnrollmentConfirmsTransfer() {
        return laterEnrollmentConfirmsTransfer;
    }

    /**
     * The month and day of the fall membership date (default October 1, the date of the federal fall membership
     * count, EDFacts FS052; a state may use its own, such as New York's BEDS day): a student enrolled in high school
     * on or before it in the cohort's first year is a first-time ninth grader; one who first enters later that year,
     * or in a later year, is a transfer in (34 CFR 200.19(b)(1)(i)-(ii)). The cohort and its rate do not change,
     * only how its members are counted among the adjustments.
     *
     * @return the month and day of the fall membership date
     */
    public MonthDay fallMembershipDate() {
        return fallMembershipDate;
    }

    /**
     * {@return the fall membership date of the cohort that entered grade 9 in {@code ninthGradeYear}}
     *
     * @param ninthGradeYear the school year the cohort entered grade 9
     */
    public LocalDate fallMembershipDate(SchoolYear ninthGradeYear) {
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        return fallMembershipDate.atYear(ninthGradeYear.endYear() - 1);
    }

    /**
     * {@return the last day a diploma counts for the cohort that entered grade 9 in {@code ninthGradeYear}}
     *
     * @param ninthGradeYear the school year the cohort entered grade 9
     */
    public LocalDate cutoffDate(SchoolYear ninthGradeYear) {
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        return cutoff.atYear(ninthGradeYear.plusYears(years - 1).endYear());
    }

    /**
     * {@return whether a diploma of this type makes a graduate under this definition}
     *
     * @param type the type of diploma
     */
    public boolean counts(DiplomaType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case REGULAR, ADVANCED -> true;
            case ALTERNATE -> alternateDiplomasCount;
            case IEP, CERTIFICATE, HSE -> false;
        };
    }

    @Override
    public String toString() {
        return "GraduationCohortDefinition[" + years + "-year, fall membership " + fallMembershipDate + ", cut-off " + cutoff + ", alternate diplomas "
                + (alternateDiplomasCount ? "counted" : "not counted") + ", " + attribution + " below " + halfYearDays + " days]";
    }

    /** Builds a {@link GraduationCohortDefinition}; each setting may be set once and is checked at once. Not thread-safe. */
    public static final class Builder {
        private Integer years;
        private MonthDay cutoff;
        private Boolean alternateDiplomasCount;
        private Attribution attribution;
        private Integer halfYearDays;
        private Boolean laterEnrollmentConfirmsTransfer;
        private MonthDay fallMembershipDate;

        private Builder() {}

        private static void requireUnset(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        /**
         * 4 (default), or 5 or 6 for an extended-year rate.
         *
         * @param years the number of years from entry into grade 9, 4, 5 or 6
         * @return this builder
         */
        public Builder years(int years) {
            requireUnset(this.years, "years");
            if (years < 4 || years > 6) {
                throw new IllegalArgumentException("years must be 4, 5 or 6, was " + years);
            }
            this.years = years;
            return this;
        }

        /**
         * The cut-off in the summer after the last year, June 30 to September 30 (default August 31).
         *
         * @param cutoff the cut-off in the summer after the last year, June 30 to September 30 (default August 31)
         * @return this builder
         */
        public Builder cutoff(MonthDay cutoff) {
            Objects.requireNonNull(cutoff, "cutoff");
            requireUnset(this.cutoff, "cutoff");
            if (cutoff.isBefore(MonthDay.of(Month.JUNE, 30)) || cutoff.isAfter(MonthDay.of(Month.SEPTEMBER, 30))) {
                throw new IllegalArgumentException("cut-off must be from June 30 to September 30 (the end of the year or the summer after it), was " + cutoff);
            }
            this.cutoff = cutoff;
            return this;
        }

        /**
         * Whether a state-defined alternate diploma counts (default true).
         *
         * @param count true when a state-defined alternate diploma makes a graduate
         * @return this builder
         */
        public Builder alternateDiplomasCount(boolean count) {
            requireUnset(this.alternateDiplomasCount, "alternateDiplomasCount");
            this.alternateDiplomasCount = count;
            return this;
        }

        /**
         * The attribution rule for short last enrollments (default {@link Attribution#MOST_RECENT_SCHOOL}).
         *
         * @param attribution the attribution rule for short last enrollments (default {@link
         *     Attribution#MOST_RECENT_SCHOOL})
         * @return this builder
         */
        public Builder attribution(Attribution attribution) {
            Objects.requireNonNull(attribution, "attribution");
            requireUnset(this.attribution, "attribution");
            this.attribution = attribution;
            return this;
        }

        /**
         * Days at the last school below which the attribution rule applies, 1–366 (default 90, half of 180).
         *
         * @param days the number of days, 1 to 366
         * @return this builder
         */
        public Builder halfYearDays(int days) {
            requireUnset(this.halfYearDays, "halfYearDays");
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("half-year days must be 1-366, was " + days);
            }
            this.halfYearDays = days;
            return this;
        }

        /**
         * Whether a later enrollment at another school of the district confirms a transfer out of a school (default
         * true).
         *
         * @param confirms true when a later enrollment in the district confirms a transfer
         * @return this builder
         */
        public Builder laterEnrollmentConfirmsTransfer(boolean confirms) {
            requireUnset(this.laterEnrollmentConfirmsTransfer, "laterEnrollmentConfirmsTransfer");
            this.laterEnrollmentConfirmsTransfer = confirms;
            return this;
        }

        /**
         * The fall membership date, from August 1 to December 31 of the cohort's first year (default October 1).
         *
         * @param date the fall membership date, from August 1 to December 31 of the cohort's first year (default
         *     October 1)
         * @return this builder
         */
        public Builder fallMembershipDate(MonthDay date) {
            Objects.requireNonNull(date, "date");
            requireUnset(this.fallMembershipDate, "fallMembershipDate");
            if (date.isBefore(MonthDay.of(Month.AUGUST, 1))) {
                throw new IllegalArgumentException("the fall membership date must be from August 1 to December 31, was " + date);
            }
            this.fallMembershipDate = date;
            return this;
        }

        /** {@return the definition} */
        public GraduationCohortDefinition build() {
            return new GraduationCohortDefinition(this);
        }
    }
}

package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolType;

/**
 * A definition of chronic absence: which days count as absent, which students are counted at all, the threshold,
 * and how a student who moved is counted above the school level. Agencies differ on each axis (EDFacts FS195, NYSED, CRDC, California DataQuest),
 * so every axis is a setting; the named presets ({@link #FEDERAL}, {@link #NYSED}, {@link #NYC_LEGACY},
 * {@link #CRDC}, {@link #CALIFORNIA}) cite their sources, and {@link #builder(String)} makes custom ones.
 * Every comparison with a threshold is exact (integers and {@link Ratio}s, never floating point).
 * Immutable and thread-safe.
 *
 * <p>Only enrollments in the definition's {@linkplain #grades() grades} at schools whose type is not
 * {@linkplain #excludedSchoolTypes() excluded} are considered at all (by default every grade and every school).
 *
 * <p>The rules, in order, for one student-enrollment or pooled student-year with {@code d} instructional days
 * enrolled and {@code a} days absent ({@link #absentShare}):
 * <ol>
 *   <li>{@code d = 0}: {@link ChronicAbsenceStatus#NOT_ENROLLED_ON_ANY_DAY};</li>
 *   <li>{@code d < minimumDaysEnrolled}: {@link ChronicAbsenceStatus#EXCLUDED_TOO_FEW_DAYS_ENROLLED};</li>
 *   <li>{@code d − a < minimumDaysPresent}: {@link ChronicAbsenceStatus#EXCLUDED_TOO_FEW_DAYS_PRESENT};</li>
 *   <li>rate mode: {@code a / d ≥ threshold} (or {@code >} with {@link Boundary#EXCLUSIVE}); fixed-days mode:
 *       {@code a ≥ fixedDaysAbsent}: {@link ChronicAbsenceStatus#CHRONICALLY_ABSENT}, otherwise
 *       {@link ChronicAbsenceStatus#NOT_CHRONICALLY_ABSENT}.</li>
 * </ol>
 */
public final class ChronicAbsenceDefinition {

    /** Whether a rate equal to the threshold meets it. */
    public enum Boundary {
        /** {@code rate ≥ threshold}: the standard reading of "10% or more". */
        INCLUSIVE,
        /** {@code rate > threshold}. */
        EXCLUSIVE
    }

    /** How the share of a day missed becomes days absent. */
    public enum DayRule {
        /** A day missed for at least half ({@link DayShare#isAtLeastHalf()}) is one absent day, otherwise none (the CEDS element behind FS195). */
        HALF_DAY_OR_MORE,
        /** Each day contributes exactly the share missed ({@code 0.25} of a day missed is 0.25 days absent). */
        FRACTIONAL
    }

    /** How records of one attendance category count. */
    public enum CategoryTreatment {
        /** Always a present day, whatever the duration (tardies; in-school suspension under FS195). */
        PRESENT,
        /** Always a whole absent day, whatever the duration (out-of-school suspension). */
        ABSENT,
        /** The record's duration (share of the day missed) decides, through the {@link DayRule}. */
        BY_DURATION
    }

    /** How a student who attended more than one school in the year is counted. */
    public enum Aggregation {
        /** Every figure counts student-enrollments: a student who moved is counted at each school and again in each total. */
        PER_ENROLLMENT,
        /**
         * Schools count their own enrollments; totals above the school (district, grade, subgroup) pool each
         * student's days across schools and count the student once.
         */
        POOLED
    }

    private static final Ratio TEN_PERCENT = Ratio.of(1, 10);

    /**
     * The federal definition, EDFacts file specification FS195 (chronic absenteeism, data group 814; also the ESSA
     * report card measure): absent 10% or more of the days enrolled, no minimum enrollment; a day counts as absent
     * when the student was not on school grounds and not in instruction for at least half of it, so an in-school
     * suspension is a present day and an out-of-school suspension an absent one. FS195 is a school-level file: a
     * student is reported at each school where they were chronically absent, and ED Data Express sums the schools
     * for the LEA and state, so totals here count student-enrollments
     * ({@link Aggregation#PER_ENROLLMENT}); the report's {@link ChronicAbsenceReport#districtPooled()} counts each
     * student once.
     */
    public static final ChronicAbsenceDefinition FEDERAL = builder("FEDERAL")
            .threshold(TEN_PERCENT, Boundary.INCLUSIVE)
            .aggregation(Aggregation.PER_ENROLLMENT)
            .build();

    /**
     * New York State Education Department (NYSED ESSA accountability chronic absenteeism; since 2020-21 New York
     * City reports the same measure, stated as attendance ≤ 90%): absent 10% or more of the days enrolled, counting
     * only students enrolled at least 10 days and present at least 1 day. Totals above the school count each
     * student once.
     */
    public static final ChronicAbsenceDefinition NYSED = builder("NYSED")
            .threshold(TEN_PERCENT, Boundary.INCLUSIVE)
            .minimumDaysEnrolled(10)
            .minimumDaysPresent(1)
            .build();

    /**
     * New York City's legacy reporting (before the 2020-21 alignment with NYSED): absent 10% or more of the days
     * enrolled, counting only students enrolled at least 20 days. Totals above the school count each student once.
     */
    public static final ChronicAbsenceDefinition NYC_LEGACY = builder("NYC_LEGACY")
            .threshold(TEN_PERCENT, Boundary.INCLUSIVE)
            .minimumDaysEnrolled(20)
            .build();

    /**
     * The Civil Rights Data Collection (CRDC, U.S. Department of Education Office for Civil Rights): absent 15 or
     * more school days in the year, a fixed count rather than a rate; a day counts when at least half of it was
     * missed. Every student-enrollment is counted at its school.
     */
    public static final ChronicAbsenceDefinition CRDC = builder("CRDC")
            .fixedDaysAbsent(15)
            .aggregation(Aggregation.PER_ENROLLMENT)
            .build();

    /**
     * California Department of Education (DataQuest chronic absenteeism rate, CALPADS end-of-year 3 data):
     * absent 10% or more of the days the student was expected to attend, counting only students with more than 30
     * expected days (31 or more); excused, unexcused and out-of-school suspension days are absent days, in-school
     * suspension days are expected days attended, and a student present when attendance was taken is in
     * attendance, so a partial day or an early departure is a present day. Each reporting level (school,
     * district) counts a student once with the days at that level ({@link Aggregation#POOLED}). The Dashboard
     * indicator (grades K–8 only) is not this preset.
     */
    public static final ChronicAbsenceDefinition CALIFORNIA = builder("CALIFORNIA")
            .threshold(TEN_PERCENT, Boundary.INCLUSIVE)
            .minimumDaysEnrolled(31)
            .treat(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, CategoryTreatment.ABSENT)
            .treat(AttendanceCategory.IN_SCHOOL_SUSPENSION, CategoryTreatment.PRESENT)
            .treat(AttendanceCategory.PARTIAL, CategoryTreatment.PRESENT)
            .treat(AttendanceCategory.EARLY_DEPARTURE, CategoryTreatment.PRESENT)
            .aggregation(Aggregation.POOLED)
            .build();

    private final String name;
    private final Optional<Ratio> threshold;
    private final Boundary boundary;
    private final Optional<Integer> fixedDaysAbsent;
    private final int minimumDaysEnrolled;
    private final int minimumDaysPresent;
    private final DayRule dayRule;
    private final Map<AttendanceCategory, CategoryTreatment> treatments;
    private final Aggregation aggregation;
    private final Set<GradeLevel> grades;
    private final Set<SchoolType> excludedSchoolTypes;

    private ChronicAbsenceDefinition(Builder b) {
        this.name = b.name;
        this.threshold = Optional.ofNullable(b.threshold);
        this.boundary = b.boundary == null ? Boundary.INCLUSIVE : b.boundary;
        this.fixedDaysAbsent = Optional.ofNullable(b.fixedDaysAbsent);
        this.minimumDaysEnrolled = b.minimumDaysEnrolled == null ? 0 : b.minimumDaysEnrolled;
        this.minimumDaysPresent = b.minimumDaysPresent == null ? 0 : b.minimumDaysPresent;
        this.dayRule = b.dayRule == null ? DayRule.HALF_DAY_OR_MORE : b.dayRule;
        EnumMap<AttendanceCategory, CategoryTreatment> t = new EnumMap<>(AttendanceCategory.class);
        for (AttendanceCategory c : AttendanceCategory.values()) {
            t.put(c, b.treatments.getOrDefault(c, defaultTreatment(c)));
        }
        this.treatments = Collections.unmodifiableMap(t);
        this.aggregation = b.aggregation == null ? Aggregation.POOLED : b.aggregation;
        this.grades = Collections.unmodifiableSet(b.grades == null ? EnumSet.allOf(GradeLevel.class) : EnumSet.copyOf(b.grades));
        this.excludedSchoolTypes = Collections.unmodifiableSet(b.excludedSchoolTypes == null
                ? EnumSet.noneOf(SchoolType.class) : EnumSet.copyOf(b.excludedSchoolTypes));
    }

    /**
     * The treatment of a category when a definition does not set one: PRESENT, TARDY and IN_SCHOOL_SUSPENSION
     * are present days, OUT_OF_SCHOOL_SUSPENSION is an absent day, and the duration decides for the excused and
     * unexcused absences, partial days and early departures. Tardies are never absences (EDFacts FS195 counts days absent, not late arrivals).
     *
     * @param category an attendance category
     * @return how that category counts when a definition does not say
     */
    public static CategoryTreatment defaultTreatment(AttendanceCategory category) {
        return switch (Objects.requireNonNull(category, "category")) {
            case PRESENT, TARDY, IN_SCHOOL_SUSPENSION -> CategoryTreatment.PRESENT;
            case OUT_OF_SCHOOL_SUSPENSION -> CategoryTreatment.ABSENT;
            case EXCUSED_ABSENCE, UNEXCUSED_ABSENCE, PARTIAL, EARLY_DEPARTURE -> CategoryTreatment.BY_DURATION;
        };
    }

    /**
     * {@return a builder for a custom definition with this name; each setting may be set once}
     *
     * @param name a builder for a custom definition with this name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return the definition's name, such as {@code FEDERAL}} */
    public String name() {
        return name;
    }

    /** {@return the absence-rate threshold in rate mode; empty in fixed-days mode} */
    public Optional<Ratio> threshold() {
        return threshold;
    }

    /** {@return whether a rate equal to the threshold meets it (default {@link Boundary#INCLUSIVE})} */
    public Boundary boundary() {
        return boundary;
    }

    /**
     * {@return the number of absent days that makes a student chronically absent in fixed-days mode; empty in rate
     * mode}
     */
    public Optional<Integer> fixedDaysAbsent() {
        return fixedDaysAbsent;
    }

    /** {@return the fewest instructional days enrolled for a student to be counted (0: no minimum)} */
    public int minimumDaysEnrolled() {
        return minimumDaysEnrolled;
    }

    /** {@return the fewest days present for a student to be counted (0: no minimum)} */
    public int minimumDaysPresent() {
        return minimumDaysPresent;
    }

    /**
     * How the share of a day missed becomes days absent (default {@link DayRule#HALF_DAY_OR_MORE}).
     *
     * @return the day rule
     */
    public DayRule dayRule() {
        return dayRule;
    }

    /**
     * How records of {@code category} count.
     *
     * @param category an attendance category
     * @return the treatment of that category under this definition
     */
    public CategoryTreatment treatment(AttendanceCategory category) {
        return treatments.get(Objects.requireNonNull(category, "category"));
    }

    /**
     * How a student who moved is counted above the school (default {@link Aggregation#POOLED}).
     *
     * @return the aggregation above the school
     */
    public Aggregation aggregation() {
        return aggregation;
    }

    /** {@return the grades considered, by the enrollment's entry grade (default all)} */
    public Set<GradeLevel> grades() {
        return grades;
    }

    /** {@return the kinds of school whose enrollments are not considered (default none)} */
    public Set<SchoolType> excludedSchoolTypes() {
        return excludedSchoolTypes;
    }

    /**
     * {@return whether an enrollment in {@code grade} at a school of type {@code schoolType} is considered}
     *
     * @param grade the enrollment's entry grade
     * @param schoolType the type of the school
     */
    public boolean considers(GradeLevel grade, SchoolType schoolType) {
        return grades.contains(Objects.requireNonNull(grade, "grade"))
                && !excludedSchoolTypes.contains(Objects.requireNonNull(schoolType, "schoolType"));
    }

    /**
     * The share of a day counted absent, in ten-thousandths of a day (0 to {@link DayShare#SCALE}), for one
     * attendance record of {@code category} whose share of the day missed is {@code durationTenThousandths}.
     *
     * @param category the record's category
     * @param durationTenThousandths the share of the day missed, in ten-thousandths of a day
     * @return the share counted absent, in ten-thousandths of a day
     */
    public int absentShare(AttendanceCategory category, int durationTenThousandths) {
        return switch (treatment(category)) {
            case PRESENT -> 0;
            case ABSENT -> DayShare.SCALE;
            case BY_DURATION -> dayRule == DayRule.FRACTIONAL
                    ? durationTenThousandths
                    : (2 * durationTenThousandths >= DayShare.SCALE ? DayShare.SCALE : 0);
        };
    }

    /**
     * {@link #absentShare(AttendanceCategory, int)} of a {@link DayShare}.
     *
     * @param category the record's category
     * @param duration the share of the day missed
     * @return the share counted absent, in ten-thousandths of a day
     */
    public int absentShare(AttendanceCategory category, DayShare duration) {
        return absentShare(category, Objects.requireNonNull(duration, "duration").tenThousandths());
    }

    /**
     * Classifies one student-enrollment or pooled student-year by the rules in the class description.
     *
     * @param daysEnrolled          instructional days enrolled, not negative
     * @param absentTenThousandths  days absent in ten-thousandths of a day, from 0 to {@code daysEnrolled × 10,000}
     * @return counted and chronically absent, counted and not, or not counted with the reason
     */
    public ChronicAbsenceStatus classify(int daysEnrolled, long absentTenThousandths) {
        if (daysEnrolled < 0) {
            throw new IllegalArgumentException("days enrolled must not be negative, was " + daysEnrolled);
        }
        long enrolledUnits = (long) daysEnrolled * DayShare.SCALE;
        if (absentTenThousandths < 0 || absentTenThousandths > enrolledUnits) {
            throw new IllegalArgumentException("days absent must be from 0 to the days enrolled (" + daysEnrolled
                    + "), was " + absentTenThousandths + " ten-thousandths");
        }
        if (daysEnrolled == 0) {
            return ChronicAbsenceStatus.NOT_ENROLLED_ON_ANY_DAY;
        }
        if (daysEnrolled < minimumDaysEnrolled) {
            return ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED;
        }
        if (enrolledUnits - absentTenThousandths < (long) minimumDaysPresent * DayShare.SCALE) {
            return ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_PRESENT;
        }
        boolean chronic;
        if (fixedDaysAbsent.isPresent()) {
            chronic = absentTenThousandths >= (long) fixedDaysAbsent.get() * DayShare.SCALE;
        } else {
            int c = Ratio.of(absentTenThousandths, enrolledUnits).compareTo(threshold.orElseThrow());
            chronic = boundary == Boundary.INCLUSIVE ? c >= 0 : c > 0;
        }
        return chronic ? ChronicAbsenceStatus.CHRONICALLY_ABSENT : ChronicAbsenceStatus.NOT_CHRONICALLY_ABSENT;
    }

    /**
     * Equal when every setting is: name, threshold (as a fraction: 1/10 equals 2/20) and boundary, fixed days,
     * minimums, day rule, category treatments, aggregation, grades and excluded school types. Two accumulators built
     * on different machines with equal definitions can therefore merge.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChronicAbsenceDefinition d)) {
            return false;
        }
        boolean sameThreshold = threshold.isPresent() == d.threshold.isPresent()
                && (threshold.isEmpty() || threshold.get().compareTo(d.threshold.get()) == 0);
        return sameThreshold && name.equals(d.name) && boundary == d.boundary && fixedDaysAbsent.equals(d.fixedDaysAbsent)
                && minimumDaysEnrolled == d.minimumDaysEnrolled && minimumDaysPresent == d.minimumDaysPresent
                && dayRule == d.dayRule && treatments.equals(d.treatments) && aggregation == d.aggregation
                && grades.equals(d.grades) && excludedSchoolTypes.equals(d.excludedSchoolTypes);
    }

    /** Consistent with {@link #equals(Object)} (the threshold, equal as a fraction, is left out). */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, boundary, fixedDaysAbsent, minimumDaysEnrolled, minimumDaysPresent, dayRule,
                treatments, aggregation, grades, excludedSchoolTypes);
    }

    @Override
    public String toString() {
        return "ChronicAbsenceDefinition[" + name
                + (threshold.isPresent() ? ", absent " + (boundary == Boundary.INCLUSIVE ? ">= " : "> ") + threshold.get() + " of days enrolled"
                                         : ", absent >= " + fixedDaysAbsent.orElseThrow() + " days")
                + ", minimum days enrolled " + minimumDaysEnrolled + ", minimum days present " + minimumDaysPresent
                + ", " + dayRule + ", " + aggregation + "]";
    }

    /**
     * Builds a {@link ChronicAbsenceDefinition}. Each setting may be set once and is checked at once; {@link #build()}
     * checks the combination (exactly one of a threshold or a fixed number of days). Not thread-safe; the built
     * definition is.
     */
    public static final class Builder {
        private final String name;
        private Ratio threshold;
        private Boundary boundary;
        private Integer fixedDaysAbsent;
        private Integer minimumDaysEnrolled;
        private Integer minimumDaysPresent;
        private DayRule dayRule;
        private final EnumMap<AttendanceCategory, CategoryTreatment> treatments = new EnumMap<>(AttendanceCategory.class);
        private Aggregation aggregation;
        private Set<GradeLevel> grades;
        private Set<SchoolType> excludedSchoolTypes;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
        }

        private static void requireUnset(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        /**
         * Rate mode: chronically absent when days absent ÷ days enrolled reaches {@code threshold}.
         *
         * @param threshold a ratio above 0 and at most 1, such as {@code 1/10}
         * @param boundary  whether a rate equal to the threshold meets it
         * @return this builder
         */
        public Builder threshold(Ratio threshold, Boundary boundary) {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(boundary, "boundary");
            requireUnset(this.threshold, "threshold");
            if (threshold.numerator() <= 0 || threshold.compareTo(Ratio.of(1, 1)) > 0) {
                throw new IllegalArgumentException("threshold must be above 0 and at most 1, was " + threshold);
            }
            this.threshold = threshold;
            this.boundary = boundary;
            return this;
        }

        /**
         * Fixed-days mode: chronically absent when absent at least {@code days} days (CRDC: 15); at least 1.
         *
         * @param days the number of days absent
         * @return this builder
         */
        public Builder fixedDaysAbsent(int days) {
            requireUnset(fixedDaysAbsent, "fixedDaysAbsent");
            if (days < 1) {
                throw new IllegalArgumentException("fixed days absent must be at least 1, was " + days);
            }
            this.fixedDaysAbsent = days;
            return this;
        }

        /**
         * Students enrolled fewer instructional days are not counted; 0 (the default) for no minimum.
         *
         * @param days the minimum number of instructional days enrolled
         * @return this builder
         */
        public Builder minimumDaysEnrolled(int days) {
            requireUnset(minimumDaysEnrolled, "minimumDaysEnrolled");
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("minimum days enrolled must be 0-366, was " + days);
            }
            this.minimumDaysEnrolled = days;
            return this;
        }

        /**
         * Students present fewer days are not counted; 0 (the default) for no minimum.
         *
         * @param days the minimum number of days present
         * @return this builder
         */
        public Builder minimumDaysPresent(int days) {
            requireUnset(minimumDaysPresent, "minimumDaysPresent");
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("minimum days present must be 0-366, was " + days);
            }
            this.minimumDaysPresent = days;
            return this;
        }

        /**
         * How the share of a day missed becomes days absent (default {@link DayRule#HALF_DAY_OR_MORE}).
         *
         * @param rule the day rule
         * @return this builder
         */
        public Builder dayRule(DayRule rule) {
            Objects.requireNonNull(rule, "rule");
            requireUnset(dayRule, "dayRule");
            this.dayRule = rule;
            return this;
        }

        /**
         * How records of {@code category} count (default {@link ChronicAbsenceDefinition#defaultTreatment}). A
         * PRESENT record can never be an absence, and a tardy never a whole absent day.
         *
         * @param category an attendance category
         * @param treatment how its records count
         * @return this builder
         */
        public Builder treat(AttendanceCategory category, CategoryTreatment treatment) {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(treatment, "treatment");
            requireUnset(treatments.get(category), "treatment of " + category);
            if (category == AttendanceCategory.PRESENT && treatment != CategoryTreatment.PRESENT) {
                throw new IllegalArgumentException("a PRESENT record must be treated as present, was " + treatment);
            }
            if (category == AttendanceCategory.TARDY && treatment == CategoryTreatment.ABSENT) {
                throw new IllegalArgumentException("a tardy is not an absence (EDFacts FS195); TARDY cannot be treated as ABSENT");
            }
            treatments.put(category, treatment);
            return this;
        }

        /**
         * How a student who moved is counted above the school (default {@link Aggregation#POOLED}).
         *
         * @param aggregation the aggregation above the school
         * @return this builder
         */
        public Builder aggregation(Aggregation aggregation) {
            Objects.requireNonNull(aggregation, "aggregation");
            requireUnset(this.aggregation, "aggregation");
            this.aggregation = aggregation;
            return this;
        }

        /**
         * Consider only enrollments whose entry grade is one of {@code grades} (California's Dashboard: KG–08); not
         * empty.
         *
         * @param grades the entry grades considered
         * @return this builder
         */
        public Builder grades(Set<GradeLevel> grades) {
            Objects.requireNonNull(grades, "grades");
            requireUnset(this.grades, "grades");
            if (grades.isEmpty()) {
                throw new IllegalArgumentException("grades must not be empty");
            }
            this.grades = EnumSet.copyOf(grades);
            return this;
        }

        /**
         * Do not consider enrollments at schools of these types (for example {@code TRANSFER} or {@code
         * SPECIAL_EDUCATION}).
         *
         * @param types the school types excluded
         * @return this builder
         */
        public Builder excludeSchoolTypes(Set<SchoolType> types) {
            Objects.requireNonNull(types, "types");
            requireUnset(this.excludedSchoolTypes, "excludedSchoolTypes");
            this.excludedSchoolTypes = types.isEmpty() ? EnumSet.noneOf(SchoolType.class) : EnumSet.copyOf(types);
            return this;
        }

        /**
         * The definition.
         *
         * @return the definition
         * @throws IllegalStateException unless exactly one of {@link #threshold} and {@link #fixedDaysAbsent} was set
         */
        public ChronicAbsenceDefinition build() {
            if ((threshold == null) == (fixedDaysAbsent == null)) {
                throw new IllegalStateException("set exactly one of threshold (rate mode) and fixedDaysAbsent (fixed-days mode) for definition " + name);
            }
            if (excludedSchoolTypes != null && excludedSchoolTypes.containsAll(EnumSet.allOf(SchoolType.class))) {
                throw new IllegalStateException("excluding every school type leaves nothing to measure in definition " + name);
            }
            return new ChronicAbsenceDefinition(this);
        }
    }
}

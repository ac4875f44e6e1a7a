package org.communityschools.metrics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.Subject;

/**
 * The cut points of an early-warning (ABC: attendance, behavior, course performance) list: which figures flag a
 * student, and at which level. Every cut point is optional and configurable; a flag is raised at
 * {@link EarlyWarningFlag.Level#AT_RISK} when an at-risk cut point is met, otherwise at
 * {@link EarlyWarningFlag.Level#EARLY_WARNING} when an early-warning cut point is met. All comparisons are exact
 * ({@link Ratio} cross-multiplication, {@link BigDecimal} sums), never floating point. Immutable and thread-safe.
 *
 * <p>The indicators, as computed by {@link EarlyWarning}:
 * <ul>
 *   <li><b>Attendance</b>: the student's attendance rate year to date (days present ÷ days enrolled, pooled over the
 *       student's enrollments in the district that year), with days counted by {@link #attendance()} (the day rule and
 *       category treatment of a {@link ChronicAbsenceDefinition}); flagged when the rate is strictly below the cut.</li>
 *   <li><b>Behavior</b>: incidents dated in the school year up to the as-of date, at any school of the district:
 *       suspensions (an incident whose action is in {@link #suspensionActions()}), incidents (whose behavior is in
 *       {@link #incidentBehaviors()}) and state offenses ({@link BehaviorType#STATE_OFFENSE}); flagged when a count
 *       reaches its cut ({@code ≥}).</li>
 *   <li><b>Course performance</b>: the student's course marks of the school year in {@link #courseSubjects()}: failed
 *       courses (result {@code FAIL}) reaching the cut ({@code ≥}), the average numeric mark of a subject strictly
 *       below the cut, or credits earned ÷ credits attempted (all subjects) strictly below the cut.</li>
 * </ul>
 *
 * <p>Presets: {@link #EVERYONE_GRADUATES} and {@link #ED_FI_AMT}. Local cut points differ ("local factors and policies
 * also play a role in determining the cut points", Bruce, Bridgeland, Fox &amp; Balfanz 2011, <i>On Track for
 * Success</i>, p. 15): build your own with {@link #builder(String)}.
 *
 * @param name                     a label for reports
 * @param attendance               how days present and absent are counted (its threshold and minimums are not used)
 * @param attendanceAtRiskBelow    attendance rate below which a student is at risk
 * @param attendanceWarningBelow   attendance rate below which a student gets an early warning
 * @param suspensionActions        the actions that count as a suspension
 * @param suspensionsAtRisk        suspensions from which a student is at risk
 * @param incidentBehaviors        the behaviors whose incidents are counted
 * @param incidentsAtRisk          incidents from which a student is at risk
 * @param incidentsWarning         incidents from which a student gets an early warning
 * @param stateOffensesAtRisk      state offenses from which a student is at risk
 * @param courseSubjects           the subjects whose courses are looked at (failures and average marks)
 * @param failuresAtRisk           failed courses from which a student is at risk
 * @param averageMarkAtRiskBelow   average numeric mark of one subject below which a student is at risk
 * @param averageMarkWarningBelow  average numeric mark of one subject below which a student gets an early warning
 * @param creditsEarnedAtRiskBelow credits earned ÷ credits attempted below which a student is at risk (credits behind)
 */
public record EarlyWarningDefinition(String name, ChronicAbsenceDefinition attendance,
                                     Optional<Ratio> attendanceAtRiskBelow, Optional<Ratio> attendanceWarningBelow,
                                     Set<DisciplineActionType> suspensionActions, Optional<Integer> suspensionsAtRisk,
                                     Set<BehaviorType> incidentBehaviors, Optional<Integer> incidentsAtRisk,
                                     Optional<Integer> incidentsWarning, Optional<Integer> stateOffensesAtRisk,
                                     Set<Subject> courseSubjects, Optional<Integer> failuresAtRisk,
                                     Optional<BigDecimal> averageMarkAtRiskBelow, Optional<BigDecimal> averageMarkWarningBelow,
                                     Optional<Ratio> creditsEarnedAtRiskBelow) {

    /**
     * The Everyone Graduates Center (Johns Hopkins University) ABC indicators of Balfanz, Herzog &amp; Mac Iver
     * (2007), "Preventing Student Disengagement and Keeping Students on the Graduation Path in Urban Middle-Grades
     * Schools: Early Identification and Effective Interventions", <i>Educational Psychologist</i> 42(4), and the
     * Everyone Graduates Center's early warning indicator guides: attendance below 90% (chronically absent), any
     * suspension (in-school, out-of-school or expulsion) or 2 or more behavior incidents, and failing an ELA or a
     * math course. One level only ({@code AT_RISK}, "off track"). The original study used a final grade of F, or a
     * "poor final behavior mark"; a GPA cut is not set (use {@link Builder#averageMarkAtRiskBelow}).
     */
    public static final EarlyWarningDefinition EVERYONE_GRADUATES = builder("EVERYONE_GRADUATES")
            .attendanceAtRiskBelow(Ratio.of(90, 100))
            .suspensionsAtRisk(1)
            .incidentsAtRisk(2)
            .failuresAtRisk(1)
            .build();

    /**
     * The sample cut points of the Ed-Fi Analytics Middle Tier early warning system ({@code samples/RiskIndicators.sql}
     * and {@code docs/early-warning-system.md} of Ed-Fi-Alliance-OSS/Ed-Fi-Analytics-Middle-Tier, "based on the
     * Balfanz, et al. model"): attendance below 80% at risk, below 88% early warning; any state offense at risk, more
     * than 5 code-of-conduct offenses at risk and more than 2 early warning (here: 6 or more, 3 or more, counting
     * incidents of {@link BehaviorType#SCHOOL_CODE_OF_CONDUCT}); math or English average grade below 65 at risk, below
     * 72 early warning. The AMT computes grades over the most recent grading period and attendance from its daily
     * fact table; here they are computed over the school year up to the as-of date. The Ed-Fi samples state that
     * their thresholds "may or may not be appropriate for a given district or state"; no suspension or failed-course
     * cut is set.
     */
    public static final EarlyWarningDefinition ED_FI_AMT = builder("ED_FI_AMT")
            .attendanceAtRiskBelow(Ratio.of(80, 100))
            .attendanceWarningBelow(Ratio.of(88, 100))
            .stateOffensesAtRisk(1)
            .incidentBehaviors(EnumSet.of(BehaviorType.SCHOOL_CODE_OF_CONDUCT))
            .incidentsAtRisk(6)
            .incidentsWarning(3)
            .averageMarkAtRiskBelow(new BigDecimal("65"))
            .averageMarkWarningBelow(new BigDecimal("72"))
            .build();

    /**
     * Checks that nothing is missing, the cut points are in range, and each early-warning cut point is no stricter
     * than the at-risk one; copies the sets.
     *
     * @param name a label for reports
     * @param attendance how days present and absent are counted (its threshold and minimums are not used)
     * @param attendanceAtRiskBelow attendance rate below which a student is at risk
     * @param attendanceWarningBelow attendance rate below which a student gets an early warning
     * @param suspensionActions the actions that count as a suspension
     * @param suspensionsAtRisk suspensions from which a student is at risk
     * @param incidentBehaviors the behaviors whose incidents are counted
     * @param incidentsAtRisk incidents from which a student is at risk
     * @param incidentsWarning incidents from which a student gets an early warning
     * @param stateOffensesAtRisk state offenses from which a student is at risk
     * @param courseSubjects the subjects whose courses are looked at (failures and average marks)
     * @param failuresAtRisk failed courses from which a student is at risk
     * @param averageMarkAtRiskBelow average numeric mark of one subject below which a student is at risk
     * @param averageMarkWarningBelow average numeric mark of one subject below which a student gets an early warning
     * @param creditsEarnedAtRiskBelow credits earned ÷ credits attempted below which a student is at risk (credits
     *     behind)
     */
    public EarlyWarningDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attendance, "attendance");
        rate(attendanceAtRiskBelow, "attendanceAtRiskBelow");
        rate(attendanceWarningBelow, "attendanceWarningBelow");
        suspensionActions = Collections.unmodifiableSet(EnumSet.copyOf(setOf(suspensionActions, DisciplineActionType.class, "suspensionActions")));
        count(suspensionsAtRisk, "suspensionsAtRisk");
        incidentBehaviors = Collections.unmodifiableSet(EnumSet.copyOf(setOf(incidentBehaviors, BehaviorType.class, "incidentBehaviors")));
        count(incidentsAtRisk, "incidentsAtRisk");
        count(incidentsWarning, "incidentsWarning");
        count(stateOffensesAtRisk, "stateOffensesAtRisk");
        courseSubjects = Collections.unmodifiableSet(EnumSet.copyOf(setOf(courseSubjects, Subject.class, "courseSubjects")));
        count(failuresAtRisk, "failuresAtRisk");
        Objects.requireNonNull(averageMarkAtRiskBelow, "averageMarkAtRiskBelow");
        Objects.requireNonNull(averageMarkWarningBelow, "averageMarkWarningBelow");
        rate(creditsEarnedAtRiskBelow, "creditsEarnedAtRiskBelow");
        if (attendanceAtRiskBelow.isPresent() && attendanceWarningBelow.isPresent()
                && attendanceWarningBelow.get().compareTo(attendanceAtRiskBelow.get()) < 0) {
            throw new IllegalArgumentException("an early warning comes before at risk: attendanceWarningBelow ("
                    + attendanceWarningBelow.get() + ") must not be below attendanceAtRiskBelow (" + attendanceAtRiskBelow.get() + ")");
        }
        if (incidentsAtRisk.isPresent() && incidentsWarning.isPresent() && incidentsWarning.get() > incidentsAtRisk.get()) {
            throw new IllegalArgumentException("an early warning comes before at risk: incidentsWarning (" + incidentsWarning.get()
                    + ") must not be above incidentsAtRisk (" + incidentsAtRisk.get() + ")");
        }
        if (averageMarkAtRiskBelow.isPresent() && averageMarkWarningBelow.isPresent()
                && averageMarkWarningBelow.get().compareTo(averageMarkAtRiskBelow.get()) < 0) {
            throw new IllegalArgumentException("an early warning comes before at risk: averageMarkWarningBelow ("
                    + averageMarkWarningBelow.get().toPlainString() + ") must not be below averageMarkAtRiskBelow ("
                    + averageMarkAtRiskBelow.get().toPlainString() + ")");
        }
    }

    private static <E extends Enum<E>> Set<E> setOf(Set<E> set, Class<E> type, String what) {
        Objects.requireNonNull(set, what);
        return set.isEmpty() ? EnumSet.noneOf(type) : set;
    }

    private static void rate(Optional<Ratio> cut, String what) {
        Objects.requireNonNull(cut, what);
        cut.ifPresent(r -> {
            if (r.numerator() <= 0 || r.numerator() > r.denominator()) {
                throw new IllegalArgumentException(what + " must be above 0 and at most 1, was " + r);
            }
        });
    }

    private static void count(Optional<Integer> cut, String what) {
        Objects.requireNonNull(cut, what);
        cut.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, was " + n);
            }
        });
    }

    /**
     * {@return a builder for a definition named {@code name}; every cut point is unset (never flags) until set}
     *
     * @param name a builder for a definition named {@code name}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds an {@link EarlyWarningDefinition}; each setting may be set once (a second call throws
     * {@link IllegalStateException}). Defaults: attendance counted as {@link ChronicAbsenceDefinition#FEDERAL}
     * (half-day rule), suspensions are {@code IN_SCHOOL_SUSPENSION}, {@code OUT_OF_SCHOOL_SUSPENSION} and
     * {@code EXPULSION}, incidents of every behavior, subjects ELA and math, no cut point. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private ChronicAbsenceDefinition attendance;
        private Ratio attendanceAtRiskBelow;
        private Ratio attendanceWarningBelow;
        private Set<DisciplineActionType> suspensionActions;
        private Integer suspensionsAtRisk;
        private Set<BehaviorType> incidentBehaviors;
        private Integer incidentsAtRisk;
        private Integer incidentsWarning;
        private Integer stateOffensesAtRisk;
        private Set<Subject> courseSubjects;
        private Integer failuresAtRisk;
        private BigDecimal averageMarkAtRiskBelow;
        private BigDecimal averageMarkWarningBelow;
        private Ratio creditsEarnedAtRiskBelow;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
        }

        private static <T> T once(Object current, T value, String setting) {
            Objects.requireNonNull(value, setting);
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
            return value;
        }

        /**
         * How days present are counted: the day rule and category treatment of {@code definition}.
         *
         * @param definition the chronic-absence definition whose day rule and category treatment count days present
         * @return this builder
         */
        public Builder attendance(ChronicAbsenceDefinition definition) {
            attendance = once(attendance, definition, "attendance");
            return this;
        }

        /**
         * At risk when the attendance rate is strictly below {@code rate} (exactly the cut is not flagged).
         *
         * @param rate the at-risk cut, between 0 and 1
         * @return this builder
         */
        public Builder attendanceAtRiskBelow(Ratio rate) {
            attendanceAtRiskBelow = once(attendanceAtRiskBelow, rate, "attendanceAtRiskBelow");
            return this;
        }

        /**
         * Early warning when the attendance rate is strictly below {@code rate}.
         *
         * @param rate the early-warning cut, between 0 and 1
         * @return this builder
         */
        public Builder attendanceWarningBelow(Ratio rate) {
            attendanceWarningBelow = once(attendanceWarningBelow, rate, "attendanceWarningBelow");
            return this;
        }

        /**
         * The discipline actions that count as a suspension.
         *
         * @param actions the discipline actions that count as a suspension
         * @return this builder
         */
        public Builder suspensionActions(Set<DisciplineActionType> actions) {
            suspensionActions = once(suspensionActions, Set.copyOf(actions), "suspensionActions");
            return this;
        }

        /**
         * At risk from {@code n} suspensions.
         *
         * @param n the number of suspensions in the year that puts a student at risk
         * @return this builder
         */
        public Builder suspensionsAtRisk(int n) {
            suspensionsAtRisk = once(suspensionsAtRisk, n, "suspensionsAtRisk");
            return this;
        }

        /**
         * The behaviors whose incidents are counted.
         *
         * @param behaviors the behaviors whose incidents are counted
         * @return this builder
         */
        public Builder incidentBehaviors(Set<BehaviorType> behaviors) {
            incidentBehaviors = once(incidentBehaviors, Set.copyOf(behaviors), "incidentBehaviors");
            return this;
        }

        /**
         * At risk from {@code n} incidents.
         *
         * @param n the number of incidents in the year that puts a student at risk
         * @return this builder
         */
        public Builder incidentsAtRisk(int n) {
            incidentsAtRisk = once(incidentsAtRisk, n, "incidentsAtRisk");
            return this;
        }

        /**
         * Early warning from {@code n} incidents.
         *
         * @param n the number of incidents in the year that raises an early warning
         * @return this builder
         */
        public Builder incidentsWarning(int n) {
            incidentsWarning = once(incidentsWarning, n, "incidentsWarning");
            return this;
        }

        /**
         * At risk from {@code n} state offenses.
         *
         * @param n the number of state offenses in the year that puts a student at risk
         * @return this builder
         */
        public Builder stateOffensesAtRisk(int n) {
            stateOffensesAtRisk = once(stateOffensesAtRisk, n, "stateOffensesAtRisk");
            return this;
        }

        /**
         * The subjects whose courses are looked at.
         *
         * @param subjects the subjects whose courses are looked at
         * @return this builder
         */
        public Builder courseSubjects(Set<Subject> subjects) {
            courseSubjects = once(courseSubjects, Set.copyOf(subjects), "courseSubjects");
            return this;
        }

        /**
         * At risk from {@code n} failed courses in the subjects.
         *
         * @param n the number of failed courses that puts a student at risk
         * @return this builder
         */
        public Builder failuresAtRisk(int n) {
            failuresAtRisk = once(failuresAtRisk, n, "failuresAtRisk");
            return this;
        }

        /**
         * At risk when the average numeric mark of a subject is strictly below {@code mark}.
         *
         * @param mark the cut, on the numeric mark scale of the course marks
         * @return this builder
         */
        public Builder averageMarkAtRiskBelow(BigDecimal mark) {
            averageMarkAtRiskBelow = once(averageMarkAtRiskBelow, mark, "averageMarkAtRiskBelow");
            return this;
        }

        /**
         * Early warning when the average numeric mark of a subject is strictly below {@code mark}.
         *
         * @param mark the cut, on the numeric mark scale of the course marks
         * @return this builder
         */
        public Builder averageMarkWarningBelow(BigDecimal mark) {
            averageMarkWarningBelow = once(averageMarkWarningBelow, mark, "averageMarkWarningBelow");
            return this;
        }

        /**
         * At risk when credits earned ÷ credits attempted is strictly below {@code rate} (credits behind).
         *
         * @param rate the cut, between 0 and 1
         * @return this builder
         */
        public Builder creditsEarnedAtRiskBelow(Ratio rate) {
            creditsEarnedAtRiskBelow = once(creditsEarnedAtRiskBelow, rate, "creditsEarnedAtRiskBelow");
            return this;
        }

        /** {@return the definition} */
        public EarlyWarningDefinition build() {
            return new EarlyWarningDefinition(name, attendance == null ? ChronicAbsenceDefinition.FEDERAL : attendance,
                    Optional.ofNullable(attendanceAtRiskBelow), Optional.ofNullable(attendanceWarningBelow),
                    suspensionActions == null ? EnumSet.of(DisciplineActionType.IN_SCHOOL_SUSPENSION,
                            DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION, DisciplineActionType.EXPULSION) : suspensionActions,
                    Optional.ofNullable(suspensionsAtRisk),
                    incidentBehaviors == null ? EnumSet.allOf(BehaviorType.class) : incidentBehaviors,
                    Optional.ofNullable(incidentsAtRisk), Optional.ofNullable(incidentsWarning),
                    Optional.ofNullable(stateOffensesAtRisk),
                    courseSubjects == null ? EnumSet.of(Subject.ELA, Subject.MATH) : courseSubjects,
                    Optional.ofNullable(failuresAtRisk), Optional.ofNullable(averageMarkAtRiskBelow),
                    Optional.ofNullable(averageMarkWarningBelow), Optional.ofNullable(creditsEarnedAtRiskBelow));
        }
    }
}

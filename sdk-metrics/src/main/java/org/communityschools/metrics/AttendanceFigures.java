package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DayShare;
import org.communityschools.metrics.internal.Days;

/**
 * The attendance of one student-enrollment or one pooled student-year, up to an as-of date, under one
 * {@link ChronicAbsenceDefinition}: days enrolled (instructional days of the school's calendar within the
 * enrollment), days absent in total and by category (exact decimals: whole days under the half-day rule, up to
 * four decimal places under the fractional rule), and the chronic-absence status. Rates are exact {@link Ratio}s
 * whose numerator and denominator are the day counts. Immutable and thread-safe.
 *
 * @param daysEnrolled          instructional days enrolled, not negative
 * @param daysAbsent            days absent, from 0 to {@code daysEnrolled}, with at most four decimal places
 * @param daysAbsentByCategory  days absent by the category of the record that made them absent; only categories
 *                              with days absent appear, and the values add up to {@code daysAbsent}
 * @param status                the chronic-absence status under the definition used
 */
public record AttendanceFigures(int daysEnrolled, BigDecimal daysAbsent,
                                Map<AttendanceCategory, BigDecimal> daysAbsentByCategory,
                                ChronicAbsenceStatus status) {
    /**
     * Checks the ranges and that the categories add up; normalizes the decimals ({@code 15.0} becomes {@code 15}).
     *
     * @param daysEnrolled instructional days enrolled, not negative
     * @param daysAbsent days absent, from 0 to {@code daysEnrolled}, with at most four decimal places
     * @param daysAbsentByCategory days absent by the category of the record that made them absent; only categories with
     *     days absent appear, and the values add up to {@code daysAbsent}
     * @param status the chronic-absence status under the definition used
     */
    public AttendanceFigures {
        Objects.requireNonNull(daysAbsent, "daysAbsent");
        Objects.requireNonNull(daysAbsentByCategory, "daysAbsentByCategory");
        Objects.requireNonNull(status, "status");
        if (daysEnrolled < 0) {
            throw new IllegalArgumentException("days enrolled must not be negative, was " + daysEnrolled);
        }
        daysAbsent = normalize(daysAbsent, "daysAbsent", "");
        if (daysAbsent.signum() < 0 || daysAbsent.compareTo(BigDecimal.valueOf(daysEnrolled)) > 0) {
            throw new IllegalArgumentException("days absent must be from 0 to the days enrolled (" + daysEnrolled + "), was " + daysAbsent);
        }
        EnumMap<AttendanceCategory, BigDecimal> byCategory = new EnumMap<>(AttendanceCategory.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<AttendanceCategory, BigDecimal> e : daysAbsentByCategory.entrySet()) {
            BigDecimal raw = e.getValue();
            if (raw == null) {
                throw new NullPointerException("days absent of " + e.getKey());
            }
            // the name is built only when a value is rejected (not for every category of every figure)
            BigDecimal v = normalize(raw, "days absent of ", e.getKey());
            if (v.signum() < 0) {
                throw new IllegalArgumentException("days absent of " + e.getKey() + " must not be negative, was " + v);
            }
            if (v.signum() > 0) {
                byCategory.put(Objects.requireNonNull(e.getKey(), "category"), v);
                sum = sum.add(v);
            }
        }
        if (sum.compareTo(daysAbsent) != 0) {
            throw new IllegalArgumentException("days absent by category must add up to days absent " + daysAbsent + ", was " + sum);
        }
        daysAbsentByCategory = Collections.unmodifiableMap(byCategory);
    }

    private static BigDecimal normalize(BigDecimal value, String name, Object nameSuffix) {
        if (value.scale() == 0) {
            return value; // an integer is already in normal form (stripping would give 2E+1 for 20, then back)
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > 4) {
            throw new IllegalArgumentException(name + nameSuffix + " must have at most 4 decimal places (ten-thousandths of a day), was " + value.toPlainString());
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * Days present: days enrolled minus days absent.
     *
     * @return the days present, exact
     */
    public BigDecimal daysPresent() {
        BigDecimal p = BigDecimal.valueOf(daysEnrolled).subtract(daysAbsent);
        return normalize(p, "daysPresent", "");
    }

    /**
     * Days absent in ten-thousandths of a day ({@link DayShare#SCALE}), exact.
     *
     * @return the days absent, as a whole number of ten-thousandths of a day
     */
    public long daysAbsentTenThousandths() {
        return Days.units(daysAbsent);
    }

    /**
     * Days absent of {@code category} (0 when none).
     *
     * @param category an absence category
     * @return the days absent of that category, exact
     */
    public BigDecimal daysAbsent(AttendanceCategory category) {
        return daysAbsentByCategory.getOrDefault(Objects.requireNonNull(category, "category"), BigDecimal.ZERO);
    }

    /**
     * Days present ÷ days enrolled; empty when not enrolled on any day.
     *
     * @return the attendance rate, exact
     */
    public Optional<Ratio> attendanceRate() {
        return daysEnrolled == 0 ? Optional.empty() : Optional.of(Ratio.of(daysPresent(), BigDecimal.valueOf(daysEnrolled)));
    }

    /**
     * Days absent ÷ days enrolled; empty when not enrolled on any day.
     *
     * @return the absence rate, exact
     */
    public Optional<Ratio> absenceRate() {
        return daysEnrolled == 0 ? Optional.empty() : Optional.of(Ratio.of(daysAbsent, BigDecimal.valueOf(daysEnrolled)));
    }

    /** {@return the Attendance Works tier of the absence rate; empty when not enrolled on any day} */
    public Optional<AttendanceTier> tier() {
        return absenceRate().map(AttendanceTier::of);
    }

    /** {@return whether counted and chronically absent} */
    public boolean isChronicallyAbsent() {
        return status.isChronicallyAbsent();
    }

    /** {@return whether counted (not excluded by a minimum)} */
    public boolean isCounted() {
        return status.isCounted();
    }
}

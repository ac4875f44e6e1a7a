package org.communityschools.metrics;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.Ratio;
import org.communityschools.metrics.internal.Points;

/**
 * Attendance of a group in a window before and a window after a start date: days present and days enrolled summed
 * over the group's members (each member's days in the instructional days of the window on which they were enrolled).
 * The rates are exact {@link Ratio}s; changes are in percentage points. Immutable and thread-safe.
 *
 * @param daysPresentBefore  days present in the windows before, summed
 * @param daysEnrolledBefore days enrolled in the windows before, summed
 * @param daysPresentAfter   days present in the windows after, summed
 * @param daysEnrolledAfter  days enrolled in the windows after, summed
 */
public record WindowRates(BigDecimal daysPresentBefore, long daysEnrolledBefore, BigDecimal daysPresentAfter, long daysEnrolledAfter) {
    /** No days. */
    public static final WindowRates EMPTY = new WindowRates(BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);

    /**
     * Checks that days present are from 0 to days enrolled.
     *
     * @param daysPresentBefore days present in the windows before, summed
     * @param daysEnrolledBefore days enrolled in the windows before, summed
     * @param daysPresentAfter days present in the windows after, summed
     * @param daysEnrolledAfter days enrolled in the windows after, summed
     */
    public WindowRates {
        check(daysPresentBefore, daysEnrolledBefore, "before");
        check(daysPresentAfter, daysEnrolledAfter, "after");
    }

    private static void check(BigDecimal present, long enrolled, String window) {
        Objects.requireNonNull(present, "daysPresent " + window);
        if (enrolled < 0 || present.signum() < 0 || present.compareTo(BigDecimal.valueOf(enrolled)) > 0) {
            throw new IllegalArgumentException("days present " + window + " must be from 0 to days enrolled (" + enrolled
                    + "), was " + present.toPlainString());
        }
    }

    /**
     * These days plus {@code other}'s.
     *
     * @param other the window days of other students
     * @return the sums of both
     */
    public WindowRates plus(WindowRates other) {
        Objects.requireNonNull(other, "other");
        return new WindowRates(daysPresentBefore.add(other.daysPresentBefore), daysEnrolledBefore + other.daysEnrolledBefore,
                daysPresentAfter.add(other.daysPresentAfter), daysEnrolledAfter + other.daysEnrolledAfter);
    }

    /**
     * Days present ÷ days enrolled before; empty without days enrolled.
     *
     * @return the attendance rate in the window before the start
     */
    public Optional<Ratio> before() {
        return daysEnrolledBefore == 0 ? Optional.empty() : Optional.of(Ratio.of(daysPresentBefore, BigDecimal.valueOf(daysEnrolledBefore)));
    }

    /**
     * Days present ÷ days enrolled after; empty without days enrolled.
     *
     * @return the attendance rate in the window after the start
     */
    public Optional<Ratio> after() {
        return daysEnrolledAfter == 0 ? Optional.empty() : Optional.of(Ratio.of(daysPresentAfter, BigDecimal.valueOf(daysEnrolledAfter)));
    }

    /**
     * After − before in percentage points, computed exactly and rounded once (half even) to {@code scale} places.
     *
     * @param scale the number of decimal places
     * @return the change in percentage points; empty when either rate is empty
     */
    public Optional<BigDecimal> changeInPoints(int scale) {
        if (before().isEmpty() || after().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Points.round(Points.change(before().get(), after().get()), scale));
    }
}

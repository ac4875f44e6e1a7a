package org.communityschools.metrics;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.DiplomaType;

/**
 * A student's place in one graduation cohort (a school's or the district's): how they entered, and exactly one
 * of: removed (with the reason), graduated (with the diploma), or still in the adjusted cohort without a diploma
 * (with the outcome). Immutable and thread-safe.
 *
 * @param entry      how the student entered the cohort
 * @param removal    why the student was removed, if removed
 * @param diploma    the counted diploma, if graduated by the cut-off
 * @param nonGraduate the outcome, if in the adjusted cohort without a counted diploma
 */
public record CohortStatus(CohortEntry entry, Optional<CohortRemoval> removal, Optional<DiplomaType> diploma,
                           Optional<NonGraduateOutcome> nonGraduate) {
    /**
     * Checks that exactly one outcome is present.
     *
     * @param entry how the student entered the cohort
     * @param removal why the student was removed, if removed
     * @param diploma the counted diploma, if graduated by the cut-off
     * @param nonGraduate the outcome, if in the adjusted cohort without a counted diploma
     */
    public CohortStatus {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(removal, "removal");
        Objects.requireNonNull(diploma, "diploma");
        Objects.requireNonNull(nonGraduate, "nonGraduate");
        int n = (removal.isPresent() ? 1 : 0) + (diploma.isPresent() ? 1 : 0) + (nonGraduate.isPresent() ? 1 : 0);
        if (n != 1) {
            throw new IllegalArgumentException("a cohort status has exactly one of removal, diploma and non-graduate outcome, had " + n);
        }
    }

    /**
     * Removed for {@code reason}.
     *
     * @param entry how the student entered the cohort
     * @param reason why the student was removed
     * @return the status of a removed student
     */
    public static CohortStatus removed(CohortEntry entry, CohortRemoval reason) {
        return new CohortStatus(entry, Optional.of(reason), Optional.empty(), Optional.empty());
    }

    /**
     * Graduated with {@code diploma}.
     *
     * @param entry how the student entered the cohort
     * @param diploma the diploma that counts
     * @return the status of a graduate
     */
    public static CohortStatus graduated(CohortEntry entry, DiplomaType diploma) {
        return new CohortStatus(entry, Optional.empty(), Optional.of(diploma), Optional.empty());
    }

    /**
     * In the adjusted cohort without a counted diploma.
     *
     * @param entry how the student entered the cohort
     * @param outcome what became of the student
     * @return the status of a non-graduate
     */
    public static CohortStatus nonGraduate(CohortEntry entry, NonGraduateOutcome outcome) {
        return new CohortStatus(entry, Optional.empty(), Optional.empty(), Optional.of(outcome));
    }

    /** {@return whether the student is in the adjusted cohort (the denominator)} */
    public boolean inAdjustedCohort() {
        return removal.isEmpty();
    }

    /** {@return whether the student graduated (the numerator)} */
    public boolean graduated() {
        return diploma.isPresent();
    }
}

package org.communityschools.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.Matching;
import org.communityschools.metrics.internal.Points;

/**
 * The attendance of one intervention type and provider's participants before and after their start, against a
 * matched comparison group of similarly at-risk non-participants at the same schools (see {@link InterventionOutcomes}
 * for the rules). Every rate comes with its days; every group with its count. Immutable and thread-safe.
 *
 * @param type               the intervention type
 * @param providerId         the provider
 * @param participants       students who started with this type and provider in the school year (each once, at their first start)
 * @param measured           participants enrolled on at least one day of both windows
 * @param participantRates   the measured participants' attendance before and after
 * @param matched            measured participants with at least one comparison student
 * @param matchedRates       the matched participants' attendance before and after
 * @param comparisonPairs    participant–comparison pairs (a comparison student may serve several participants)
 * @param comparisonStudents distinct comparison students
 * @param comparisonRates    the comparison students' attendance before and after each matched participant's start,
 *                           summed over the pairs
 * @param matches            each matched participant's comparison students, in order of closeness
 */
public record InterventionOutcome(InterventionType type, EducationOrganizationId providerId, int participants, int measured,
                                  WindowRates participantRates, int matched, WindowRates matchedRates, int comparisonPairs,
                                  int comparisonStudents, WindowRates comparisonRates, Map<StudentId, List<StudentId>> matches) {
    /**
     * Checks that nothing is missing and the counts nest (matched ≤ measured ≤ participants); copies the matches.
     *
     * @param type the intervention type
     * @param providerId the provider
     * @param participants students who started with this type and provider in the school year (each once, at their
     *     first start)
     * @param measured participants enrolled on at least one day of both windows
     * @param participantRates the measured participants' attendance before and after
     * @param matched measured participants with at least one comparison student
     * @param matchedRates the matched participants' attendance before and after
     * @param comparisonPairs participant–comparison pairs (a comparison student may serve several participants)
     * @param comparisonStudents distinct comparison students
     * @param comparisonRates the comparison students' attendance before and after each matched participant's start,
     *     summed over the pairs
     * @param matches each matched participant's comparison students, in order of closeness
     */
    public InterventionOutcome {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(participantRates, "participantRates");
        Objects.requireNonNull(matchedRates, "matchedRates");
        Objects.requireNonNull(comparisonRates, "comparisonRates");
        Matching.checkCounts(matched, measured, participants, "participants", comparisonPairs, comparisonStudents);
        matches = Matching.copyMatches(matches);
    }

    /**
     * The difference between the groups: (matched participants' after − before) − (comparison after − before), in
     * percentage points, computed exactly and rounded once (half even) to {@code scale} places; empty without a match.
     *
     * @param scale the number of decimal places
     * @return the difference in differences, in percentage points
     */
    public Optional<BigDecimal> differenceInPoints(int scale) {
        if (matchedRates.before().isEmpty() || matchedRates.after().isEmpty()
                || comparisonRates.before().isEmpty() || comparisonRates.after().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Points.round(Points.subtract(
                Points.change(matchedRates.before().get(), matchedRates.after().get()),
                Points.change(comparisonRates.before().get(), comparisonRates.after().get())), scale));
    }
}

package org.communityschools.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;

/**
 * Interventions alongside outcomes for one school year: one {@link InterventionOutcome} per intervention type and
 * provider, by type then provider id. Immutable and thread-safe.
 *
 * @param schoolYear            the school year
 * @param windowDays            instructional days in each window before and after a start date
 * @param definition            how days present are counted (day rule and category treatment)
 * @param band                  the matching band: a comparison student's rate before is within this of the participant's
 * @param matchesPerParticipant at most this many comparison students per participant
 * @param outcomes              by type, then provider
 */
public record InterventionOutcomeReport(SchoolYear schoolYear, int windowDays, ChronicAbsenceDefinition definition, Ratio band,
                                        int matchesPerParticipant, List<InterventionOutcome> outcomes) {
    /**
     * Checks that nothing is missing; copies the outcomes.
     *
     * @param schoolYear the school year
     * @param windowDays instructional days in each window before and after a start date
     * @param definition how days present are counted (day rule and category treatment)
     * @param band the matching band: a comparison student's rate before is within this of the participant's
     * @param matchesPerParticipant at most this many comparison students per participant
     * @param outcomes by type, then provider
     */
    public InterventionOutcomeReport {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(band, "band");
        outcomes = List.copyOf(outcomes);
    }

    /**
     * {@return the outcome of {@code type} and {@code provider}, if anyone started it in the year}
     *
     * @param type the kind of intervention
     * @param provider the school or organization that provides it
     */
    public Optional<InterventionOutcome> outcome(InterventionType type, EducationOrganizationId provider) {
        return outcomes.stream().filter(o -> o.type() == type && o.providerId().equals(provider)).findFirst();
    }
}

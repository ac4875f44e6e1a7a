package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Optional;

/**
 * An intervention offered at a school, such as Success Mentoring or attendance outreach ({@code interventions.csv};
 * Ed-Fi's Intervention). Immutable and thread-safe.
 *
 * @param id          the intervention's identifier
 * @param type        the kind of intervention
 * @param providerId  who provides it: a community organization, the school or the district
 * @param schoolId    the school where it is offered
 * @param description a description, if any
 */
public record Intervention(InterventionId id, InterventionType type, EducationOrganizationId providerId, SchoolId schoolId,
                           Optional<@Size(max = 1000) String> description) {
    /**
     * Checks that nothing is missing.
     *
     * @param id the intervention's identifier
     * @param type the kind of intervention
     * @param providerId who provides it: a community organization, the school or the district
     * @param schoolId the school where it is offered
     * @param description a description, if any
     */
    public Intervention {
        Objects.requireNonNull(id, "intervention_id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(providerId, "provider_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(description, "description");
    }

    /** {@code Intervention[id=…, type=…, provider=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "Intervention[id=" + id + ", type=" + type + ", provider=" + providerId.value() + ", school=" + schoolId + "]";
    }
}

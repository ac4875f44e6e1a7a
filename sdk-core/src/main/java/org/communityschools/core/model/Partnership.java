package org.communityschools.core.model;

import java.util.Objects;

/**
 * A community organization working at a school in a school year ({@code partnerships.csv}). A school with a
 * {@link PartnershipRole#LEAD LEAD} partnership in a year is a community school in that year. Immutable and thread-safe.
 *
 * @param schoolId       the school
 * @param organizationId the community organization
 * @param schoolYear     the school year of the partnership
 * @param role           lead or other partner
 */
public record Partnership(SchoolId schoolId, OrganizationId organizationId, SchoolYear schoolYear, PartnershipRole role) {
    /**
     * Checks that nothing is missing.
     *
     * @param schoolId the school
     * @param organizationId the community organization
     * @param schoolYear the school year of the partnership
     * @param role lead or other partner
     */
    public Partnership {
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(schoolYear, "school_year");
        Objects.requireNonNull(role, "role");
    }

    /** {@code Partnership[school=…, organization=…, schoolYear=…, role=…]}: no personal data. */
    @Override
    public String toString() {
        return "Partnership[school=" + schoolId + ", organization=" + organizationId + ", schoolYear=" + schoolYear
                + ", role=" + role + "]";
    }
}

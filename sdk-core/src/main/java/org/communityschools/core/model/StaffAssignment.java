package org.communityschools.core.model;

import java.util.Objects;

/**
 * A staff member's role at a school, the district or a community organization over a period
 * ({@code staff_assignments.csv}; Ed-Fi's StaffEducationOrganizationAssignmentAssociation). Immutable and thread-safe.
 *
 * @param staffId        the staff member
 * @param organizationId where the staff member works in this role
 * @param role           the role
 * @param period         when; the directory's {@code end_date} is the last day, inclusive
 */
public record StaffAssignment(StaffId staffId, EducationOrganizationId organizationId, StaffRole role, DateRange period) {
    /**
     * Checks that nothing is missing.
     *
     * @param staffId the staff member
     * @param organizationId where the staff member works in this role
     * @param role the role
     * @param period when; the directory's {@code end_date} is the last day, inclusive
     */
    public StaffAssignment {
        Objects.requireNonNull(staffId, "staff_id");
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(period, "period");
    }

    /** {@code StaffAssignment[staff=…, organization=…, role=…]}: no personal data. */
    @Override
    public String toString() {
        return "StaffAssignment[staff=" + staffId + ", organization=" + organizationId.value() + ", role=" + role + "]";
    }
}

package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.communityschools.core.internal.Checks;

/**
 * A staff member of the district or of a community organization ({@code staff.csv}). What a staff member may
 * see follows from their {@link StaffAssignment assignments} and {@link StudentStaffRelationship relationships}.
 * Immutable and thread-safe.
 *
 * @param id         the staff member's identifier
 * @param firstName  first name
 * @param lastName   last name
 * @param employerId the employer: the district or a community organization
 */
public record Staff(StaffId id, @Size(max = 100) String firstName, @Size(max = 100) String lastName, OrganizationId employerId) {
    /**
     * Checks that nothing is missing.
     *
     * @param id the staff member's identifier
     * @param firstName first name
     * @param lastName last name
     * @param employerId the employer: the district or a community organization
     */
    public Staff {
        Objects.requireNonNull(id, "staff_id");
        Checks.text(firstName, "first_name");
        Checks.text(lastName, "last_name");
        Objects.requireNonNull(employerId, "employer_id");
    }

    /** {@code Staff[id=…, employer=…]}: no personal data. */
    @Override
    public String toString() {
        return "Staff[id=" + id + ", employer=" + employerId + "]";
    }
}

package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.communityschools.core.internal.Checks;

/**
 * A district (local education agency) or a community organization such as a lead CBO ({@code organizations.csv}).
 * Immutable and thread-safe.
 *
 * @param id   the organization's identifier, unique among schools and organizations
 * @param name the organization's name
 * @param type district or community organization
 */
public record Organization(OrganizationId id, @Size(max = 200) String name, OrganizationType type) {
    /**
     * Checks that nothing is missing.
     *
     * @param id the organization's identifier, unique among schools and organizations
     * @param name the organization's name
     * @param type district or community organization
     */
    public Organization {
        Objects.requireNonNull(id, "organization_id");
        Checks.text(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** {@code Organization[id=…, type=…]}: no personal data. */
    @Override
    public String toString() {
        return "Organization[id=" + id + ", type=" + type + "]";
    }
}

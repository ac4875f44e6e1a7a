package org.communityschools.core.model;

/**
 * The identifier of an education organization: a {@link SchoolId school} or an {@link OrganizationId
 * organization} (the district or a community organization), as Ed-Fi's {@code EducationOrganizationId}.
 * School and organization identifiers share one namespace in a district data directory, so a reference such as
 * {@code staff_assignments.organization_id} resolves to exactly one of them.
 */
public sealed interface EducationOrganizationId permits SchoolId, OrganizationId {
    /** {@return the identifier as written in the data} */
    String value();
}

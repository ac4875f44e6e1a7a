package org.communityschools.core.model;

/** The kind of a non-school organization ({@code organizations.type}). The constant names are the codes of the district data directory. */
public enum OrganizationType {
    /** The school district (the local educational agency) itself. */
    DISTRICT,
    /** A community-based organization that partners with schools. */
    COMMUNITY_ORGANIZATION;
}

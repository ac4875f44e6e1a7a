package org.communityschools.core.model;

/** The kind of a non-school organization ({@code organizations.type}). The constant names are the codes of the district data directory. */
public enum OrganizationType {
    DISTRICT,
    COMMUNITY_ORGANIZATION;
}

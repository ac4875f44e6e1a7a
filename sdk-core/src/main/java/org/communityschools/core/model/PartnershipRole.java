package org.communityschools.core.model;

/** The role of a community organization at a school in a school year ({@code partnerships.role}). A school with a {@link #LEAD} partner that year is a community school that year. The constant names are the codes of the district data directory. */
public enum PartnershipRole {
    /** The lead community-based organization: makes the school a community school that year. */
    LEAD,
    /** Another partner organization at the school. */
    PARTNER;
}

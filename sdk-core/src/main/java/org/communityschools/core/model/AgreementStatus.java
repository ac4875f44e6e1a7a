package org.communityschools.core.model;

/** The status of a data-sharing agreement. Only ACTIVE permits a disclosure; EXPIRED and TERMINATED raise a destruction obligation. The constant names are the codes of the district data directory. */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    EXPIRED,
    TERMINATED;
}

package org.communityschools.core.model;

/** The status of a data-sharing agreement. Only ACTIVE permits a disclosure; EXPIRED and TERMINATED raise a destruction obligation. The constant names are the codes of the district data directory. */
public enum AgreementStatus {
    /** Being negotiated or awaiting signature: permits no disclosure. */
    DRAFT,
    /** Signed and in force: the only status under which the agreement permits a disclosure. */
    ACTIVE,
    /** Paused (for example while a breach is investigated): permits no disclosure and raises no destruction obligation. */
    SUSPENDED,
    /** Past its end date: permits no disclosure and raises the obligation to destroy the data received. */
    EXPIRED,
    /** Ended early by a party: permits no disclosure and raises the obligation to destroy the data received. */
    TERMINATED;
}

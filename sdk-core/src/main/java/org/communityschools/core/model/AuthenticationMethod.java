package org.communityschools.core.model;

/** How a consent was signed ({@code consents.authentication}); an electronic consent must identify and authenticate the signer (34 CFR 99.30(d)). The constant names are the codes of the district data directory. */
public enum AuthenticationMethod {
    /** Signed on paper. */
    WET_SIGNATURE,
    /** Signed electronically, with the signer identified and authenticated (34 CFR 99.30(d)). */
    ELECTRONIC;
}

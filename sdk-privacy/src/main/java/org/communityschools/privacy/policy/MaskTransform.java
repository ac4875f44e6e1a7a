package org.communityschools.privacy.policy;

/**
 * How a granted field is shown in a less identifying form: the obligation a decision attaches to the field
 * ({@link Obligation.MaskField}). Each transform applies to certain fields only; the policy validator refuses any
 * other pairing.
 */
public enum MaskTransform {
    /** A date of birth is shown as its year only. Applies to {@code demographics.birthDate}. */
    BIRTH_YEAR_ONLY,
    /** A name is shown as its initials. Applies to {@code identity.name}. */
    INITIALS,
    /** Free text is removed while the rest of its record is shown. Applies to fields tagged {@code FREE_TEXT}. */
    REMOVE;
}

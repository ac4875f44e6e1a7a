package org.communityschools.privacy.policy;

/**
 * What a {@link Rule} does with the fields it names. Default deny: a field no {@code PERMIT} rule grants is denied; a
 * {@code FORBID} rule that applies overrides every grant (as in Cedar, "forbid overrides permit").
 */
public enum Effect {
    /** Grants the fields, under the rule's legal basis, when every condition holds. */
    PERMIT,
    /** Denies the fields whenever the rule applies, whatever else grants them. */
    FORBID;
}

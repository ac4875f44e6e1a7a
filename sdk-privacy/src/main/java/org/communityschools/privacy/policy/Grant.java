package org.communityschools.privacy.policy;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.privacy.FieldPath;

/**
 * One permission of a field in a {@link Decision} (a field may be permitted by several rules under several bases, each
 * one grant), with why: the legal basis (34 CFR 99.31 or consent under 99.30), the rule
 * that granted it, and the agreement or consent that authorized it. Immutable and thread-safe.
 *
 * @param field     the permitted field
 * @param category  its data category
 * @param basis     the legal basis of the disclosure
 * @param ruleId    the policy rule that granted it
 * @param agreement the data-sharing agreement that covers it, when one was needed
 * @param consent   the consent that covers it, exactly for basis {@code CONSENT}
 * @param scope     which of the student's records of the field it covers: the agreement's schools, school years and
 *                  effective period, the relationship's schools and history window, the consent's window, never past
 *                  the date of the decision ({@link RecordScope})
 */
public record Grant(FieldPath field, DataCategory category, LegalBasis basis, String ruleId,
                    Optional<AgreementId> agreement, Optional<ConsentId> consent, RecordScope scope) {
    /**
     * Checks that nothing is missing and that a consent is given exactly for basis CONSENT.
     *
     * @param field the permitted field
     * @param category its data category
     * @param basis the legal basis of the disclosure
     * @param ruleId the policy rule that granted it
     * @param agreement the data-sharing agreement that covers it, when one was needed
     * @param consent the consent that covers it, exactly for basis {@code CONSENT}
     * @param scope which of the student's records of the field it covers: the agreement's schools, school years and
     *     effective period, the relationship's schools and history window, the consent's window, never past the date of
     *     the decision ({@link RecordScope})
     */
    public Grant {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(scope, "scope");
        if ((basis == LegalBasis.CONSENT) != consent.isPresent()) {
            throw new IllegalArgumentException("a grant names a consent exactly for basis CONSENT; basis was " + basis);
        }
    }
}

package org.communityschools.core.internal;

import java.util.Optional;
import org.communityschools.core.model.DataSharingAgreement;

/**
 * The rules between two successive versions of one data-sharing agreement, shared by the directory reader (which
 * locates a broken rule in {@code agreements.json}) and {@code AgreementHistory.of} (which throws). Stateless.
 */
public final class AgreementVersionRules {
    private AgreementVersionRules() {}

    /** Rule code: a later version takes effect on or before an earlier one. */
    public static final String VERSION_DATE = "agreement.version-date";
    /** Rule code: a later version changes a component that is fixed for the life of the agreement. */
    public static final String VERSION_FIXED = "agreement.version-fixed";

    /**
     * A broken rule between two versions.
     *
     * @param rule    the rule code
     * @param field   the key in {@code agreements.json} the rule is about
     * @param message the rule in words, with the values that broke it
     */
    public record Broken(String rule, String field, String message) {}

    /**
     * The first rule that {@code next} breaks as the successor of {@code previous} (the version before it in number
     * order, of the same agreement id), or empty.
     */
    public static Optional<Broken> successor(DataSharingAgreement previous, DataSharingAgreement next) {
        String name = "agreement " + next.id() + " version " + next.version();
        if (!next.versionEffectiveDate().isAfter(previous.versionEffectiveDate())) {
            return Optional.of(new Broken(VERSION_DATE, "version_effective_date", name + " must take effect after version "
                    + previous.version() + " (version_effective_date " + next.versionEffectiveDate() + " is not after "
                    + previous.versionEffectiveDate() + "): versions govern in the order of their numbers"));
        }
        if (!next.disclosingOrganizationId().equals(previous.disclosingOrganizationId())) {
            return fixed(name, previous, "disclosing_organization_id", previous.disclosingOrganizationId().value(),
                    next.disclosingOrganizationId().value());
        }
        if (!next.recipientOrganizationId().equals(previous.recipientOrganizationId())) {
            return fixed(name, previous, "recipient_organization_id", previous.recipientOrganizationId().value(),
                    next.recipientOrganizationId().value());
        }
        if (next.legalBasis() != previous.legalBasis()) {
            return fixed(name, previous, "legal_basis", previous.legalBasis().name(), next.legalBasis().name());
        }
        if (!next.effectiveDate().equals(previous.effectiveDate())) {
            return fixed(name, previous, "effective_date", previous.effectiveDate().toString(), next.effectiveDate().toString());
        }
        return Optional.empty();
    }

    private static Optional<Broken> fixed(String name, DataSharingAgreement previous, String field, String was, String is) {
        return Optional.of(new Broken(VERSION_FIXED, field, name + " must keep the " + field + " of version "
                + previous.version() + " ('" + was + "', not '" + is + "'): the parties, the legal basis and the "
                + "effective date are fixed for the life of an agreement; a change needs a new agreement id"));
    }
}

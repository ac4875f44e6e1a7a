package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a recipient owes when a data-sharing agreement has ended: to destroy the personally identifiable information it
 * received by {@code deadline}, the day the agreement ended plus its destruction period (34 CFR
 * 99.31(a)(6)(iii)(C)(4) for studies, 99.35(b)(2) for audits and evaluations). The SDK computes the obligation; it
 * cannot know whether the recipient has met it. Immutable and thread-safe.
 *
 * @param agreementId             the agreement
 * @param version                 the version in force when it ended (whose destruction days apply)
 * @param recipientOrganizationId the recipient that must destroy the data
 * @param cause                   {@link AgreementStatus#TERMINATED} or {@link AgreementStatus#EXPIRED} (by a version,
 *                                or because the end date passed)
 * @param endedOn                 the end date (the last day in force), or the day a termination or expiry version
 *                                took effect
 * @param deadline                the day by which the data must be destroyed, not before {@code endedOn}
 */
public record DestructionObligation(AgreementId agreementId, int version, OrganizationId recipientOrganizationId,
                                    AgreementStatus cause, LocalDate endedOn, LocalDate deadline) {
    /**
     * Checks that nothing is missing and the dates are in order.
     *
     * @param agreementId the agreement
     * @param version the version in force when it ended (whose destruction days apply)
     * @param recipientOrganizationId the recipient that must destroy the data
     * @param cause {@link AgreementStatus#TERMINATED} or {@link AgreementStatus#EXPIRED} (by a version, or because the
     *     end date passed)
     * @param endedOn the end date (the last day in force), or the day a termination or expiry version took effect
     * @param deadline the day by which the data must be destroyed, not before {@code endedOn}
     */
    public DestructionObligation {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(recipientOrganizationId, "recipientOrganizationId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(endedOn, "endedOn");
        Objects.requireNonNull(deadline, "deadline");
        if (cause != AgreementStatus.TERMINATED && cause != AgreementStatus.EXPIRED) {
            throw new IllegalArgumentException("cause must be TERMINATED or EXPIRED, was " + cause);
        }
        if (deadline.isBefore(endedOn)) {
            throw new IllegalArgumentException("deadline must not be before endedOn: " + deadline + " < " + endedOn);
        }
    }

    /**
     * {@return whether the deadline has passed on {@code date} (the deadline itself is not yet overdue)}
     *
     * @param date the day
     */
    public boolean isOverdueOn(LocalDate date) {
        return date.isAfter(deadline);
    }

    /** Ids, version, cause and deadline: an agreement's facts, never a person's. */
    @Override
    public String toString() {
        return "DestructionObligation[agreement=" + agreementId + ", version=" + version + ", recipient="
                + recipientOrganizationId + ", cause=" + cause + ", deadline=" + deadline + "]";
    }
}

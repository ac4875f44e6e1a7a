package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.internal.Checks;

/**
 * A signed, dated written consent to disclose a student's records (34 CFR 99.30; {@code consents.csv}). It names
 * the records (data categories), the purpose and the recipient. A revocation applies from its date on, not
 * retroactively (99.30(a), as interpreted by the Department). Immutable and thread-safe.
 *
 * @param id             the consent's identifier
 * @param studentId      the student
 * @param grantor        parent or eligible student
 * @param recipientId    the organization that may receive the records
 * @param purpose        the purpose of the disclosure
 * @param categories     the data categories covered, at least one
 * @param signedDate     the day it was signed
 * @param authentication how the signature was made
 * @param revokedDate    the day it was revoked, not before it was signed, if revoked
 */
public record Consent(ConsentId id, StudentId studentId, Grantor grantor, OrganizationId recipientId,
                      @Size(max = 200) String purpose, Set<DataCategory> categories, LocalDate signedDate,
                      AuthenticationMethod authentication, Optional<LocalDate> revokedDate) {
    /**
     * Checks that nothing is missing, at least one category is named and revocation follows signature.
     *
     * @param id the consent's identifier
     * @param studentId the student
     * @param grantor parent or eligible student
     * @param recipientId the organization that may receive the records
     * @param purpose the purpose of the disclosure
     * @param categories the data categories covered, at least one
     * @param signedDate the day it was signed
     * @param authentication how the signature was made
     * @param revokedDate the day it was revoked, not before it was signed, if revoked
     */
    public Consent {
        Objects.requireNonNull(id, "consent_id");
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(grantor, "grantor");
        Objects.requireNonNull(recipientId, "recipient_id");
        Checks.text(purpose, "purpose");
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categories must name at least one data category");
        }
        Objects.requireNonNull(signedDate, "signed_date");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(revokedDate, "revoked_date");
        if (revokedDate.isPresent() && revokedDate.get().isBefore(signedDate)) {
            throw new IllegalArgumentException("revoked_date must not be before signed_date: signed " + signedDate + ", revoked " + revokedDate.get());
        }
    }

    /**
     * {@return whether the consent is in force on {@code date}: signed on or before it and not revoked on or before it}
     *
     * @param date the day
     */
    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(signedDate) && revokedDate.map(date::isBefore).orElse(true);
    }

    /** {@code Consent[id=…, student=…, recipient=…]}: no personal data. */
    @Override
    public String toString() {
        return "Consent[id=" + id + ", student=" + studentId + ", recipient=" + recipientId + "]";
    }
}

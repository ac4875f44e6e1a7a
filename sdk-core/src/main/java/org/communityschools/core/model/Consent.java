package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.internal.Checks;
import org.communityschools.core.internal.SetOnce;
import org.jspecify.annotations.Nullable;

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

    /**
     * A set-once builder, for building a consent from a host's own records. Required: {@code id}, {@code studentId},
     * {@code grantor}, {@code recipientId}, {@code purpose}, {@code categories}, {@code signedDate},
     * {@code authentication}. Optional: {@code revokedDate}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A set-once builder of {@link Consent}: each setting is set once and checked at once; {@link #build()} checks the
     * combination (revocation not before signature). Not thread-safe.
     */
    public static final class Builder {
        private static final String TYPE = "Consent.builder()";
        private @Nullable ConsentId id;
        private @Nullable StudentId studentId;
        private @Nullable Grantor grantor;
        private @Nullable OrganizationId recipientId;
        private @Nullable String purpose;
        private @Nullable Set<DataCategory> categories;
        private @Nullable LocalDate signedDate;
        private @Nullable AuthenticationMethod authentication;
        private @Nullable LocalDate revokedDate;

        private Builder() {}

        /**
         * The consent's identifier.
         *
         * @param id the identifier
         * @return this builder
         */
        public Builder id(ConsentId id) {
            this.id = SetOnce.set(this.id, id, "id");
            return this;
        }

        /**
         * The student whose records the consent covers.
         *
         * @param studentId the student
         * @return this builder
         */
        public Builder studentId(StudentId studentId) {
            this.studentId = SetOnce.set(this.studentId, studentId, "studentId");
            return this;
        }

        /**
         * Who consented: a parent or the eligible student.
         *
         * @param grantor the grantor
         * @return this builder
         */
        public Builder grantor(Grantor grantor) {
            this.grantor = SetOnce.set(this.grantor, grantor, "grantor");
            return this;
        }

        /**
         * The organization that may receive the records.
         *
         * @param recipientId the recipient
         * @return this builder
         */
        public Builder recipientId(OrganizationId recipientId) {
            this.recipientId = SetOnce.set(this.recipientId, recipientId, "recipientId");
            return this;
        }

        /**
         * The purpose of the disclosure: not blank, at most 200 characters.
         *
         * @param purpose the purpose
         * @return this builder
         */
        public Builder purpose(String purpose) {
            Checks.text(purpose, "purpose");
            if (purpose.length() > 200) {
                throw new IllegalArgumentException("purpose must have at most 200 characters, was " + purpose.length());
            }
            this.purpose = SetOnce.set(this.purpose, purpose, "purpose");
            return this;
        }

        /**
         * The data categories covered, at least one.
         *
         * @param categories the categories
         * @return this builder
         */
        public Builder categories(Set<DataCategory> categories) {
            Set<DataCategory> copy = Set.copyOf(Objects.requireNonNull(categories, "categories"));
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("categories must name at least one data category");
            }
            this.categories = SetOnce.set(this.categories, copy, "categories");
            return this;
        }

        /**
         * The day it was signed.
         *
         * @param date the signature date
         * @return this builder
         */
        public Builder signedDate(LocalDate date) {
            this.signedDate = SetOnce.set(this.signedDate, date, "signedDate");
            return this;
        }

        /**
         * How the signature was made.
         *
         * @param method the authentication method
         * @return this builder
         */
        public Builder authentication(AuthenticationMethod method) {
            this.authentication = SetOnce.set(this.authentication, method, "authentication");
            return this;
        }

        /**
         * The day it was revoked (not before it was signed); unrevoked by default.
         *
         * @param date the revocation date
         * @return this builder
         */
        public Builder revokedDate(LocalDate date) {
            this.revokedDate = SetOnce.set(this.revokedDate, date, "revokedDate");
            return this;
        }

        /**
         * The consent.
         *
         * @return the consent
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the revocation is before the signature
         */
        public Consent build() {
            return new Consent(SetOnce.required(id, TYPE, "id"), SetOnce.required(studentId, TYPE, "studentId"),
                    SetOnce.required(grantor, TYPE, "grantor"), SetOnce.required(recipientId, TYPE, "recipientId"),
                    SetOnce.required(purpose, TYPE, "purpose"), SetOnce.required(categories, TYPE, "categories"),
                    SetOnce.required(signedDate, TYPE, "signedDate"), SetOnce.required(authentication, TYPE, "authentication"),
                    Optional.ofNullable(revokedDate));
        }
    }
}

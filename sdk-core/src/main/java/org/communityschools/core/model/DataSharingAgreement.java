package org.communityschools.core.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.communityschools.core.internal.Checks;
import org.communityschools.core.internal.SetOnce;
import org.jspecify.annotations.Nullable;

/**
 * A written data-sharing agreement between a disclosing organization (the district) and a recipient (a CBO, a
 * vendor, a research group), from {@code agreements.json}. It states the legal basis, purpose, scope (schools and
 * school years), the data elements allowed (an allow-list of field paths or {@link DataCategory} names, as in
 * Exhibit B of the SDPC National Data Privacy Agreement), the roles permitted, the dates, and the destruction
 * terms required of studies and audit/evaluation agreements (34 CFR 99.31(a)(6)(iii)(C), 99.35(a)(3)).
 *
 * <p>Each object is one <b>version</b> of the agreement. An amendment, a suspension, a reinstatement or a termination is
 * a new version with a higher number and its own {@code versionEffectiveDate}, the first day it governs; it governs
 * until the next version takes effect. A decision dated before a version's date follows the earlier version: nothing
 * is retroactive ({@link AgreementHistory#versionOn(LocalDate)}). Immutable and thread-safe.
 *
 * @param id                       the agreement's identifier
 * @param version                  the version, 1 or more; versions of one id take effect in the order of their numbers
 * @param status                   the status while this version governs; only {@link AgreementStatus#ACTIVE} permits disclosure
 * @param disclosingOrganizationId the district
 * @param recipientOrganizationId  the recipient
 * @param legalBasis               the FERPA basis
 * @param purpose                  the purpose
 * @param schoolIds                the schools in scope, at least one
 * @param schoolYears              the school years in scope, at least one
 * @param dataElements             the allowed field paths ({@code attendance.records}) or category names ({@code ATTENDANCE}), at least one
 * @param permittedRoles           the recipient roles that may see data, at least one
 * @param effectiveDate            the first day in force
 * @param endDate                  the last day in force (inclusive), not before the effective date
 * @param signedDate               the day this version was signed, not after its version effective date
 * @param signatories              who signed
 * @param destructionDays          days after the end by which the recipient destroys the data, 0–3650
 * @param redisclosureAllowed      whether the recipient may redisclose (34 CFR 99.33)
 * @param versionEffectiveDate     the first day this version governs ({@code version_effective_date}); for a single
 *                                 version usually the effective date
 */
public record DataSharingAgreement(AgreementId id, int version, AgreementStatus status,
                                   OrganizationId disclosingOrganizationId, OrganizationId recipientOrganizationId,
                                   LegalBasis legalBasis, @Size(max = 500) String purpose, Set<SchoolId> schoolIds,
                                   Set<SchoolYear> schoolYears, Set<String> dataElements, Set<StaffRole> permittedRoles,
                                   LocalDate effectiveDate, LocalDate endDate, LocalDate signedDate,
                                   List<Signatory> signatories, @Max(3650) int destructionDays, boolean redisclosureAllowed,
                                   LocalDate versionEffectiveDate) {
    /**
     * Checks the agreement's internal consistency.
     *
     * @param id the agreement's identifier
     * @param version the version, 1 or more; versions of one id take effect in the order of their numbers
     * @param status the status while this version governs; only {@link AgreementStatus#ACTIVE} permits disclosure
     * @param disclosingOrganizationId the district
     * @param recipientOrganizationId the recipient
     * @param legalBasis the FERPA basis
     * @param purpose the purpose
     * @param schoolIds the schools in scope, at least one
     * @param schoolYears the school years in scope, at least one
     * @param dataElements the allowed field paths ({@code attendance.records}) or category names ({@code ATTENDANCE}),
     *     at least one
     * @param permittedRoles the recipient roles that may see data, at least one
     * @param effectiveDate the first day in force
     * @param endDate the last day in force (inclusive), not before the effective date
     * @param signedDate the day this version was signed, not after its version effective date
     * @param signatories who signed
     * @param destructionDays days after the end by which the recipient destroys the data, 0–3650
     * @param redisclosureAllowed whether the recipient may redisclose (34 CFR 99.33)
     * @param versionEffectiveDate the first day this version governs ({@code version_effective_date}); for a single
     *     version usually the effective date
     */
    public DataSharingAgreement {
        Objects.requireNonNull(id, "agreement_id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(disclosingOrganizationId, "disclosing_organization_id");
        Objects.requireNonNull(recipientOrganizationId, "recipient_organization_id");
        Objects.requireNonNull(legalBasis, "legal_basis");
        Checks.text(purpose, "purpose");
        schoolIds = nonEmpty(schoolIds, "school_ids");
        schoolYears = nonEmpty(schoolYears, "school_years");
        dataElements = nonEmpty(dataElements, "data_elements");
        for (String element : dataElements) {
            if (!element.matches("[A-Z][A-Z_]*|[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*")) {
                throw new IllegalArgumentException("data_elements must be category names or field paths such as attendance.records, was '" + element + "'");
            }
            if (Character.isUpperCase(element.charAt(0))) {
                try {
                    DataCategory.valueOf(element);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("data_elements names an unknown data category: '" + element + "'");
                }
            }
        }
        permittedRoles = nonEmpty(permittedRoles, "permitted_roles");
        Objects.requireNonNull(effectiveDate, "effective_date");
        Objects.requireNonNull(endDate, "end_date");
        Objects.requireNonNull(signedDate, "signed_date");
        if (endDate.isBefore(effectiveDate)) {
            throw new IllegalArgumentException("end_date must not be before effective_date: " + effectiveDate + " > " + endDate);
        }
        Objects.requireNonNull(versionEffectiveDate, "version_effective_date");
        if (signedDate.isAfter(versionEffectiveDate)) {
            throw new IllegalArgumentException("signed_date must not be after version_effective_date (the day this version "
                    + "takes effect): " + signedDate + " > " + versionEffectiveDate);
        }
        signatories = List.copyOf(Objects.requireNonNull(signatories, "signatories"));
        if (destructionDays < 0) {
            throw new IllegalArgumentException("destruction_days must not be negative, was " + destructionDays);
        }
    }

    /**
     * A version that governs from its effective date: the usual first (or only) version of an agreement.
     *
     * @param id the agreement's identifier
     * @param version the version, 1 or more; versions of one id take effect in the order of their numbers
     * @param status the status while this version governs; only {@link AgreementStatus#ACTIVE} permits disclosure
     * @param disclosingOrganizationId the district
     * @param recipientOrganizationId the recipient
     * @param legalBasis the FERPA basis
     * @param purpose the purpose
     * @param schoolIds the schools in scope, at least one
     * @param schoolYears the school years in scope, at least one
     * @param dataElements the allowed field paths ({@code attendance.records}) or category names ({@code ATTENDANCE}), at least one
     * @param permittedRoles the recipient roles that may see data, at least one
     * @param effectiveDate the first day in force
     * @param endDate the last day in force (inclusive), not before the effective date
     * @param signedDate the day this version was signed, not after its version effective date
     * @param signatories who signed
     * @param destructionDays days after the end by which the recipient destroys the data, 0–3650
     * @param redisclosureAllowed whether the recipient may redisclose (34 CFR 99.33)
     * @see #DataSharingAgreement(AgreementId, int, AgreementStatus, OrganizationId, OrganizationId, LegalBasis, String, Set,
     *      Set, Set, Set, LocalDate, LocalDate, LocalDate, List, int, boolean, LocalDate)
     */
    public DataSharingAgreement(AgreementId id, int version, AgreementStatus status, OrganizationId disclosingOrganizationId,
                                OrganizationId recipientOrganizationId, LegalBasis legalBasis, String purpose,
                                Set<SchoolId> schoolIds, Set<SchoolYear> schoolYears, Set<String> dataElements,
                                Set<StaffRole> permittedRoles, LocalDate effectiveDate, LocalDate endDate, LocalDate signedDate,
                                List<Signatory> signatories, int destructionDays, boolean redisclosureAllowed) {
        this(id, version, status, disclosingOrganizationId, recipientOrganizationId, legalBasis, purpose, schoolIds,
                schoolYears, dataElements, permittedRoles, effectiveDate, endDate, signedDate, signatories, destructionDays,
                redisclosureAllowed, effectiveDate);
    }

    private static <T> Set<T> nonEmpty(Set<T> values, String name) {
        Set<T> copy = Set.copyOf(Objects.requireNonNull(values, name));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return copy;
    }

    /** {@return the days in force: {@code [effectiveDate, endDate]}} */
    public DateRange term() {
        return DateRange.closed(effectiveDate, endDate);
    }

    /**
     * The day by which the recipient must have destroyed the data when the agreement runs to its end date:
     * {@code destructionDays} after the end date. A termination or expiry version brings it forward
     * ({@link AgreementHistory#destructionOn(LocalDate)}).
     *
     * @return the deadline of destruction at the end of the term
     */
    public LocalDate destructionDeadline() {
        return endDate.plusDays(destructionDays);
    }

    /** {@code DataSharingAgreement[id=…, version=…]}: no personal data. */
    @Override
    public String toString() {
        return "DataSharingAgreement[id=" + id + ", version=" + version + "]";
    }

    /**
     * A set-once builder, for building an agreement from a host's own records rather than from {@code agreements.json}.
     * Required: {@code id}, {@code disclosingOrganizationId}, {@code recipientOrganizationId}, {@code legalBasis},
     * {@code purpose}, {@code schoolIds}, {@code schoolYears}, {@code dataElements}, {@code permittedRoles},
     * {@code effectiveDate}, {@code endDate}, {@code signedDate}. Defaults: version 1, {@link AgreementStatus#ACTIVE},
     * no signatories, 0 destruction days, no redisclosure, and the version effective date equal to the effective date.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A set-once builder of {@link DataSharingAgreement}: each setting is set once and checked at once; {@link #build()}
     * checks the combination with the record's own rules. Not thread-safe.
     */
    public static final class Builder {
        private static final String TYPE = "DataSharingAgreement.builder()";
        private @Nullable AgreementId id;
        private @Nullable Integer version;
        private @Nullable AgreementStatus status;
        private @Nullable OrganizationId disclosing;
        private @Nullable OrganizationId recipient;
        private @Nullable LegalBasis legalBasis;
        private @Nullable String purpose;
        private @Nullable Set<SchoolId> schoolIds;
        private @Nullable Set<SchoolYear> schoolYears;
        private @Nullable Set<String> dataElements;
        private @Nullable Set<StaffRole> permittedRoles;
        private @Nullable LocalDate effectiveDate;
        private @Nullable LocalDate endDate;
        private @Nullable LocalDate signedDate;
        private @Nullable List<Signatory> signatories;
        private @Nullable Integer destructionDays;
        private @Nullable Boolean redisclosureAllowed;
        private @Nullable LocalDate versionEffectiveDate;

        private Builder() {}

        /**
         * The agreement's identifier.
         *
         * @param id the identifier
         * @return this builder
         */
        public Builder id(AgreementId id) {
            this.id = SetOnce.set(this.id, id, "id");
            return this;
        }

        /**
         * The version, 1 or more (1 by default).
         *
         * @param version the version number
         * @return this builder
         */
        public Builder version(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("version must be 1 or more, was " + version);
            }
            this.version = SetOnce.set(this.version, version, "version");
            return this;
        }

        /**
         * The status while this version governs ({@link AgreementStatus#ACTIVE} by default).
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(AgreementStatus status) {
            this.status = SetOnce.set(this.status, status, "status");
            return this;
        }

        /**
         * The disclosing organization (the district).
         *
         * @param organization the district's organization id
         * @return this builder
         */
        public Builder disclosingOrganizationId(OrganizationId organization) {
            this.disclosing = SetOnce.set(this.disclosing, organization, "disclosingOrganizationId");
            return this;
        }

        /**
         * The recipient organization.
         *
         * @param organization the recipient's organization id
         * @return this builder
         */
        public Builder recipientOrganizationId(OrganizationId organization) {
            this.recipient = SetOnce.set(this.recipient, organization, "recipientOrganizationId");
            return this;
        }

        /**
         * The FERPA basis of the disclosure.
         *
         * @param legalBasis the basis
         * @return this builder
         */
        public Builder legalBasis(LegalBasis legalBasis) {
            this.legalBasis = SetOnce.set(this.legalBasis, legalBasis, "legalBasis");
            return this;
        }

        /**
         * The purpose, not blank, at most 500 characters.
         *
         * @param purpose the purpose
         * @return this builder
         */
        public Builder purpose(String purpose) {
            Checks.text(purpose, "purpose");
            if (purpose.length() > 500) {
                throw new IllegalArgumentException("purpose must have at most 500 characters, was " + purpose.length());
            }
            this.purpose = SetOnce.set(this.purpose, purpose, "purpose");
            return this;
        }

        /**
         * The schools in scope, at least one.
         *
         * @param schoolIds the schools
         * @return this builder
         */
        public Builder schoolIds(Set<SchoolId> schoolIds) {
            this.schoolIds = SetOnce.set(this.schoolIds, nonEmpty(schoolIds, "schoolIds"), "schoolIds");
            return this;
        }

        /**
         * The school years in scope, at least one.
         *
         * @param schoolYears the school years
         * @return this builder
         */
        public Builder schoolYears(Set<SchoolYear> schoolYears) {
            this.schoolYears = SetOnce.set(this.schoolYears, nonEmpty(schoolYears, "schoolYears"), "schoolYears");
            return this;
        }

        /**
         * The allowed data elements, at least one: field paths ({@code attendance.records}) or {@link DataCategory}
         * names ({@code ATTENDANCE}); checked in {@link #build()}.
         *
         * @param dataElements the data elements
         * @return this builder
         */
        public Builder dataElements(Set<String> dataElements) {
            this.dataElements = SetOnce.set(this.dataElements, nonEmpty(dataElements, "dataElements"), "dataElements");
            return this;
        }

        /**
         * The recipient roles that may see data, at least one.
         *
         * @param roles the roles
         * @return this builder
         */
        public Builder permittedRoles(Set<StaffRole> roles) {
            this.permittedRoles = SetOnce.set(this.permittedRoles, nonEmpty(roles, "permittedRoles"), "permittedRoles");
            return this;
        }

        /**
         * The first and last day in force (both included).
         *
         * @param effectiveDate the first day in force
         * @param endDate       the last day in force, not before {@code effectiveDate}
         * @return this builder
         */
        public Builder term(LocalDate effectiveDate, LocalDate endDate) {
            Objects.requireNonNull(effectiveDate, "effectiveDate");
            Objects.requireNonNull(endDate, "endDate");
            if (endDate.isBefore(effectiveDate)) {
                throw new IllegalArgumentException("the end date must not be before the effective date: " + effectiveDate + " > " + endDate);
            }
            this.effectiveDate = SetOnce.set(this.effectiveDate, effectiveDate, "term");
            this.endDate = endDate;
            return this;
        }

        /**
         * The day this version was signed, not after its version effective date.
         *
         * @param signedDate the signature date
         * @return this builder
         */
        public Builder signedDate(LocalDate signedDate) {
            this.signedDate = SetOnce.set(this.signedDate, signedDate, "signedDate");
            return this;
        }

        /**
         * Who signed (none by default).
         *
         * @param signatories the signatories
         * @return this builder
         */
        public Builder signatories(List<Signatory> signatories) {
            this.signatories = SetOnce.set(this.signatories, List.copyOf(signatories), "signatories");
            return this;
        }

        /**
         * The days after the end by which the recipient destroys the data, 0–3650 (0 by default).
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder destructionDays(int days) {
            if (days < 0 || days > 3650) {
                throw new IllegalArgumentException("destructionDays must be 0 to 3650, was " + days);
            }
            this.destructionDays = SetOnce.set(this.destructionDays, days, "destructionDays");
            return this;
        }

        /**
         * Whether the recipient may redisclose (34 CFR 99.33); false by default.
         *
         * @param allowed whether redisclosure is allowed
         * @return this builder
         */
        public Builder redisclosureAllowed(boolean allowed) {
            this.redisclosureAllowed = SetOnce.set(this.redisclosureAllowed, allowed, "redisclosureAllowed");
            return this;
        }

        /**
         * The first day this version governs (by default the effective date).
         *
         * @param date the version's first day
         * @return this builder
         */
        public Builder versionEffectiveDate(LocalDate date) {
            this.versionEffectiveDate = SetOnce.set(this.versionEffectiveDate, date, "versionEffectiveDate");
            return this;
        }

        /**
         * The agreement.
         *
         * @return the agreement
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the settings break one of the agreement's rules
         */
        public DataSharingAgreement build() {
            LocalDate effective = SetOnce.required(effectiveDate, TYPE, "term");
            return new DataSharingAgreement(SetOnce.required(id, TYPE, "id"), version == null ? 1 : version,
                    status == null ? AgreementStatus.ACTIVE : status,
                    SetOnce.required(disclosing, TYPE, "disclosingOrganizationId"),
                    SetOnce.required(recipient, TYPE, "recipientOrganizationId"),
                    SetOnce.required(legalBasis, TYPE, "legalBasis"), SetOnce.required(purpose, TYPE, "purpose"),
                    SetOnce.required(schoolIds, TYPE, "schoolIds"), SetOnce.required(schoolYears, TYPE, "schoolYears"),
                    SetOnce.required(dataElements, TYPE, "dataElements"),
                    SetOnce.required(permittedRoles, TYPE, "permittedRoles"), effective, Objects.requireNonNull(endDate),
                    SetOnce.required(signedDate, TYPE, "signedDate"), signatories == null ? List.of() : signatories,
                    destructionDays == null ? 0 : destructionDays, redisclosureAllowed != null && redisclosureAllowed,
                    versionEffectiveDate == null ? effective : versionEffectiveDate);
        }
    }
}

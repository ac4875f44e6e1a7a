package org.communityschools.core.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.communityschools.core.internal.Checks;

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
     */
    public LocalDate destructionDeadline() {
        return endDate.plusDays(destructionDays);
    }

    /** {@code DataSharingAgreement[id=…, version=…]}: no personal data. */
    @Override
    public String toString() {
        return "DataSharingAgreement[id=" + id + ", version=" + version + "]";
    }
}

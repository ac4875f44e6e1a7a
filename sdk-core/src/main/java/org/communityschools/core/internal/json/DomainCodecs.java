package org.communityschools.core.internal.json;

import java.util.Comparator;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.StaffRole;

/**
 * The JSON objects of the domain records: one {@link RecordCodec} per record, whose keys are the columns of its
 * {@link DataFile} in the same order. The one place that maps the domain to JSON, used by the Jackson module and by
 * {@code AgreementsFile}.
 */
public final class DomainCodecs {
    private DomainCodecs() {}

    // identifiers
    /** {@code agreement_id}. */
    public static final Codec<AgreementId> AGREEMENT_ID = Codecs.string("an identifier", AgreementId::of, AgreementId::value);
    /** {@code organization_id} and other organization references. */
    public static final Codec<OrganizationId> ORGANIZATION_ID = Codecs.string("an identifier", OrganizationId::of, OrganizationId::value);
    /** {@code school_id}. */
    public static final Codec<SchoolId> SCHOOL_ID = Codecs.string("an identifier", SchoolId::of, SchoolId::value);

    /** A signatory of an agreement: {@code {"name": …, "title": …}}; the name is personal data. */
    public static final RecordCodec<Signatory> SIGNATORY = signatory();

    private static RecordCodec<Signatory> signatory() {
        var b = RecordCodec.builder(Signatory.class, "name"::equals);
        var name = b.required("name", Codecs.STRING, Signatory::name);
        var title = b.required("title", Codecs.STRING, Signatory::title);
        return b.build(g -> new Signatory(g.get(name), g.get(title)));
    }

    /** An agreement as in {@code agreements.json}. */
    public static final RecordCodec<DataSharingAgreement> AGREEMENT = agreement();

    private static RecordCodec<DataSharingAgreement> agreement() {
        DataFile f = DataFile.AGREEMENTS;
        var b = RecordCodec.builder(DataSharingAgreement.class, f::isPersonal);
        var id = b.required("agreement_id", AGREEMENT_ID, DataSharingAgreement::id);
        var version = b.required("version", Codecs.INT, DataSharingAgreement::version);
        var status = b.required("status", Codecs.code(AgreementStatus.class), DataSharingAgreement::status);
        var disclosing = b.required("disclosing_organization_id", ORGANIZATION_ID, DataSharingAgreement::disclosingOrganizationId);
        var recipient = b.required("recipient_organization_id", ORGANIZATION_ID, DataSharingAgreement::recipientOrganizationId);
        var basis = b.required("legal_basis", Codecs.code(LegalBasis.class), DataSharingAgreement::legalBasis);
        var purpose = b.required("purpose", Codecs.STRING, DataSharingAgreement::purpose);
        var schools = b.required("school_ids", Codecs.setOf(SCHOOL_ID, Comparator.<SchoolId>naturalOrder()), DataSharingAgreement::schoolIds);
        var years = b.required("school_years", Codecs.setOf(Codecs.SCHOOL_YEAR, Comparator.<SchoolYear>naturalOrder()), DataSharingAgreement::schoolYears);
        var elements = b.required("data_elements", Codecs.setOf(Codecs.STRING, Comparator.<String>naturalOrder()), DataSharingAgreement::dataElements);
        var roles = b.required("permitted_roles", Codecs.setOf(Codecs.code(StaffRole.class), Comparator.<StaffRole>naturalOrder()), DataSharingAgreement::permittedRoles);
        var effective = b.required("effective_date", Codecs.DATE, DataSharingAgreement::effectiveDate);
        var end = b.required("end_date", Codecs.DATE, DataSharingAgreement::endDate);
        var signed = b.required("signed_date", Codecs.DATE, DataSharingAgreement::signedDate);
        var signatories = b.defaulted("signatories", Codecs.listOf(SIGNATORY), DataSharingAgreement::signatories);
        var destruction = b.required("destruction_days", Codecs.INT, DataSharingAgreement::destructionDays);
        var redisclosure = b.defaulted("redisclosure_allowed", Codecs.BOOLEAN, DataSharingAgreement::redisclosureAllowed);
        return b.build(g -> new DataSharingAgreement(g.get(id), g.get(version), g.get(status), g.get(disclosing),
                g.get(recipient), g.get(basis), g.get(purpose), g.get(schools), g.get(years), g.get(elements),
                g.get(roles), g.get(effective), g.get(end), g.get(signed), g.opt(signatories).orElse(java.util.List.of()),
                g.get(destruction), g.opt(redisclosure).orElse(false)));
    }

}

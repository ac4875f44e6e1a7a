package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.junit.jupiter.api.Test;

/** The code of docs/domain-model.md: a record built by hand with its builder. */
class DomainModelExamplesTest {

    @Test
    void anAgreementBuiltFromAHostsOwnRecords() {
        // tag::agreement-builder[]
        DataSharingAgreement agreement = DataSharingAgreement.builder()
                .id(AgreementId.of("DSA-CBO001"))
                .disclosingOrganizationId(OrganizationId.of("NYCDOE")).recipientOrganizationId(OrganizationId.of("CBO001"))
                .legalBasis(LegalBasis.SCHOOL_OFFICIAL).purpose("Community school supports")
                .schoolIds(Set.of(SchoolId.of("01M015"))).schoolYears(Set.of(SchoolYear.of(2018)))
                .dataElements(Set.of("ATTENDANCE", "BEHAVIOR", "coursework.marks"))
                .permittedRoles(Set.of(StaffRole.COMMUNITY_SCHOOL_DIRECTOR, StaffRole.SUCCESS_MENTOR))
                .term(LocalDate.of(2017, 7, 1), LocalDate.of(2018, 6, 30)).signedDate(LocalDate.of(2017, 6, 20))
                .destructionDays(45)
                .build();
        // end::agreement-builder[]
        assertThat(agreement.version()).isEqualTo(1);
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.versionEffectiveDate()).isEqualTo(LocalDate.of(2017, 7, 1));
        // 45 days after the last day in force, June 30, 2018: August 14, 2018
        assertThat(agreement.destructionDeadline()).isEqualTo(LocalDate.of(2018, 8, 14));
        DocPages.assertQuoted("domain-model.md", DomainModelExamplesTest.class, "agreement-builder");
    }
}

package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DisclosureTest {
    private static Disclosure.Builder base(LegalBasis basis) {
        return Disclosure.builder().at(Samples.T0).requester(StaffId.of("M-1")).requesterOrganization(OrganizationId.of("CBO-1"))
                .student(StudentId.of("S-1")).fields("attendance.records").purpose("mentoring").legalBasis(basis);
    }

    @Test
    void keepsFieldsSortedAndDistinct() {
        Disclosure d = Disclosure.builder().at(Samples.T0).requester(StaffId.of("M-1")).requesterOrganization(OrganizationId.of("CBO-1"))
                .student(StudentId.of("S-1")).fields("identity.name", "attendance.records", "identity.name")
                .purpose("mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL).build();
        assertThat(d.fields()).containsExactly(FieldPath.of("attendance.records"), FieldPath.of("identity.name"));
    }

    @Test
    void recordCountsAndMasksNameOnlyDisclosedFields() {
        Disclosure d = base(LegalBasis.SCHOOL_OFFICIAL).build();
        List<FieldPath> fields = List.of(FieldPath.of("attendance.records"), FieldPath.of("attendance.records.reason"),
                FieldPath.of("identity.name"));
        java.util.function.BiFunction<java.util.Map<FieldPath, Integer>, java.util.Map<FieldPath, String>, Disclosure> make =
                (counts, masks) -> new Disclosure(d.at(), d.requester(), d.requesterOrganization(), d.student(), fields,
                        d.purpose(), d.legalBasis(), d.agreementId(), d.consentId(), d.emergency(),
                        new java.util.TreeMap<>(counts), new java.util.TreeMap<>(masks), java.util.Optional.empty());
        // every field of the list (first, middle, last) may carry a count and a mask
        Disclosure ok = make.apply(java.util.Map.of(FieldPath.of("attendance.records"), 3, FieldPath.of("identity.name"), 0),
                java.util.Map.of(FieldPath.of("attendance.records.reason"), "REMOVE"));
        assertThat(ok.recordCounts()).containsEntry(FieldPath.of("identity.name"), 0);
        // a field not disclosed, sorting before, between and after the listed ones, may not
        for (String other : List.of("aaa.x", "attendance.recordz", "zzz.x")) {
            assertThatThrownBy(() -> make.apply(java.util.Map.of(FieldPath.of(other), 1), java.util.Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record count");
            assertThatThrownBy(() -> make.apply(java.util.Map.of(), java.util.Map.of(FieldPath.of(other), "REMOVE")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LegalBasis.class, names = {"SCHOOL_OFFICIAL", "CONSENT", "DIRECTORY"})
    void disclosuresExemptUnder9932dAreNotPartOfTheFerpaRecord(LegalBasis basis) {
        Disclosure.Builder b = base(basis);
        if (basis == LegalBasis.CONSENT) {
            b.consent(ConsentId.of("C-1"));
        }
        assertThat(b.build().isFerpaRecord()).isFalse();
    }

    @Test
    void studiesAuditAndEmergencyDisclosuresArePartOfTheFerpaRecord() {
        assertThat(base(LegalBasis.STUDIES).agreement(AgreementId.of("A-1")).build().isFerpaRecord()).isTrue();
        assertThat(base(LegalBasis.AUDIT_EVALUATION).agreement(AgreementId.of("A-1")).build().isFerpaRecord()).isTrue();
        Disclosure e = Samples.emergency("S-1", Samples.T0);
        assertThat(e.isFerpaRecord()).isTrue();
        assertThat(e.isEmergency()).isTrue();
    }

    @Test
    void consentBasisNeedsTheConsentIdAndOnlyItMayHaveOne() {
        assertThatThrownBy(() -> base(LegalBasis.CONSENT).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99.30");
        assertThatThrownBy(() -> base(LegalBasis.SCHOOL_OFFICIAL).consent(ConsentId.of("C-1")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emergencyBasisNeedsThreatAndRecipientsAndOnlyItMayHaveThem() {
        assertThatThrownBy(() -> base(LegalBasis.EMERGENCY).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99.32(a)(5)");
        assertThatThrownBy(() -> base(LegalBasis.SCHOOL_OFFICIAL).emergency(new EmergencyDetails("t", List.of("EMS"))).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmergencyDetails("threat", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmergencyDetails(" ", List.of("EMS"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void studiesAndAuditNeedTheWrittenAgreement() {
        assertThatThrownBy(() -> base(LegalBasis.STUDIES).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agreement");
        assertThatThrownBy(() -> base(LegalBasis.AUDIT_EVALUATION).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderSetsEachSettingOnceAndRequiresTheMandatoryOnes() {
        assertThatThrownBy(() -> base(LegalBasis.SCHOOL_OFFICIAL).purpose("again")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("purpose was already set");
        assertThatThrownBy(() -> Disclosure.builder().at(Samples.T0).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requester must be set");
    }

    @Test
    void purposeRejectsControlCharactersWithoutEchoingTheText() {
        assertThatThrownBy(() -> Disclosure.builder().purpose("Jane Doe\nsecret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Jane");
    }
}

package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentTest {
    private static final LocalDate SIGNED = LocalDate.of(2017, 9, 15);
    private static final LocalDate REVOKED = LocalDate.of(2018, 1, 10);

    private static Consent consent(Set<DataCategory> categories, Optional<LocalDate> revoked) {
        return new Consent(ConsentId.of("C1"), StudentId.of("S1"), Grantor.PARENT, OrganizationId.of("CBO-7"),
                "Success mentoring", categories, SIGNED, AuthenticationMethod.ELECTRONIC, revoked);
    }

    @Test
    void isInForceFromTheDayItIsSigned() {
        Consent consent = consent(Set.of(DataCategory.ATTENDANCE), Optional.empty());
        assertThat(consent.isInForceOn(SIGNED.minusDays(1))).isFalse();
        assertThat(consent.isInForceOn(SIGNED)).isTrue();
        assertThat(consent.isInForceOn(LocalDate.of(2030, 1, 1))).isTrue();
    }

    @Test
    void revocationAppliesFromItsDateOnNotRetroactively() {
        Consent consent = consent(Set.of(DataCategory.ATTENDANCE), Optional.of(REVOKED));
        assertThat(consent.isInForceOn(SIGNED)).isTrue();
        assertThat(consent.isInForceOn(REVOKED.minusDays(1))).isTrue();
        assertThat(consent.isInForceOn(REVOKED)).isFalse();
        assertThat(consent.isInForceOn(REVOKED.plusDays(1))).isFalse();
    }

    @Test
    void aConsentRevokedTheDayItWasSignedIsNeverInForce() {
        Consent consent = consent(Set.of(DataCategory.ATTENDANCE), Optional.of(SIGNED));
        assertThat(consent.isInForceOn(SIGNED)).isFalse();
    }

    @Test
    void rejectsARevocationBeforeTheSignature() {
        assertThatThrownBy(() -> consent(Set.of(DataCategory.ATTENDANCE), Optional.of(SIGNED.minusDays(1))))
                .hasMessageContaining("revoked_date must not be before signed_date");
    }

    @Test
    void namesAtLeastOneCategoryAndKeepsAnImmutableCopy() {
        assertThatThrownBy(() -> consent(Set.of(), Optional.empty())).hasMessageContaining("at least one data category");
        EnumSet<DataCategory> categories = EnumSet.of(DataCategory.ATTENDANCE);
        Consent consent = consent(categories, Optional.empty());
        categories.add(DataCategory.HEALTH);
        assertThat(consent.categories()).containsExactly(DataCategory.ATTENDANCE);
        assertThatThrownBy(() -> consent.categories().add(DataCategory.HEALTH)).isInstanceOf(UnsupportedOperationException.class);
    }
}

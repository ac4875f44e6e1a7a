package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Which version of an agreement governs on a day, and when the recipient must destroy the data. The worked example:
 * v1 ACTIVE, term 2016-07-01 to 2019-06-30, 90 destruction days, covering SCH0004 and SCH0005; v2 from 2018-01-01
 * narrows to SCH0004; v3 TERMINATED from 2018-03-01.
 */
class AgreementHistoryTest {
    private static final LocalDate EFFECTIVE = LocalDate.of(2016, 7, 1);
    private static final LocalDate END = LocalDate.of(2019, 6, 30);

    static DataSharingAgreement version(int version, AgreementStatus status, LocalDate versionDate, String... schools) {
        return version("DSA-1", version, status, versionDate, END, 90, schools);
    }

    static DataSharingAgreement version(String id, int version, AgreementStatus status, LocalDate versionDate,
                                        LocalDate end, int destructionDays, String... schools) {
        Set<SchoolId> scope = new java.util.HashSet<>();
        for (String s : schools.length == 0 ? new String[] {"SCH0004"} : schools) {
            scope.add(SchoolId.of(s));
        }
        return new DataSharingAgreement(AgreementId.of(id), version, status, OrganizationId.of("DIST01"),
                OrganizationId.of("CBO002"), LegalBasis.SCHOOL_OFFICIAL, "Community school services", scope,
                Set.of(SchoolYear.of(2018)), Set.of("ATTENDANCE"), Set.of(StaffRole.SUCCESS_MENTOR), EFFECTIVE, end,
                EFFECTIVE.minusDays(30), List.of(), destructionDays, false, versionDate);
    }

    private static final AgreementHistory WORKED = AgreementHistory.of(List.of(
            version(3, AgreementStatus.TERMINATED, LocalDate.of(2018, 3, 1)),
            version(1, AgreementStatus.ACTIVE, EFFECTIVE, "SCH0004", "SCH0005"),
            version(2, AgreementStatus.ACTIVE, LocalDate.of(2018, 1, 1))));

    private static Optional<Integer> versionOn(AgreementHistory h, LocalDate date) {
        return h.versionOn(date).map(DataSharingAgreement::version);
    }

    @Test
    void eachDayFollowsTheVersionWithTheLatestVersionDateNotAfterIt() {
        assertThat(versionOn(WORKED, EFFECTIVE.minusDays(1))).isEmpty();
        assertThat(versionOn(WORKED, EFFECTIVE)).contains(1);
        assertThat(versionOn(WORKED, LocalDate.of(2017, 12, 31))).contains(1);
        assertThat(versionOn(WORKED, LocalDate.of(2018, 1, 1))).contains(2);
        assertThat(versionOn(WORKED, LocalDate.of(2018, 2, 28))).contains(2);
        assertThat(versionOn(WORKED, LocalDate.of(2018, 3, 1))).contains(3);
        assertThat(WORKED.versions()).extracting(DataSharingAgreement::version).containsExactly(1, 2, 3);
        assertThat(WORKED.latest().version()).isEqualTo(3);
    }

    @Test
    void isInForceOnlyWhileAnActiveVersionGovernsWithinItsTerm() {
        assertThat(WORKED.inForceOn(EFFECTIVE.minusDays(1))).isFalse();
        assertThat(WORKED.inForceOn(LocalDate.of(2018, 2, 28))).isTrue();
        assertThat(WORKED.inForceOn(LocalDate.of(2018, 3, 1))).isFalse();
    }

    @Test
    void aTerminationOwesDestructionFromItsOwnDatePlusTheDestructionDays() {
        assertThat(WORKED.destructionOn(LocalDate.of(2018, 2, 28))).isEmpty();
        // 2018-03-01 + 90 days = 2018-05-30 (March 30, April 30, May 30)
        DestructionObligation o = WORKED.destructionOn(LocalDate.of(2018, 3, 1)).orElseThrow();
        assertThat(o).isEqualTo(new DestructionObligation(AgreementId.of("DSA-1"), 3, OrganizationId.of("CBO002"),
                AgreementStatus.TERMINATED, LocalDate.of(2018, 3, 1), LocalDate.of(2018, 5, 30)));
        assertThat(o.isOverdueOn(LocalDate.of(2018, 5, 30))).isFalse();
        assertThat(o.isOverdueOn(LocalDate.of(2018, 5, 31))).isTrue();
    }

    @Test
    void anAgreementPastItsEndDateOwesDestructionFromTheEndDate() {
        AgreementHistory h = AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE)));
        assertThat(h.destructionOn(END)).isEmpty();
        // 2019-06-30 + 90 days = 2019-09-28 (July 31, August 31, September 28)
        assertThat(h.destructionOn(END.plusDays(1))).contains(new DestructionObligation(AgreementId.of("DSA-1"), 1,
                OrganizationId.of("CBO002"), AgreementStatus.EXPIRED, END, LocalDate.of(2019, 9, 28)));
    }

    @Test
    void aTerminationAfterTheEndDateDoesNotPostponeTheDeadline() {
        AgreementHistory h = AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE),
                version(2, AgreementStatus.TERMINATED, END.plusDays(40))));
        assertThat(h.destructionOn(END.plusDays(50)).orElseThrow().deadline()).isEqualTo(LocalDate.of(2019, 9, 28));
    }

    @Test
    void aSuspensionIsNotInForceAndOwesNothingAndALaterVersionCanReinstate() {
        AgreementHistory h = AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE),
                version(2, AgreementStatus.SUSPENDED, LocalDate.of(2017, 1, 9)),
                version(3, AgreementStatus.ACTIVE, LocalDate.of(2017, 2, 1))));
        assertThat(h.inForceOn(LocalDate.of(2017, 1, 8))).isTrue();
        assertThat(h.inForceOn(LocalDate.of(2017, 1, 9))).isFalse();
        assertThat(h.destructionOn(LocalDate.of(2017, 1, 20))).isEmpty();
        assertThat(h.inForceOn(LocalDate.of(2017, 2, 1))).isTrue();
    }

    @Test
    void anAgreementThatWasNeverActiveOwesNoDestruction() {
        AgreementHistory h = AgreementHistory.of(List.of(version(1, AgreementStatus.DRAFT, EFFECTIVE),
                version(2, AgreementStatus.TERMINATED, LocalDate.of(2016, 8, 1))));
        assertThat(h.destructionOn(LocalDate.of(2016, 9, 1))).isEmpty();
    }

    @Test
    void refusesVersionsThatBreakTheRulesBetweenVersions() {
        assertThatThrownBy(() -> AgreementHistory.of(List.of()))
                .hasMessage("an agreement history needs at least one version");
        assertThatThrownBy(() -> AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE),
                version(2, AgreementStatus.TERMINATED, EFFECTIVE))))
                .hasMessageStartingWith("agreement DSA-1 version 2 must take effect after version 1");
        assertThatThrownBy(() -> AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE),
                version("DSA-2", 2, AgreementStatus.ACTIVE, END, END, 90))))
                .hasMessageStartingWith("the versions of a history must share one agreement_id");
        assertThatThrownBy(() -> AgreementHistory.of(List.of(version(1, AgreementStatus.ACTIVE, EFFECTIVE),
                version(1, AgreementStatus.ACTIVE, END))))
                .hasMessage("agreement DSA-1 version 1 is repeated");
    }

    @Test
    void printsIdsStatusesAndDatesOnly() {
        assertThat(WORKED).hasToString("AgreementHistory[DSA-1 v1 ACTIVE 2016-07-01, v2 ACTIVE 2018-01-01, "
                + "v3 TERMINATED 2018-03-01]");
    }

    // ---------------------------------------------------------------- property

    /** Version histories: 1 to 6 versions with random statuses, taking effect on strictly increasing random dates. */
    @Provide
    Arbitrary<AgreementHistory> histories() {
        Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(1, 400).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<AgreementStatus>> statuses = Arbitraries.of(AgreementStatus.class).list().ofSize(6);
        return Combinators.combine(gaps, statuses, Arbitraries.integers().between(1, 3)).as((g, s, step) -> {
            List<DataSharingAgreement> versions = new ArrayList<>();
            LocalDate date = EFFECTIVE;
            for (int i = 0; i < g.size(); i++) {
                versions.add(version(1 + i * step, s.get(i), date));
                date = date.plusDays(g.get(i));
            }
            java.util.Collections.shuffle(versions, new java.util.Random(g.hashCode()));
            return AgreementHistory.of(versions);
        });
    }

    @Property
    void theVersionChosenForADateIsTheOneWithTheLatestVersionDateNotAfterIt(@ForAll("histories") AgreementHistory h,
            @ForAll("days") int offset) {
        LocalDate date = EFFECTIVE.plusDays(offset);
        Optional<DataSharingAgreement> naive = h.versions().stream()
                .filter(v -> !v.versionEffectiveDate().isAfter(date))
                .max(Comparator.comparing(DataSharingAgreement::versionEffectiveDate));
        assertThat(h.versionOn(date)).isEqualTo(naive);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(-30, 2500);
    }
}

package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.core.live.SmallDistrict.K1;
import static org.communityschools.core.live.SmallDistrict.absence;
import static org.communityschools.core.live.SmallDistrict.consent;

import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.index.DataBridge;
import org.communityschools.core.internal.index.DistrictIndex;
import org.junit.jupiter.api.Test;

/** A version made by student and staff changes shares every table and row it does not change with the one before. */
class StructuralSharingTest {
    private final DistrictData start = SmallDistrict.build(6);

    private static DistrictIndex index(DistrictVersion v) {
        return DataBridge.get().index(v.data());
    }

    @Test
    void anAttendanceChangeSharesTheAttendanceStoreAndEveryOtherTable() {
        LiveDistrict live = LiveDistrict.of(start);
        DistrictIndex before = index(live.current());

        DistrictIndex after = index(live.apply(ChangeBatch.builder().upsert(absence(2, K1, 4)).build()));

        assertThat(before.attendance.isFlat()).isTrue();
        assertThat(after.attendance.isFlat()).as("the store is layered, not copied").isFalse();
        assertThat(after.schools).isSameAs(before.schools);
        assertThat(after.organizations).isSameAs(before.organizations);
        assertThat(after.enrollments).isSameAs(before.enrollments);
        assertThat(after.calendars).isSameAs(before.calendars);
        assertThat(after.partnershipsBySchoolYear).isSameAs(before.partnershipsBySchoolYear);
        assertThat(after.agreementHistories).isSameAs(before.agreementHistories);
    }

    @Test
    void aRevocationReplacesOnlyTheStudentsConsentGroup() {
        LiveDistrict live = LiveDistrict.of(start);
        DistrictIndex before = index(live.current());

        DistrictIndex after = index(live.apply(ChangeBatch.builder()
                .upsert(consent(0, Optional.of(LocalDate.of(2017, 10, 2)))).build()));

        assertThat(after.consentsByStudent.isFlat()).isFalse();
        assertThat(after.enrollmentsByStudent).as("only the changed file's group").isSameAs(before.enrollmentsByStudent);
        assertThat(after.enrollmentsBySchool).isSameAs(before.enrollmentsBySchool);
        assertThat(after.attendance).isSameAs(before.attendance);
        assertThat(after.relationships).isSameAs(before.relationships);
        assertThat(after.assignmentsByStaff).isSameAs(before.assignmentsByStaff);
        assertThat(after.staff).isSameAs(before.staff);
    }

    @Test
    void compactionFoldsTheLayersIntoFlatTablesWithEqualData() {
        LiveDistrict live = LiveDistrict.of(start);
        for (int d = 0; d < SmallDistrict.DAYS; d++) {
            live.apply(ChangeBatch.builder().upsert(absence(d % 6, K1, d)).build());
        }
        live.apply(ChangeBatch.builder().upsert(consent(0, Optional.of(LocalDate.of(2017, 10, 2)))).build());
        DistrictVersion layered = live.current();

        live.compact();

        DistrictVersion flat = live.current();
        assertThat(index(layered).attendance.isFlat()).isFalse();
        assertThat(index(flat).attendance.isFlat()).isTrue();
        assertThat(index(flat).consentsByStudent.isFlat()).isTrue();
        assertThat(flat.number()).isEqualTo(layered.number());
        assertThat(flat.accessVersionOf(SmallDistrict.student(0))).isEqualTo(layered.accessVersionOf(SmallDistrict.student(0)));
        assertThat(DataDump.of(flat.data())).isEqualTo(DataDump.of(layered.data()));
    }

    @Test
    void anOlderVersionKeepsItsViewAfterManyLaterOnes() {
        LiveDistrict live = LiveDistrict.of(start);
        DistrictVersion v0 = live.current();
        Object before = DataDump.of(v0.data());
        for (int d = 0; d < SmallDistrict.DAYS; d++) {
            live.apply(ChangeBatch.builder().upsert(absence(1, K1, d)).build());
        }

        assertThat(DataDump.of(v0.data())).isEqualTo(before);
        assertThat(live.current().number()).isEqualTo(SmallDistrict.DAYS);
        assertThat(live.current().data().attendance().recordsOf(SmallDistrict.student(1))).hasSize(SmallDistrict.DAYS);
        // the rows changed since the base version are filtered like the base's
        assertThat(live.current().data().attendance().recordsOf(SmallDistrict.student(1), (school, day) -> true))
                .isEqualTo(live.current().data().attendance().recordsOf(SmallDistrict.student(1)));
        assertThat(live.current().data().attendance().recordsOf(SmallDistrict.student(1), (school, day) -> false)).isEmpty();
    }
}

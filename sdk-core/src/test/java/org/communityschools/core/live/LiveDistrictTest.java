package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityschools.core.live.SmallDistrict.K1;
import static org.communityschools.core.live.SmallDistrict.K2;
import static org.communityschools.core.live.SmallDistrict.absence;
import static org.communityschools.core.live.SmallDistrict.consent;
import static org.communityschools.core.live.SmallDistrict.enrollment;
import static org.communityschools.core.live.SmallDistrict.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.Violation;
import org.junit.jupiter.api.Test;

class LiveDistrictTest {
    private final DistrictData start = SmallDistrict.build(6);

    @Test
    void anAppliedBatchMakesTheNextNumberedVersionAndLeavesTheOlderOneAsItWas() {
        LiveDistrict live = LiveDistrict.of(start);
        DistrictVersion v0 = live.current();

        DistrictVersion v1 = live.apply(ChangeBatch.builder().upsert(absence(1, K1, 2)).build());

        assertThat(v0.number()).isZero();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(live.current()).isSameAs(v1);
        assertThat(v1.data().attendance().recordsOf(student(1))).containsExactly(absence(1, K1, 2));
        assertThat(v0.data().attendance().recordsOf(student(1))).isEmpty();
        assertThat(v0.data()).isSameAs(start);
    }

    @Test
    void anUpsertReplacesTheRecordWithTheSameKeyAndADeleteRemovesIt() {
        LiveDistrict live = LiveDistrict.of(start);
        var revoked = consent(0, Optional.of(LocalDate.of(2017, 10, 1)));

        live.apply(ChangeBatch.builder().upsert(revoked).deleteRecordOf(absence(0, K1, 1)).build());

        assertThat(live.current().data().consentsOf(student(0))).containsExactly(revoked);
        assertThat(live.current().data().attendance().recordsOf(student(0))).isEmpty();
    }

    @Test
    void aBrokenRuleIsReportedWithTheReadersCodeAtTheChangesOrigin() {
        LiveDistrict live = LiveDistrict.of(start);
        ChangeOrigin origin = new ChangeOrigin("changes/attendance.csv", 7);
        ChangeBatch batch = ChangeBatch.builder().upsert(absence(1, K2, 2), origin).build();

        assertThatThrownBy(() -> live.apply(batch)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::rule, Violation::file, Violation::line)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("attendance.within-enrollment",
                                "changes/attendance.csv", 7L)));
    }

    @Test
    void aBatchWithOneBrokenRuleChangesNothing() {
        LiveDistrict live = LiveDistrict.of(start);
        ChangeBatch batch = ChangeBatch.builder().upsert(absence(1, K1, 2)).upsert(absence(2, K1, 40)).build();

        assertThatThrownBy(() -> live.apply(batch)).isInstanceOf(BatchRejectedException.class)
                .hasMessageContaining("nothing was applied");
        assertThat(live.current().number()).isZero();
        assertThat(live.current().data()).isSameAs(start);
    }

    @Test
    void aDeleteThatLeavesOtherRecordsBrokenIsRejectedAtTheDelete() {
        LiveDistrict live = LiveDistrict.of(start);
        ChangeBatch batch = ChangeBatch.builder()
                .upsert(absence(4, K1, 3))
                .deleteRecordOf(enrollment(3, K1, SmallDistrict.FIRST_DAY, Optional.of(SmallDistrict.YEAR_END)))
                .build();

        assertThatThrownBy(() -> live.apply(batch)).isInstanceOfSatisfying(BatchRejectedException.class, e -> {
            assertThat(e.violations()).extracting(Violation::rule).contains("attendance.within-enrollment");
            assertThat(e.violations()).allSatisfy(v -> assertThat(v.line()).isEqualTo(2));
        });
    }

    @Test
    void aKeyMayAppearOnceInABatchAndADeleteMustNameARecord() {
        LiveDistrict live = LiveDistrict.of(start);
        ChangeBatch repeated = ChangeBatch.builder().upsert(absence(1, K1, 2)).upsert(absence(1, K1, 2)).build();
        ChangeBatch unknown = ChangeBatch.builder().delete(RecordKey.of(DataFile.ATTENDANCE, "S1", "K1", "2017-09-06")).build();

        assertThatThrownBy(() -> live.apply(repeated)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::rule, Violation::line)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("change.repeated-key", 2L)));
        assertThatThrownBy(() -> live.apply(unknown)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::rule).containsExactly("change.unknown-key"));
    }

    @Test
    void listenersAreToldOfEveryVersionInOrder() {
        LiveDistrict live = LiveDistrict.of(start);
        List<Long> seen = new ArrayList<>();
        live.addListener((previous, current, batch) -> seen.add(previous.number() * 10 + current.number()));

        live.apply(ChangeBatch.builder().upsert(absence(1, K1, 2)).build());
        live.apply(ChangeBatch.builder().upsert(absence(1, K1, 3)).build());

        assertThat(seen).containsExactly(1L, 12L);
    }

    @Test
    void onlyAccessFactsRaiseTheAccessVersionsOfTheirStudentAndStaff() {
        LiveDistrict live = LiveDistrict.of(start);

        live.apply(ChangeBatch.builder().upsert(absence(1, K1, 2)).build());
        DistrictVersion v2 = live.apply(ChangeBatch.builder().upsert(consent(0, Optional.of(LocalDate.of(2017, 10, 1)))).build());

        assertThat(v2.accessVersionOf(student(1))).isZero();
        assertThat(v2.accessVersionOf(student(0))).isEqualTo(2);
        assertThat(v2.accessVersionOf(SmallDistrict.M1)).isZero();
        assertThat(v2.globalAccessVersion()).isZero();
        assertThat(v2.accessStamp(SmallDistrict.M1, student(0))).isEqualTo(2);
        assertThat(v2.accessStamp(SmallDistrict.M1, student(1))).isZero();
    }

    @Test
    void aBatchThatWouldPassTheReasonDictionarysLimitIsRejectedAtItsFirstAttendanceChange() {
        int limit = org.communityschools.core.internal.index.AttendanceColumns.MAX_REASONS;
        int students = limit / SmallDistrict.DAYS + 1;
        DistrictDataBuilder b = DistrictData.builder();
        DistrictData base = SmallDistrict.build(0);
        base.organizations().forEach(b::add);
        base.schools().forEach(b::add);
        base.calendars().values().forEach(c -> c.days().forEach(d -> b.add(new org.communityschools.core.model.InstructionalDay(c.school(), d))));
        int reasons = 0;
        for (int i = 0; i < students; i++) {
            b.add(SmallDistrict.studentRecord(i, false));
            b.add(enrollment(i, K1, SmallDistrict.FIRST_DAY, Optional.of(SmallDistrict.YEAR_END)));
            for (int d = 0; d < SmallDistrict.DAYS; d++) {
                String reason = reasons < limit ? "r" + reasons++ : null;
                b.add(new org.communityschools.core.model.AttendanceRecord(student(i), K1, SmallDistrict.day(d),
                        org.communityschools.core.model.AttendanceCategory.EXCUSED_ABSENCE,
                        org.communityschools.core.model.DayShare.ofTenThousandths(10_000), Optional.ofNullable(reason)));
            }
        }
        LiveDistrict live = LiveDistrict.of(b.build());
        ChangeBatch batch = ChangeBatch.builder().upsert(new org.communityschools.core.model.AttendanceRecord(student(students - 1),
                K1, SmallDistrict.day(SmallDistrict.DAYS - 1), org.communityschools.core.model.AttendanceCategory.EXCUSED_ABSENCE,
                org.communityschools.core.model.DayShare.ofTenThousandths(10_000), Optional.of("one too many"))).build();

        assertThatThrownBy(() -> live.apply(batch)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::rule, Violation::line)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("attendance.reason-limit", 1L)));
        assertThat(live.current().number()).isZero();
    }

    @Test
    void theKeysOfEveryFileAreDocumentedColumns() {
        for (DataFile f : DataFile.values()) {
            assertThat(f.columns()).containsAll(RecordKey.columns(f));
        }
    }

    /**
     * A batch that changes only student 0's consent and student 1's relationships with mentor M1, after student 0
     * became M1's mentee: student 0's relationships are not checked again (only the consents and the enrollments), and
     * M1's group, merged again for student 1, must still hold student 0. Expected, as a fresh build gives it: M1 mentors
     * students 0 and 1, student 0's consent is the revoked one, student 0's attendance is as it was.
     */
    @Test
    void aStudentWhoseRelationshipsAreNotCheckedAgainKeepsThemInTheStaffGroupsMergedForAnother() {
        LiveDistrict live = LiveDistrict.of(start);
        live.apply(ChangeBatch.builder().upsert(SmallDistrict.mentorOf(0)).build());
        var revoked = consent(0, Optional.of(LocalDate.of(2017, 10, 1)));

        DistrictData after = live.apply(ChangeBatch.builder().upsert(revoked).upsert(SmallDistrict.mentorOf(1)).build()).data();

        DistrictData fresh = new ReferenceModel(start)
                .after(ChangeBatch.builder().upsert(SmallDistrict.mentorOf(0)).build())
                .after(ChangeBatch.builder().upsert(revoked).upsert(SmallDistrict.mentorOf(1)).build()).build();
        assertThat(after.relationshipsOfStaff(SmallDistrict.M1)).extracting(r -> r.studentId())
                .containsExactly(student(0), student(1));
        assertThat(after.consentsOf(student(0))).containsExactly(revoked);
        assertThat(after.attendance().recordsOf(student(0))).isEqualTo(start.attendance().recordsOf(student(0)));
        assertThat(DataDump.of(after)).isEqualTo(DataDump.of(fresh));
    }
}

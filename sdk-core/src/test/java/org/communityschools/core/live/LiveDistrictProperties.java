package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityschools.core.live.SmallDistrict.C1;
import static org.communityschools.core.live.SmallDistrict.K1;
import static org.communityschools.core.live.SmallDistrict.K2;
import static org.communityschools.core.live.SmallDistrict.M1;
import static org.communityschools.core.live.SmallDistrict.day;
import static org.communityschools.core.live.SmallDistrict.student;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.Subject;

/** Acceptance: the live version equals a fresh load of the same data after the same changes, at every step. */
class LiveDistrictProperties {
    private static final int STUDENTS = 4;
    private static final java.util.Set<org.communityschools.core.data.DataFile> INCREMENTAL = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(org.communityschools.core.data.DataFile.PARTNERSHIPS, org.communityschools.core.data.DataFile.AGREEMENTS));

    @Property(tries = 400)
    void theLiveVersionEqualsAFreshBuildAfterTheSameChangesAtEveryStep(@ForAll("batches") List<ChangeBatch> batches) {
        DistrictData start = SmallDistrict.build(STUDENTS);
        LiveDistrict live = LiveDistrict.of(start);
        ReferenceModel model = new ReferenceModel(start);
        for (ChangeBatch batch : batches) {
            ReferenceModel next = model.after(batch);
            DistrictData expected = next == null ? null : next.build();
            DistrictVersion before = live.current();
            net.jqwik.api.statistics.Statistics.collect(expected == null ? "rejected" : "applied",
                    batch.changes().stream().allMatch(c -> INCREMENTAL.contains(c.key().file())) ? "incremental-files" : "other");
            if (expected == null) {
                assertThatThrownBy(() -> live.apply(batch)).isInstanceOf(BatchRejectedException.class);
                assertThat(live.current()).isSameAs(before);
                continue;
            }
            DistrictVersion after = live.apply(batch);
            assertThat(after.number()).isEqualTo(before.number() + 1);
            var got = DataDump.of(after.data());
            var want = DataDump.of(expected);
            for (var k : want.keySet()) {
                if (!java.util.Objects.equals(got.get(k), want.get(k))) {
                    System.err.println("DIFF " + k + "\n got=" + detail(got.get(k)) + "\nwant=" + detail(want.get(k)) + "\nbatches=" + batches.stream().map(b -> b.changes().toString() + b.changes().stream().filter(c -> c instanceof Change.Upsert).map(c -> detail(((Change.Upsert) c).record())).toList()).toList());
                    break;
                }
            }
            assertThat(got).isEqualTo(want);
            model = next;
        }
    }

    static String detail(Object o) {
        if (o instanceof AttendanceRecord a) {
            return a.studentId().value() + "/" + a.schoolId().value() + "/" + a.date() + "/" + a.category() + "/" + a.duration() + "/" + a.reason();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(LiveDistrictProperties::detail).toList().toString();
        }
        if (o instanceof Optional<?> op) {
            return op.map(LiveDistrictProperties::detail).toString();
        }
        return String.valueOf(o);
    }

    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        return changes().list().ofMinSize(1).ofMaxSize(3)
                .map(cs -> ChangeBatch.of(cs)).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Arbitrary<Integer> students() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, STUDENTS - 1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(STUDENTS, STUDENTS + 1)));
    }

    private static Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, SmallDistrict.DAYS);
    }

    private static Change upsert(Object record) {
        return new Change.Upsert(record, RecordKey.of(record), new ChangeOrigin("batch", 1));
    }

    private static Change delete(Object record) {
        return new Change.Delete(RecordKey.of(record), new ChangeOrigin("batch", 1));
    }

    /** A change, or the delete of the record it would upsert. */
    private static Arbitrary<Change> either(Arbitrary<?> records) {
        return Combinators.combine(records, Arbitraries.integers().between(0, 4))
                .as((r, op) -> op == 0 ? delete(r) : upsert(r));
    }

    private static Arbitrary<Change> changes() {
        Arbitrary<Object> attendance = Combinators.combine(students(), Arbitraries.frequency(net.jqwik.api.Tuple.of(5, K1), net.jqwik.api.Tuple.of(1, K2)), days(),
                        Arbitraries.of(AttendanceCategory.UNEXCUSED_ABSENCE, AttendanceCategory.PRESENT, AttendanceCategory.TARDY),
                        Arbitraries.of("", "sick", "bus"))
                .as((s, k, d, c, reason) -> new AttendanceRecord(student(s), k, day(d), c,
                        c == AttendanceCategory.UNEXCUSED_ABSENCE ? DayShare.ofTenThousandths(10_000) : DayShare.ofTenThousandths(0),
                        reason.isEmpty() ? Optional.empty() : Optional.of(reason)));
        Arbitrary<Object> enrollments = Combinators.combine(students(), Arbitraries.of(K1, K2),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(-1, 9))
                .as((s, k, entry, exit) -> SmallDistrict.enrollment(s, k, day(entry),
                        exit < entry ? Optional.empty() : Optional.of(day(exit))));
        Arbitrary<Object> consents = Combinators.combine(students(), Arbitraries.integers().between(-1, 5))
                .as((s, revoked) -> SmallDistrict.consent(s, revoked < 0 ? Optional.empty() : Optional.of(day(revoked))));
        Arbitrary<Object> mentors = students().map(SmallDistrict::mentorOf);
        Arbitrary<Object> incidents = Combinators.combine(Arbitraries.of("B1", "B2"), students(), days())
                .as(SmallDistrict::incident);
        Arbitrary<Object> studentsUp = Combinators.combine(students(), Arbitraries.of(true, false))
                .as(SmallDistrict::studentRecord);
        Arbitrary<Object> staff = Arbitraries.of("Dev", "Devi").map(n -> new Staff(M1, n, "Rao", C1));
        Arbitrary<Object> assignments = Arbitraries.integers().between(0, 2).map(d -> new StaffAssignment(M1, K1,
                StaffRole.SUCCESS_MENTOR, DateRange.closed(day(d), Optional.empty())));
        Arbitrary<Object> characteristics = students().map(s -> new StudentCharacteristic(student(s),
                StudentCharacteristicType.ENGLISH_LEARNER, DateRange.closed(day(0), Optional.empty())));
        Arbitrary<Object> marks = Combinators.combine(students(), Arbitraries.of(K1, K2), Arbitraries.of("FALL", "SPRING"))
                .as((s, k, term) -> new CourseMark(student(s), k, SchoolYear.of(2018), term, "ENG1", "English", Subject.ELA,
                        Optional.of(BigDecimal.valueOf(80)), Optional.empty(), CourseResult.PASS, BigDecimal.ONE, BigDecimal.ONE));
        Arbitrary<Object> diplomas = students().map(s -> new Diploma(student(s), K1, LocalDate.of(2018, 6, 20), DiplomaType.REGULAR));
        Arbitrary<Object> partnerships = Arbitraries.of(PartnershipRole.LEAD, PartnershipRole.PARTNER)
                .map(r -> new Partnership(K2, C1, SchoolYear.of(2018), r));
        Arbitrary<Object> agreements = Arbitraries.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED)
                .map(SmallDistrict::agreement);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, either(attendance)),
                net.jqwik.api.Tuple.of(3, either(enrollments)),
                net.jqwik.api.Tuple.of(3, either(consents)),
                net.jqwik.api.Tuple.of(2, either(mentors)),
                net.jqwik.api.Tuple.of(2, either(incidents)),
                net.jqwik.api.Tuple.of(2, studentsUp.map(LiveDistrictProperties::upsert)),
                net.jqwik.api.Tuple.of(1, staff.map(LiveDistrictProperties::upsert)),
                net.jqwik.api.Tuple.of(1, either(assignments)),
                net.jqwik.api.Tuple.of(1, either(characteristics)),
                net.jqwik.api.Tuple.of(1, either(marks)),
                net.jqwik.api.Tuple.of(1, either(diplomas)),
                net.jqwik.api.Tuple.of(1, either(partnerships)),
                net.jqwik.api.Tuple.of(1, agreements.map(LiveDistrictProperties::upsert)));
    }
}

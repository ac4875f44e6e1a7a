package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/** DistrictData's builder and indexes, checked against naive scans. */
class DistrictDataTest {
    private static final LocalDate START = LocalDate.of(2017, 9, 1);
    private static final OrganizationId DISTRICT = OrganizationId.of("D1");

    private static DistrictDataBuilder base(int students, int schools) {
        DistrictDataBuilder b = DistrictData.builder()
                .add(new Organization(DISTRICT, "District", OrganizationType.DISTRICT));
        for (int s = 0; s < schools; s++) {
            b.add(new School(school(s), "School " + s, DISTRICT, GradeLevel.KG, GradeLevel.G12, SchoolType.REGULAR));
        }
        for (int s = 0; s < students; s++) {
            b.add(new Student(student(s), "First", "Last", LocalDate.of(2008, 1, 1), Sex.FEMALE, RaceEthnicity.ASIAN,
                    Optional.empty(), false));
        }
        return b;
    }

    private static StudentId student(int i) {
        return StudentId.of("S" + i);
    }

    private static SchoolId school(int i) {
        return SchoolId.of("K" + i);
    }

    private static Enrollment enrollment(int student, int school, LocalDate entry, Optional<LocalDate> exit) {
        return new Enrollment(student(student), school(school), entry, GradeLevel.G03, exit,
                exit.map(d -> ExitWithdrawType.TRANSFERRED), false);
    }

    @Test
    void builderAppliesTheCrossRecordRulesAndNamesTheRecordById() {
        DistrictDataBuilder b = base(1, 1)
                .add(enrollment(0, 0, START, Optional.empty()))
                .add(enrollment(0, 0, START.plusDays(10), Optional.empty()))
                .add(enrollment(7, 0, START, Optional.empty()));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, b::build);
        assertThat(e.violations()).isEmpty();
        assertThat(e.recordViolations())
                .extracting(RecordViolation::recordType, RecordViolation::position, RecordViolation::key,
                        RecordViolation::component, RecordViolation::rule)
                .containsExactly(
                        tuple("Enrollment", 2, "studentId=S0, schoolId=K0, entryDate=2017-09-11", Optional.of("entryDate"),
                                "enrollment.no-overlap-at-school"),
                        tuple("Enrollment", 3, "studentId=S7, schoolId=K0, entryDate=2017-09-01", Optional.of("studentId"),
                                "reference.unknown-student"));
        assertThat(e.recordViolations()).anySatisfy(v -> assertThat(v.message()).contains("'S7'"));
        assertThat(e.recordViolations()).anySatisfy(v -> assertThat(v.message()).contains("'S0'").contains("'K0'"));
        assertThat(e.recordViolations()).allSatisfy(v -> assertThat(v.toString()).doesNotContain(".csv"));
    }

    @Test
    void buildsInAnyOrderOfAdding() {
        DistrictData data = DistrictData.builder()
                .add(new InstructionalDay(school(0), START))
                .add(enrollment(0, 0, START, Optional.empty()))
                .add(new Student(student(0), "A", "B", LocalDate.of(2008, 1, 1), Sex.MALE, RaceEthnicity.WHITE, Optional.empty(), false))
                .add(new School(school(0), "S", DISTRICT, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR))
                .add(new Organization(DISTRICT, "District", OrganizationType.DISTRICT))
                .add(new Organization(OrganizationId.of("C1"), "CBO", OrganizationType.COMMUNITY_ORGANIZATION))
                .add(new Partnership(school(0), OrganizationId.of("C1"), SchoolYear.of(2018), PartnershipRole.LEAD))
                .build();
        assertThat(data.enrollmentsAt(school(0))).hasSize(1);
        assertThat(data.isCommunitySchool(school(0), SchoolYear.of(2018))).isTrue();
        assertThat(data.isCommunitySchool(school(0), SchoolYear.of(2019))).isFalse();
        assertThat(data.calendar(school(0)).days()).containsExactly(START);
        assertThat(data.student(StudentId.of("S9"))).isEmpty();
        assertThat(data.enrollmentsOf(StudentId.of("S9"))).isEmpty();
        assertThat(DistrictData.empty().attendance().size()).isZero();
    }

    @Test
    void instructionalCalendarCountsDaysInARange() {
        InstructionalCalendar c = InstructionalCalendar.of(school(0),
                List.of(START, START.plusDays(1), START.plusDays(7), START.plusDays(7)));
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.daysIn(org.communityschools.core.model.DateRange.halfOpen(START.plusDays(1), START.plusDays(7)))).isEqualTo(1);
        assertThat(c.daysIn(org.communityschools.core.model.DateRange.startingOn(START.plusDays(1)))).isEqualTo(2);
        assertThat(c.isInstructionalDay(START.plusDays(2))).isFalse();
    }

    // ---------------------------------------------------------------- properties against naive scans

    /** Non-overlapping enrollments per student and school, built from gaps and lengths (0 = still enrolled). */
    @Provide
    Arbitrary<List<int[]>> enrollmentPlans() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 60)).as((st, sc, gap, len) -> new int[] {st, sc, gap, len});
        return one.list().ofMaxSize(40);
    }

    private static List<Enrollment> enrollments(List<int[]> plans) {
        Map<String, LocalDate> next = new LinkedHashMap<>();
        Map<String, Boolean> open = new LinkedHashMap<>();
        List<Enrollment> out = new ArrayList<>();
        for (int[] p : plans) {
            String key = p[0] + "/" + p[1];
            if (open.getOrDefault(key, false)) {
                continue;
            }
            LocalDate entry = next.getOrDefault(key, START).plusDays(p[2]);
            Optional<LocalDate> exit = p[3] == 0 ? Optional.empty() : Optional.of(entry.plusDays(p[3] - 1));
            out.add(enrollment(p[0], p[1], entry, exit));
            exit.ifPresentOrElse(d -> next.put(key, d.plusDays(1)), () -> open.put(key, true));
        }
        return out;
    }

    @Property(tries = 200)
    void enrollmentsOnEqualsFilteringAllEnrollments(@ForAll("enrollmentPlans") List<int[]> plans,
                                                    @ForAll @IntRange(min = -5, max = 400) int dayOffset,
                                                    @ForAll @IntRange(min = 0, max = 6) int studentIndex) {
        DistrictDataBuilder b = base(6, 3);
        List<Enrollment> all = enrollments(plans);
        all.forEach(b::add);
        DistrictData data = b.build();
        LocalDate date = START.plusDays(dayOffset);
        StudentId s = student(studentIndex);
        assertThat(data.enrollmentsOn(s, date)).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(e -> e.studentId().equals(s) && e.isEnrolledOn(date)).toList());
        assertThat(data.enrollmentsOf(s)).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(e -> e.studentId().equals(s)).toList());
        assertThat(data.enrollmentsOf(s)).isSortedAccordingTo(Comparator.comparing(Enrollment::entryDate));
        assertThat(data.enrollmentsAt(school(1))).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(e -> e.schoolId().equals(school(1))).toList());
    }

    @Provide
    Arbitrary<List<AttendanceRecord>> attendance() {
        Arbitrary<DayShare> share = Arbitraries.integers().between(0, DayShare.SCALE).map(DayShare::ofTenThousandths);
        Arbitrary<Optional<String>> reason = Arbitraries.of("sick", "family", "transport").optional(0.3);
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 300), Arbitraries.of(AttendanceCategory.class), share, reason)
                .as((st, sc, day, cat, dur, why) -> new AttendanceRecord(student(st), school(sc), START.plusDays(day), cat, dur, why))
                .list().ofMaxSize(300)
                .map(list -> {
                    Map<String, AttendanceRecord> unique = new LinkedHashMap<>();
                    list.forEach(r -> unique.putIfAbsent(r.studentId() + "/" + r.schoolId() + "/" + r.date(), r));
                    return List.copyOf(unique.values());
                });
    }

    @Property(tries = 200)
    void attendanceTableRoundTripsRecordsExactly(@ForAll("attendance") List<AttendanceRecord> records) {
        DistrictDataBuilder b = base(5, 3);
        for (int st = 0; st < 5; st++) {
            for (int sc = 0; sc < 3; sc++) {
                b.add(enrollment(st, sc, START, Optional.empty()));
            }
        }
        records.forEach(b::add);
        DistrictData data = b.build();
        AttendanceTable table = data.attendance();
        assertThat(table.size()).isEqualTo(records.size());
        Comparator<AttendanceRecord> order = Comparator.comparing(AttendanceRecord::date).thenComparing(r -> r.schoolId().value());
        for (int st = 0; st < 5; st++) {
            StudentId s = student(st);
            assertThat(table.recordsOf(s)).containsExactlyElementsOf(
                    records.stream().filter(r -> r.studentId().equals(s)).sorted(order).toList());
            assertThat(table.recordsOf(s, school(2))).containsExactlyElementsOf(
                    records.stream().filter(r -> r.studentId().equals(s) && r.schoolId().equals(school(2))).sorted(order).toList());
            // a filter on school and day: asked once per row of the student, in order; only the rows it keeps returned
            List<String> asked = new ArrayList<>();
            java.util.function.BiPredicate<SchoolId, LocalDate> keep = (school, day) -> day.getDayOfMonth() % 3 == 0
                    || school.equals(school(1));
            assertThat(table.recordsOf(s, (school, epochDay) -> {
                LocalDate day = LocalDate.ofEpochDay(epochDay);
                asked.add(school.value() + "@" + day);
                return keep.test(school, day);
            })).containsExactlyElementsOf(records.stream().filter(r -> r.studentId().equals(s))
                    .filter(r -> keep.test(r.schoolId(), r.date())).sorted(order).toList());
            assertThat(asked).containsExactlyElementsOf(records.stream().filter(r -> r.studentId().equals(s)).sorted(order)
                    .map(r -> r.schoolId().value() + "@" + r.date()).toList());
        }
        AtomicLong duration = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        table.forEach((student, school, epochDay, category, d) -> {
            rows.incrementAndGet();
            duration.addAndGet(d);
            assertThat(data.studentAt(student).value()).startsWith("S");
            assertThat(data.schoolAt(school).value()).startsWith("K");
        });
        assertThat(rows.get()).isEqualTo(records.size());
        assertThat(duration.get()).isEqualTo(records.stream().mapToLong(r -> r.duration().tenThousandths()).sum());
        List<AttendanceRecord> all = new ArrayList<>();
        table.forEachRecord(all::add);
        assertThat(all).containsExactlyInAnyOrderElementsOf(records);
        if (!records.isEmpty()) {
            assertThat(table.bytesPerRow()).isGreaterThan(0);
        }
    }

    @Test
    void attendanceTableUsesAtMostTwelveBytesPerRowAtScale() {
        DistrictDataBuilder b = base(200, 2);
        for (int st = 0; st < 200; st++) {
            b.add(enrollment(st, st % 2, START, Optional.empty()));
            for (int d = 179; d >= 0; d--) {
                b.add(new AttendanceRecord(student(st), school(st % 2), START.plusDays(d), AttendanceCategory.PRESENT,
                        DayShare.NONE, Optional.empty()));
            }
        }
        AttendanceTable table = b.build().attendance();
        assertThat(table.size()).isEqualTo(36_000);
        assertThat(table.bytesPerRow()).isLessThanOrEqualTo(12.0);
        assertThat(table.recordsOf(student(3))).extracting(AttendanceRecord::date).isSorted();
    }
}

package org.communityschools.metrics.internal;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceDefinition.Aggregation;
import org.communityschools.metrics.ChronicAbsenceDefinition.Boundary;
import org.communityschools.metrics.ChronicAbsenceDefinition.CategoryTreatment;
import org.communityschools.metrics.ChronicAbsenceDefinition.DayRule;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.ChronicAbsenceStatus;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.metrics.StudentAttendance;

/**
 * The batch engine agrees with a slow, plainly written reference on random districts: it walks every calendar
 * day, looks every record up, and decides with BigDecimal arithmetic.
 */
class ChronicAbsenceReferenceModelTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);

    record Scenario(ListAttendanceSource source, ChronicAbsenceDefinition definition, LocalDate asOf) {}

    static Scenario scenario(long seed) {
        Random rnd = new Random(seed);
        ListAttendanceSource s = new ListAttendanceSource();
        int schools = 1 + rnd.nextInt(3);
        List<SchoolId> ids = new ArrayList<>();
        LocalDate start = LocalDate.of(2017, 8, 25);
        for (int i = 0; i < schools; i++) {
            SchoolId id = SchoolId.of("S" + i);
            ids.add(id);
            List<LocalDate> days = new ArrayList<>();
            for (int d = 0; d < 60; d++) {
                if (rnd.nextInt(10) < 7) {
                    days.add(start.plusDays(d));
                }
            }
            s.calendar(id, days);
            if (rnd.nextBoolean()) {
                s.communitySchools.add(id);
            }
            s.schoolTypes.put(id, SchoolType.values()[rnd.nextInt(SchoolType.values().length)]);
        }
        int students = 1 + rnd.nextInt(8);
        AttendanceCategory[] categories = AttendanceCategory.values();
        for (int i = 0; i < students; i++) {
            StudentId student = StudentId.of("P" + i);
            LocalDate cursor = start.minusDays(rnd.nextInt(10));
            int enrollments = 1 + rnd.nextInt(3);
            SchoolId previous = null;
            for (int e = 0; e < enrollments && cursor.isBefore(start.plusDays(62)); e++) {
                SchoolId school = ids.get(rnd.nextInt(ids.size()));
                if (school.equals(previous) && e > 0 && s.enrollments.get(s.enrollments.size() - 1).exitWithdrawDate().orElseThrow().equals(cursor)) {
                    cursor = cursor.plusDays(1); // (student, school, entry date) identifies an enrollment
                }
                previous = school;
                boolean open = e == enrollments - 1 && rnd.nextBoolean();
                LocalDate exit = cursor.plusDays(rnd.nextInt(40));
                s.enrollments.add(new Enrollment(student, school, cursor, GradeLevel.values()[rnd.nextInt(14)],
                        open ? Optional.empty() : Optional.of(exit), open ? Optional.empty() : Optional.of(ExitWithdrawType.TRANSFERRED), false));
                LocalDate last = open ? start.plusDays(70) : exit;
                for (LocalDate d = cursor; !d.isAfter(last); d = d.plusDays(1)) {
                    if (s.isInstructionalDay(school, d) && rnd.nextInt(3) == 0) {
                        AttendanceCategory c = categories[rnd.nextInt(categories.length)];
                        DayShare share = c == AttendanceCategory.PARTIAL || rnd.nextInt(4) == 0
                                ? DayShare.ofTenThousandths(rnd.nextInt(3) == 0 ? 5000 : rnd.nextInt(10_001))
                                : c.defaultDuration().orElseThrow();
                        s.attendance.add(new AttendanceRecord(student, school, d, c, share, Optional.empty()));
                    }
                }
                // the next entry: the day after the exit or later, or the exit date itself (a same-day transfer)
                cursor = (open ? last : exit).plusDays(rnd.nextInt(5));
            }
        }
        ChronicAbsenceDefinition definition = switch (rnd.nextInt(7)) {
            case 0 -> ChronicAbsenceDefinition.FEDERAL;
            case 1 -> ChronicAbsenceDefinition.NYSED;
            case 2 -> ChronicAbsenceDefinition.CRDC;
            case 3 -> ChronicAbsenceDefinition.CALIFORNIA;
            default -> randomDefinition(rnd);
        };
        LocalDate asOf = start.plusDays(rnd.nextInt(70) - 5);
        return new Scenario(s, definition, asOf);
    }

    static ChronicAbsenceDefinition randomDefinition(Random rnd) {
        ChronicAbsenceDefinition.Builder b = ChronicAbsenceDefinition.builder("random");
        if (rnd.nextInt(4) == 0) {
            b.fixedDaysAbsent(1 + rnd.nextInt(6));
        } else {
            int den = 1 + rnd.nextInt(20);
            b.threshold(Ratio.of(1 + rnd.nextInt(den), den), rnd.nextBoolean() ? Boundary.INCLUSIVE : Boundary.EXCLUSIVE);
        }
        b.minimumDaysEnrolled(rnd.nextInt(12)).minimumDaysPresent(rnd.nextInt(3));
        b.dayRule(rnd.nextBoolean() ? DayRule.FRACTIONAL : DayRule.HALF_DAY_OR_MORE);
        b.aggregation(rnd.nextBoolean() ? Aggregation.POOLED : Aggregation.PER_ENROLLMENT);
        if (rnd.nextBoolean()) {
            b.treat(AttendanceCategory.IN_SCHOOL_SUSPENSION, CategoryTreatment.values()[rnd.nextInt(3)]);
        }
        if (rnd.nextBoolean()) {
            b.treat(AttendanceCategory.EXCUSED_ABSENCE, CategoryTreatment.values()[rnd.nextInt(3)]);
        }
        if (rnd.nextBoolean()) {
            java.util.Set<GradeLevel> grades = java.util.EnumSet.noneOf(GradeLevel.class);
            for (GradeLevel g : GradeLevel.values()) {
                if (rnd.nextInt(3) > 0) {
                    grades.add(g);
                }
            }
            grades.add(GradeLevel.G05);
            b.grades(grades);
        }
        if (rnd.nextBoolean()) {
            b.excludeSchoolTypes(java.util.EnumSet.of(SchoolType.values()[rnd.nextInt(SchoolType.values().length)]));
        }
        return b.build();
    }

    // ---- the reference: plain loops, BigDecimal days, cross-multiplied comparisons written out ----

    record Ref(int days, BigDecimal absent, ChronicAbsenceStatus status) {}

    static BigDecimal absentPart(ChronicAbsenceDefinition def, AttendanceRecord r) {
        CategoryTreatment t = def.treatment(r.category());
        if (t == CategoryTreatment.PRESENT) {
            return BigDecimal.ZERO;
        }
        if (t == CategoryTreatment.ABSENT) {
            return BigDecimal.ONE;
        }
        BigDecimal missed = r.duration().toBigDecimal();
        if (def.dayRule() == DayRule.FRACTIONAL) {
            return missed;
        }
        return missed.compareTo(new BigDecimal("0.5")) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    static ChronicAbsenceStatus refStatus(ChronicAbsenceDefinition def, int days, BigDecimal absent) {
        if (days == 0) {
            return ChronicAbsenceStatus.NOT_ENROLLED_ON_ANY_DAY;
        }
        if (days < def.minimumDaysEnrolled()) {
            return ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED;
        }
        if (BigDecimal.valueOf(days).subtract(absent).compareTo(BigDecimal.valueOf(def.minimumDaysPresent())) < 0) {
            return ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_PRESENT;
        }
        boolean chronic;
        if (def.fixedDaysAbsent().isPresent()) {
            chronic = absent.compareTo(BigDecimal.valueOf(def.fixedDaysAbsent().get())) >= 0;
        } else {
            Ratio t = def.threshold().orElseThrow();
            int c = absent.multiply(BigDecimal.valueOf(t.denominator())).compareTo(BigDecimal.valueOf(days).multiply(BigDecimal.valueOf(t.numerator())));
            chronic = def.boundary() == Boundary.INCLUSIVE ? c >= 0 : c > 0;
        }
        return chronic ? ChronicAbsenceStatus.CHRONICALLY_ABSENT : ChronicAbsenceStatus.NOT_CHRONICALLY_ABSENT;
    }

    /**
     * The reference of the days of {@code enrollments} (one student's): a day counts once when one of them covers
     * it and its school held instruction; absent adds every record at such an enrollment's school on such a day.
     */
    static Ref reference(Scenario sc, List<Enrollment> enrollments) {
        int days = 0;
        BigDecimal absent = BigDecimal.ZERO;
        for (LocalDate d = YEAR.firstDay(); !d.isAfter(YEAR.lastDay()) && !d.isAfter(sc.asOf()); d = d.plusDays(1)) {
            boolean enrolled = false;
            List<SchoolId> counted = new ArrayList<>();
            for (Enrollment e : enrollments) {
                if (e.isEnrolledOn(d) && sc.source().isInstructionalDay(e.schoolId(), d)) {
                    enrolled = true;
                    if (!counted.contains(e.schoolId())) {
                        counted.add(e.schoolId());
                    }
                }
            }
            if (enrolled) {
                days++;
            }
            for (AttendanceRecord r : sc.source().attendance) {
                if (r.studentId().equals(enrollments.get(0).studentId()) && counted.contains(r.schoolId()) && r.date().equals(d)) {
                    absent = absent.add(absentPart(sc.definition(), r));
                }
            }
        }
        return new Ref(days, absent, refStatus(sc.definition(), days, absent));
    }

    @Property(tries = 200)
    void rangesOfStudentsOnSeveralThreadsGiveTheOneThreadReport(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int parallelism) {
        Scenario sc = scenario(seed);
        ChronicAbsenceReport single = ChronicAbsenceEngine.calculate(sc.source(), YEAR, sc.definition(), sc.asOf(), 1, 1);
        sc.source().threadSafe = true;
        ChronicAbsenceReport parallel = ChronicAbsenceEngine.calculate(sc.source(), YEAR, sc.definition(), sc.asOf(), parallelism, 1);
        assertThat(parallel.enrollments()).containsExactlyElementsOf(single.enrollments());
        assertThat(parallel.students()).containsExactlyElementsOf(single.students());
        assertThat(parallel).isEqualTo(single);
    }

    @Property(tries = 300)
    void engineAgreesWithTheReferenceOnEveryEnrollmentStudentAndTotal(@ForAll long seed) {
        Scenario sc = scenario(seed);
        ChronicAbsenceReport report = ChronicAbsenceEngine.calculate(sc.source(), YEAR, sc.definition(), sc.asOf());

        // the considered enrollments by student and by student and school
        Map<StudentId, List<Enrollment>> byStudent = new TreeMap<>();
        Map<String, List<Enrollment>> byStay = new TreeMap<>();
        for (Enrollment e : sc.source().enrollments) {
            if (!sc.definition().grades().contains(e.entryGrade())
                    || sc.definition().excludedSchoolTypes().contains(sc.source().schoolType(e.schoolId()))) {
                continue;
            }
            byStudent.computeIfAbsent(e.studentId(), k -> new ArrayList<>()).add(e);
            byStay.computeIfAbsent(e.studentId() + "@" + e.schoolId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Ref> expectedEnrollments = new TreeMap<>();
        byStay.forEach((key, list) -> {
            Ref ref = reference(sc, list);
            if (ref.days() > 0) {
                expectedEnrollments.put(key, ref);
            }
        });
        Map<String, Ref> actualEnrollments = new TreeMap<>();
        for (EnrollmentAttendance ea : report.enrollments()) {
            actualEnrollments.put(ea.studentId() + "@" + ea.schoolId(),
                    new Ref(ea.figures().daysEnrolled(), ea.figures().daysAbsent(), ea.figures().status()));
        }
        assertThat(normalized(actualEnrollments)).isEqualTo(normalized(expectedEnrollments));

        Map<StudentId, Ref> expectedStudents = new TreeMap<>();
        byStudent.forEach((id, list) -> {
            Ref ref = reference(sc, list);
            if (ref.days() > 0) {
                expectedStudents.put(id, ref);
            }
        });
        Map<StudentId, Ref> actualStudents = new TreeMap<>();
        for (StudentAttendance sa : report.students()) {
            actualStudents.put(sa.studentId(), new Ref(sa.figures().daysEnrolled(), sa.figures().daysAbsent(), sa.figures().status()));
        }
        assertThat(normalized(actualStudents)).isEqualTo(normalized(expectedStudents));

        List<Ref> units = new ArrayList<>(sc.definition().aggregation() == Aggregation.POOLED ? expectedStudents.values() : expectedEnrollments.values());
        long chronic = units.stream().filter(r -> r.status() == ChronicAbsenceStatus.CHRONICALLY_ABSENT).count();
        long counted = units.stream().filter(r -> r.status().isCounted()).count();
        assertThat(report.district().members()).isEqualTo(units.size());
        assertThat(report.district().counted()).isEqualTo(counted);
        assertThat(report.district().chronicallyAbsent()).isEqualTo(chronic);
        assertThat(report.district().daysEnrolled()).isEqualTo(units.stream().mapToLong(Ref::days).sum());
        assertThat(report.district().daysAbsent()).isEqualByComparingTo(units.stream().map(Ref::absent).reduce(BigDecimal.ZERO, BigDecimal::add));
        int schoolMembers = report.schools().values().stream().mapToInt(x -> x.enrollments().members()).sum();
        assertThat(schoolMembers).isEqualTo(expectedEnrollments.size());
    }


    static <K> Map<K, String> normalized(Map<K, Ref> m) {
        Map<K, String> out = new LinkedHashMap<>();
        m.forEach((k, r) -> out.put(k, r.days() + " " + r.absent().stripTrailingZeros().toPlainString() + " " + r.status()));
        return out;
    }
}

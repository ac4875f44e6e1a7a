package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.communityschools.core.internal.index.Grouped;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The enrollments' two groupings ordered by a rank per enrollment ({@link Placements#finishEnrollments},
 * {@link Placements#enrollmentsAtSchool}) are the groups that sorting each group's records with the loader's
 * comparators gives ({@link Grouped#of}, stable), element by element: by student (entry date, then school id) and by
 * school (entry date, then student id), for enrollments that share students, schools and entry dates (ties that
 * differ only in the grade or exit keep the list's order), with id tables numbering the ids in id order or in another
 * order (a file not sorted by id: "S10" before "S9"). The primitive columns of the by-student grouping (school, entry
 * and exit day per position, read by {@link Placements#enrollmentOn}) are those of the path that looks the schools up.
 */
class EnrollmentRanksProperties {

    /** A placement table of {@code enrollments}, the ids numbered in id order ({@code sorted}) or by first appearance. */
    private static Placements placements(List<Enrollment> enrollments, boolean sorted,
                                         IdTable<StudentId, Student> students, IdTable<SchoolId, School> schools) {
        var studentIds = sorted ? new TreeSet<StudentId>() : new LinkedHashSet<StudentId>();
        var schoolIds = sorted ? new TreeSet<SchoolId>() : new LinkedHashSet<SchoolId>();
        for (Enrollment e : enrollments) {
            studentIds.add(e.studentId());
            schoolIds.add(e.schoolId());
        }
        for (StudentId s : studentIds) {
            students.add(s.value(), new Student(s, "Ana", "Diaz", LocalDate.of(2012, 3, 1), Sex.FEMALE,
                    RaceEthnicity.HISPANIC, Optional.empty(), false));
        }
        for (SchoolId s : schoolIds) {
            schools.add(s.value(), new School(s, "PS " + s.value(), OrganizationId.of("D1"), GradeLevel.KG,
                    GradeLevel.G12, SchoolType.REGULAR));
        }
        Placements p = new Placements(new Violations(100), students, () -> schools);
        for (Enrollment e : enrollments) {
            int st = students.indexOf(e.studentId().value());
            int sc = schools.indexOf(e.schoolId().value());
            assertThat(p.conflicting(e, st, sc)).isNull(); // the generator makes none
            p.addEnrollment(e, st, sc);
        }
        return p;
    }

    @Property(tries = 400)
    void groupsByRankAreTheGroupsByComparator(@ForAll("enrollments") List<Enrollment> enrollments,
                                              @ForAll boolean sorted) {
        IdTable<StudentId, Student> students = new IdTable<>(s -> s.id());
        IdTable<SchoolId, School> schools = new IdTable<>(s -> s.id());
        Placements ranked = placements(enrollments, sorted, students, schools);
        ranked.finishEnrollments();
        Grouped<Enrollment> byStudent = ranked.enrollmentIndex();
        Grouped<Enrollment> atSchool = ranked.enrollmentsAtSchool();

        var expectedByStudent = Grouped.of(enrollments, students.size(), e -> students.indexOf(e.studentId().value()),
                GroupOrders.ENROLLMENTS_OF_STUDENT);
        var expectedAtSchool = Grouped.of(enrollments, schools.size(), e -> schools.indexOf(e.schoolId().value()),
                GroupOrders.ENROLLMENTS_AT_SCHOOL);
        assertThat(byStudent.size()).isEqualTo(enrollments.size());
        assertThat(atSchool.size()).isEqualTo(enrollments.size());
        for (int k = 0; k < students.size(); k++) {
            assertThat(byStudent.get(k)).containsExactlyElementsOf(expectedByStudent.get(k));
        }
        for (int k = 0; k < schools.size(); k++) {
            assertThat(atSchool.get(k)).containsExactlyElementsOf(expectedAtSchool.get(k));
        }

        // the same placements built by the path that looks each school up (its kept indexes let go first)
        IdTable<StudentId, Student> students2 = new IdTable<>(s -> s.id());
        IdTable<SchoolId, School> schools2 = new IdTable<>(s -> s.id());
        Placements looked = placements(enrollments, sorted, students2, schools2);
        Grouped<Enrollment> atSchoolLooked = looked.enrollmentsAtSchool();
        looked.finishEnrollments();
        for (int k = 0; k < schools.size(); k++) {
            assertThat(atSchoolLooked.get(k)).containsExactlyElementsOf(expectedAtSchool.get(k));
        }
        for (Enrollment e : enrollments) {
            int st = students.indexOf(e.studentId().value());
            int sc = schools.indexOf(e.schoolId().value());
            for (int day : new int[] {(int) e.entryDate().toEpochDay(), (int) e.entryDate().toEpochDay() + 3}) {
                int a = ranked.enrollmentOn(st, sc, day);
                int b = looked.enrollmentOn(st, sc, day);
                assertThat(a).isEqualTo(b);
                if (a >= 0) {
                    assertThat(ranked.entryDay(a)).isEqualTo(looked.entryDay(b));
                    assertThat(ranked.exitDay(a)).isEqualTo(looked.exitDay(b));
                }
            }
        }
    }

    /**
     * A worked example: at school A, S2 and S10 enter on 9 Sep, S1 on 7 Sep; by the definition (entry date, then student
     * id as text) the school's order is S1 (the earlier date), then S10, then S2 ("S10" &lt; "S2" as text), whatever
     * order the file listed them in and the table numbered them. S10's own enrollments: school B on 7 Sep, then A on
     * 9 Sep.
     */
    @Example
    void aSchoolsEnrollmentsByDateThenStudentIdText() {
        LocalDate sep7 = LocalDate.of(2017, 9, 7);
        LocalDate sep9 = LocalDate.of(2017, 9, 9);
        Enrollment s2 = enrollment("S2", "A", sep9, Optional.empty());
        Enrollment s10a = enrollment("S10", "A", sep9, Optional.empty());
        Enrollment s1 = enrollment("S1", "A", sep7, Optional.empty());
        Enrollment s10b = enrollment("S10", "B", sep7, Optional.of(LocalDate.of(2017, 9, 8)));
        IdTable<StudentId, Student> students = new IdTable<>(s -> s.id());
        IdTable<SchoolId, School> schools = new IdTable<>(s -> s.id());
        Placements p = placements(List.of(s2, s10a, s1, s10b), false, students, schools);
        p.finishEnrollments();

        assertThat(p.enrollmentIndex().get(students.indexOf("S10"))).containsExactly(s10b, s10a);
        assertThat(p.enrollmentsAtSchool().get(schools.indexOf("A"))).containsExactly(s1, s10a, s2);
    }

    private static Enrollment enrollment(String student, String school, LocalDate entry, Optional<LocalDate> exit) {
        return new Enrollment(StudentId.of(student), SchoolId.of(school), entry, GradeLevel.KG, exit,
                exit.map(d -> ExitWithdrawType.values()[0]), false);
    }

    /**
     * Enrollments of a few students at a few schools on a few entry dates, so that dates and ids tie; each student's
     * enrollments at one school are one at a time (no two with the same entry date or overlapping), as the loader
     * accepts them. Ids of different lengths, so that the id order differs from the order of first appearance.
     */
    @Provide
    Arbitrary<List<Enrollment>> enrollments() {
        Arbitrary<String> student = Arbitraries.of("S1", "S2", "S9", "S10", "S11", "S100", "T3");
        Arbitrary<String> school = Arbitraries.of("A", "B", "B2", "C10", "C9");
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 40);
        Arbitrary<GradeLevel> grade = Arbitraries.of(GradeLevel.KG, GradeLevel.G05);
        return Combinators.combine(student, school, day, grade).as((st, sc, d, g) -> new Object[] {st, sc, d, g})
                .list().ofMaxSize(40).map(rows -> {
                    List<Enrollment> out = new ArrayList<>();
                    for (Object[] r : rows) {
                        LocalDate entry = LocalDate.of(2017, 9, 7).plusDays((Integer) r[2] * 3L);
                        Enrollment e = new Enrollment(StudentId.of((String) r[0]), SchoolId.of((String) r[1]), entry,
                                (GradeLevel) r[3], Optional.of(entry.plusDays(2)),
                                Optional.of(ExitWithdrawType.values()[0]), false);
                        boolean clash = out.stream().anyMatch(o -> o.studentId().equals(e.studentId())
                                && o.schoolId().equals(e.schoolId())
                                && (o.entryDate().equals(e.entryDate()) || o.period().overlaps(e.period())));
                        if (!clash) {
                            out.add(e);
                        }
                    }
                    return out;
                });
    }
}

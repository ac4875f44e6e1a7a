package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.testing.DomainArbitraries;

/**
 * {@link CourseMarkColumns} is the list of marks it was built from (records equal, in order), and
 * {@link Grouped#ofPositions} over it groups and orders exactly as {@link Grouped#of} over the records, also after a
 * group is replaced. The marks share a few students and schools and repeat some marks (equal records keep their order).
 */
class CourseMarkColumnsProperties {
    private static final Comparator<CourseMark> ORDER = Comparator.comparing(CourseMark::schoolYear)
            .thenComparing(CourseMark::term).thenComparing(CourseMark::courseCode).thenComparing(CourseMark::schoolId);

    @Property(tries = 300)
    void columnsAreTheMarks(@ForAll("marks") List<CourseMark> marks) {
        Tables t = tables(marks);
        CourseMarkColumns columns = build(marks, t);

        assertThat(columns).hasSize(marks.size());
        assertThat(columns).isEqualTo(marks);
        assertThat(columns.hashCode()).isEqualTo(marks.hashCode());
        for (int i = 0; i < marks.size(); i++) {
            assertThat(columns.get(i)).isEqualTo(marks.get(i));
            assertThat(columns.student(i)).isEqualTo(t.students.indexOf(marks.get(i).studentId().value()));
        }
        TreeSet<SchoolYear> years = new TreeSet<>();
        marks.forEach(m -> years.add(m.schoolYear()));
        assertThat(columns.schoolYears()).containsExactlyElementsOf(years);
    }

    @Property(tries = 300)
    void groupedByPositionsIsGroupedByRecords(@ForAll("marks") List<CourseMark> marks) {
        Tables t = tables(marks);
        CourseMarkColumns columns = build(marks, t);
        int keys = t.students.size() + 1;
        Grouped<CourseMark> expected = Grouped.of(marks, keys, m -> t.students.indexOf(m.studentId().value()), ORDER);
        Grouped<CourseMark> actual = Grouped.ofPositions(columns, keys, columns::student, ORDER);

        assertThat(actual.size()).isEqualTo(expected.size());
        for (int k = -1; k <= keys; k++) {
            assertThat(actual.get(k)).isEqualTo(expected.get(k));
            assertThat(actual.start(k)).isEqualTo(expected.start(k));
            assertThat(actual.end(k)).isEqualTo(expected.end(k));
        }
        for (int p = 0; p < expected.size(); p++) {
            assertThat(actual.at(p)).isEqualTo(expected.at(p));
        }
        if (!marks.isEmpty()) {
            List<CourseMark> replacement = List.of(marks.get(0));
            Grouped<CourseMark> e2 = expected.withGroup(0, replacement);
            Grouped<CourseMark> a2 = actual.withGroup(0, replacement);
            assertThat(a2.isFlat()).isFalse();
            assertThat(a2.size()).isEqualTo(e2.size());
            for (int k = 0; k < keys; k++) {
                assertThat(a2.get(k)).isEqualTo(e2.get(k));
            }
        }
    }

    /**
     * Grouping from the columns ({@link Grouped#ofColumns} with {@link CourseMarkColumns#compareByYearTermCourseSchool},
     * and {@link CourseMarkColumns#byStudent} from a rank per mark) is grouping the records by {@code ORDER}: the same marks, positions and order, ties (repeated marks) in the
     * list's order. With {@code oneStudent} every mark is the first student's, so that groups larger than the
     * insertion-sorted ones (32) are sorted too.
     */
    @Property(tries = 300)
    void groupedByColumnsIsGroupedByRecords(@ForAll("marks") List<CourseMark> generated, @ForAll boolean oneStudent,
                                            @ForAll boolean reversed) {
        List<CourseMark> marks = new ArrayList<>(generated);
        if (oneStudent) {
            marks.replaceAll(m -> new CourseMark(StudentId.of("S0"), m.schoolId(), m.schoolYear(), m.term(), m.courseCode(),
                    m.courseTitle(), m.subject(), m.numericMark(), m.letterMark(), m.result(), m.creditsAttempted(),
                    m.creditsEarned(), m.termEndDate()));
        }
        if (reversed) {
            java.util.Collections.reverse(marks);
        }
        Tables t = tables(marks);
        CourseMarkColumns columns = build(marks, t);
        int keys = t.students.size() + 1;
        Grouped<CourseMark> expected = Grouped.of(marks, keys, m -> t.students.indexOf(m.studentId().value()), ORDER);
        Grouped<CourseMark> actual = Grouped.ofColumns(columns, keys, columns::student, columns::compareByYearTermCourseSchool);
        // the same from a rank per mark (the loader's grouping)
        Grouped<CourseMark> ranked = columns.byStudent(keys);

        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(ranked.size()).isEqualTo(expected.size());
        for (int k = -1; k <= keys; k++) {
            assertThat(actual.get(k)).isEqualTo(expected.get(k));
            assertThat(actual.start(k)).isEqualTo(expected.start(k));
            assertThat(actual.end(k)).isEqualTo(expected.end(k));
            assertThat(ranked.get(k)).isEqualTo(expected.get(k));
            assertThat(ranked.start(k)).isEqualTo(expected.start(k));
            assertThat(ranked.end(k)).isEqualTo(expected.end(k));
        }
        Grouped<CourseMark> byRecords = Grouped.ofPositions(columns, keys, columns::student, ORDER);
        for (int p = 0; p < expected.size(); p++) {
            assertThat(actual.at(p)).isEqualTo(expected.at(p));
            // marks tied by ORDER may differ in other fields (title, marks): equal records mean the same stable order
            assertThat(actual.at(p)).isEqualTo(byRecords.at(p));
        }
        for (int a = 0; a < marks.size(); a++) {
            for (int b = 0; b < marks.size(); b++) {
                assertThat(Integer.signum(columns.compareByYearTermCourseSchool(a, b)))
                        .isEqualTo(Integer.signum(ORDER.compare(marks.get(a), marks.get(b))));
            }
        }
    }

    private record Tables(IdTable<StudentId, StudentId> students, IdTable<SchoolId, SchoolId> schools) {}

    private static Tables tables(List<CourseMark> marks) {
        IdTable<StudentId, StudentId> students = new IdTable<>(s -> s);
        IdTable<SchoolId, SchoolId> schools = new IdTable<>(s -> s);
        for (CourseMark m : marks) {
            if (students.indexOf(m.studentId().value()) < 0) {
                students.add(m.studentId().value(), m.studentId());
            }
            if (schools.indexOf(m.schoolId().value()) < 0) {
                schools.add(m.schoolId().value(), m.schoolId());
            }
        }
        students.trim();
        schools.trim();
        return new Tables(students, schools);
    }

    private static CourseMarkColumns build(List<CourseMark> marks, Tables t) {
        CourseMarkColumns.Builder b = CourseMarkColumns.builder();
        for (CourseMark m : marks) {
            b.add(m, t.students.indexOf(m.studentId().value()), t.schools.indexOf(m.schoolId().value()));
        }
        return b.build(t.students, t.schools);
    }

    /** Marks of up to four students at up to three schools, some repeated, some with a term end date. */
    @Provide
    Arbitrary<List<CourseMark>> marks() {
        Arbitrary<CourseMark> one = Combinators.combine(DomainArbitraries.courseMarks(), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-1, 300)).as((m, s, c, end) -> {
                    StudentId student = StudentId.of("S" + s);
                    SchoolId school = SchoolId.of("K" + c);
                    LocalDate last = m.schoolYear().firstDay().plusDays(Math.max(0, end));
                    Optional<LocalDate> termEnd = end < 0 || !m.schoolYear().contains(last) ? Optional.empty() : Optional.of(last);
                    return new CourseMark(student, school, m.schoolYear(), m.term(), m.courseCode(), m.courseTitle(),
                            m.subject(), m.numericMark(), m.letterMark(), m.result(), m.creditsAttempted(),
                            m.creditsEarned(), termEnd);
                });
        return one.list().ofMaxSize(40).flatMap(list -> Arbitraries.integers().between(0, Math.max(0, list.size()))
                .list().ofMaxSize(10).map(repeats -> {
                    List<CourseMark> out = new ArrayList<>(list);
                    for (int r : repeats) {
                        if (r < list.size()) {
                            out.add(r, list.get(r));
                        }
                    }
                    return out;
                }));
    }
}

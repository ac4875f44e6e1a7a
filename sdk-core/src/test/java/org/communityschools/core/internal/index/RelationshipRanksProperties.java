package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.internal.read.Assembler;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * {@link RelationshipColumns#byStaff} and {@link RelationshipColumns#byStudent}, grouped by a rank per relationship,
 * are the groups that sorting each group's records with the loader's comparators gives ({@link Grouped#of}, stable),
 * element by element, and those of the comparison over positions ({@link Grouped#ofColumns}): for relationships that
 * share students and staff members, starts, ids and types (ties that differ only in the end date keep the list's
 * order), with the id tables numbering the ids in id order or in another order (as a file not sorted by id does),
 * and after a later version replaced a student's group (a change batch).
 */
class RelationshipRanksProperties {
    /** The order of a student's relationships, composed from the records' fields (the oracle). */
    private static final Comparator<StudentStaffRelationship> OF_STUDENT = Comparator.comparing(
            (StudentStaffRelationship r) -> r.period().start()).thenComparing(StudentStaffRelationship::staffId)
            .thenComparing(StudentStaffRelationship::relationship);

    /** The columns of {@code rels} with tables numbering the ids in id order ({@code sorted}) or by first appearance. */
    private static RelationshipColumnsProperties.Built build(List<StudentStaffRelationship> rels, boolean sorted) {
        IdTable<StudentId, StudentId> students = new IdTable<>(s -> s);
        IdTable<StaffId, StaffId> staff = new IdTable<>(s -> s);
        var studentIds = sorted ? new TreeSet<StudentId>() : new LinkedHashSet<StudentId>();
        var staffIds = sorted ? new TreeSet<StaffId>() : new LinkedHashSet<StaffId>();
        for (StudentStaffRelationship r : rels) {
            studentIds.add(r.studentId());
            staffIds.add(r.staffId());
        }
        studentIds.forEach(s -> students.add(s.value(), s));
        staffIds.forEach(s -> staff.add(s.value(), s));
        RelationshipColumns.Builder b = RelationshipColumns.builder();
        for (StudentStaffRelationship r : rels) {
            b.add(r, students.indexOf(r.studentId().value()), staff.indexOf(r.staffId().value()));
        }
        students.trim();
        staff.trim();
        return new RelationshipColumnsProperties.Built(b.build(students, staff), students, staff);
    }

    @Property(tries = 400)
    void groupsByRankAreTheGroupsByComparator(@ForAll("relationships") List<StudentStaffRelationship> rels,
                                              @ForAll boolean sorted) {
        RelationshipColumnsProperties.Built built = build(rels, sorted);
        RelationshipColumns columns = built.columns();
        IdTable<StudentId, StudentId> students = built.students();
        IdTable<StaffId, StaffId> staff = built.staff();

        Grouped<StudentStaffRelationship> byStaff = columns.byStaff();
        Grouped<StudentStaffRelationship> byStudent = columns.byStudent();
        var expectedByStaff = Grouped.of(rels, staff.size(), r -> staff.indexOf(r.staffId().value()),
                Assembler.RELATIONSHIPS_OF_STAFF);
        var expectedByStudent = Grouped.of(rels, students.size(), r -> students.indexOf(r.studentId().value()), OF_STUDENT);
        var comparedByStaff = Grouped.ofColumns(columns, staff.size(), columns::staff, columns::compareByStartStudentType);
        var comparedByStudent = Grouped.ofColumns(columns, students.size(), columns::student,
                columns::compareByStartStaffType);
        assertThat(byStaff.size()).isEqualTo(rels.size());
        assertThat(byStudent.size()).isEqualTo(rels.size());
        for (int k = 0; k < staff.size(); k++) {
            assertThat(byStaff.get(k)).containsExactlyElementsOf(expectedByStaff.get(k))
                    .containsExactlyElementsOf(comparedByStaff.get(k));
            for (int p = byStaff.start(k); p < byStaff.end(k); p++) {
                assertThat(byStaff.sourcePosition(p)).isEqualTo(comparedByStaff.sourcePosition(p));
            }
        }
        for (int k = 0; k < students.size(); k++) {
            assertThat(byStudent.get(k)).containsExactlyElementsOf(expectedByStudent.get(k))
                    .containsExactlyElementsOf(comparedByStudent.get(k));
            for (int p = byStudent.start(k); p < byStudent.end(k); p++) {
                assertThat(byStudent.sourcePosition(p)).isEqualTo(comparedByStudent.sourcePosition(p));
            }
        }
    }

    @Property(tries = 300)
    void aReplacedGroupIsTheBatchsGroup(@ForAll("relationships") List<StudentStaffRelationship> rels,
                                        @ForAll boolean sorted, @ForAll @IntRange(min = 0, max = 5) int replaced) {
        RelationshipColumnsProperties.Built built = build(rels, sorted);
        RelationshipColumns columns = built.columns();
        IdTable<StudentId, StudentId> students = built.students();
        Grouped<StudentStaffRelationship> byStudent = columns.byStudent();
        List<StudentStaffRelationship> after = new ArrayList<>(rels);
        if (replaced < students.size()) {
            // as a change batch: every other relationship of the student dropped, one added with a new staff member
            StudentId s = students.id(replaced);
            List<StudentStaffRelationship> old = byStudent.get(replaced);
            List<StudentStaffRelationship> group = new ArrayList<>();
            for (int i = 0; i < old.size(); i += 2) {
                group.add(old.get(i));
            }
            group.add(new StudentStaffRelationship(s, StaffId.of("NEW"), RelationshipType.MENTOR_OF,
                    DateRange.closed(LocalDate.of(2017, 9, 7), Optional.empty())));
            group.sort(OF_STUDENT);
            byStudent = byStudent.withGroup(replaced, group);
            after.removeIf(r -> r.studentId().equals(s));
            after.addAll(group);
        }
        var expected = Grouped.of(after, students.size(), r -> students.indexOf(r.studentId().value()), OF_STUDENT);
        assertThat(byStudent.size()).isEqualTo(after.size());
        for (int k = -1; k <= students.size(); k++) {
            assertThat(byStudent.get(k)).containsExactlyElementsOf(expected.get(k));
        }
    }

    @Property(tries = 300)
    void idRanksAreTheIdsOrder(@ForAll("ids") List<String> ids) {
        IdTable<StudentId, StudentId> table = new IdTable<>(s -> s);
        ids.forEach(i -> table.add(i, StudentId.of(i)));
        int[] rank = Ranks.ofIds(table);
        assertThat(rank).hasSize(ids.size());
        for (int a = 0; a < ids.size(); a++) {
            for (int b = 0; b < ids.size(); b++) {
                assertThat(Integer.signum(Integer.compare(rank[a], rank[b])))
                        .isEqualTo(Integer.signum(ids.get(a).compareTo(ids.get(b))));
            }
        }
    }

    /** Unique ids, sometimes in id order, often not (ids of different lengths: "S10" before "S2"). */
    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<List<String>> unique = Arbitraries.integers().between(0, 40).map(i -> "S" + i).list().uniqueElements()
                .ofMaxSize(20);
        return Combinators.combine(unique, Arbitraries.of(true, false)).as((list, sort) -> {
            List<String> out = new ArrayList<>(list);
            if (sort) {
                out.sort(Comparator.naturalOrder());
            }
            return out;
        });
    }

    /**
     * Relationships of up to six students with up to four staff members (ids whose text order is not their number's),
     * every type, three starts and several ends (so that relationships tie on start, id and type and differ in the
     * end), some repeated.
     */
    @Provide
    Arbitrary<List<StudentStaffRelationship>> relationships() {
        Arbitrary<StudentId> student = Arbitraries.of("S1", "S10", "S2", "S20", "S3", "S100").map(StudentId::of);
        Arbitrary<StaffId> staff = Arbitraries.of("T9", "T10", "T1", "T-2").map(StaffId::of);
        Arbitrary<LocalDate> start = Arbitraries.of(LocalDate.of(2017, 9, 7), LocalDate.of(2018, 1, 29),
                LocalDate.of(2016, 9, 8));
        Arbitrary<Optional<Integer>> days = Arbitraries.integers().between(0, 3).map(d -> d * 90).optional(0.7);
        Arbitrary<StudentStaffRelationship> one = Combinators.combine(student, staff, Arbitraries.of(RelationshipType.class),
                start, days).as((s, m, t, from, d) -> new StudentStaffRelationship(s, m, t,
                DateRange.closed(from, d.map(from::plusDays))));
        return one.list().ofMaxSize(40).flatMap(list -> Arbitraries.integers().between(0, Math.max(0, list.size()))
                .list().ofMaxSize(10).map(repeats -> {
                    List<StudentStaffRelationship> out = new ArrayList<>(list);
                    for (int r : repeats) {
                        if (r < list.size()) {
                            out.add(r, list.get(r));
                        }
                    }
                    return out;
                }));
    }
}

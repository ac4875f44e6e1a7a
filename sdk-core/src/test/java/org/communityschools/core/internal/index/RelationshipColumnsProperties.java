package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.internal.read.Assembler;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.testing.DomainArbitraries;

/**
 * {@link RelationshipColumns} is the list of relationships it was built from (records equal, in order), and its
 * groups by staff member and by student ({@link Grouped#ofPositions}) are those of {@link Grouped#of} over the records,
 * in the loader's orders. Relationships share a few students and staff members and some repeat.
 */
class RelationshipColumnsProperties {
    /** The order of a student's relationships, composed from the records' fields (the oracle). */
    private static final java.util.Comparator<StudentStaffRelationship> OF_STUDENT = java.util.Comparator.comparing(
            (StudentStaffRelationship r) -> r.period().start()).thenComparing(StudentStaffRelationship::staffId)
            .thenComparing(StudentStaffRelationship::relationship);

    /** The columns of {@code rels}, with the tables numbering their students and staff in order of first appearance. */
    record Built(RelationshipColumns columns, IdTable<StudentId, StudentId> students, IdTable<StaffId, StaffId> staff) {
        static Built of(List<StudentStaffRelationship> rels) {
            IdTable<StudentId, StudentId> students = new IdTable<>(s -> s);
            IdTable<StaffId, StaffId> staff = new IdTable<>(s -> s);
            RelationshipColumns.Builder b = RelationshipColumns.builder();
            for (StudentStaffRelationship r : rels) {
                if (students.indexOf(r.studentId().value()) < 0) {
                    students.add(r.studentId().value(), r.studentId());
                }
                if (staff.indexOf(r.staffId().value()) < 0) {
                    staff.add(r.staffId().value(), r.staffId());
                }
                b.add(r, students.indexOf(r.studentId().value()), staff.indexOf(r.staffId().value()));
            }
            students.trim();
            staff.trim();
            RelationshipColumns columns = b.build(students, staff);
            return new Built(columns, students, staff);
        }
    }

    @Property(tries = 300)
    void columnsAreTheRelationships(@ForAll("relationships") List<StudentStaffRelationship> rels) {
        Built built = Built.of(rels);
        RelationshipColumns columns = built.columns();
        IdTable<StudentId, StudentId> students = built.students();
        IdTable<StaffId, StaffId> staff = built.staff();

        assertThat(columns).isEqualTo(rels);
        assertThat(columns.hashCode()).isEqualTo(rels.hashCode());
        var byStaff = Grouped.ofPositions(columns, staff.size(), columns::staff, Assembler.RELATIONSHIPS_OF_STAFF);
        var expectedByStaff = Grouped.of(rels, staff.size(), r -> staff.indexOf(r.staffId().value()), Assembler.RELATIONSHIPS_OF_STAFF);
        for (int k = 0; k < staff.size(); k++) {
            assertThat(byStaff.get(k)).isEqualTo(expectedByStaff.get(k));
        }
        // grouped from the columns, ordered as the records: by staff member (start, student, type), by student
        // (start, staff member, type)
        var columnsByStaff = Grouped.ofColumns(columns, staff.size(), columns::staff, columns::compareByStartStudentType);
        for (int k = 0; k < staff.size(); k++) {
            assertThat(columnsByStaff.get(k)).isEqualTo(expectedByStaff.get(k));
        }
        var columnsByStudent = Grouped.ofColumns(columns, students.size(), columns::student, columns::compareByStartStaffType);
        var expectedOfStudent = Grouped.of(rels, students.size(), r -> students.indexOf(r.studentId().value()), OF_STUDENT);
        for (int k = 0; k < students.size(); k++) {
            assertThat(columnsByStudent.get(k)).isEqualTo(expectedOfStudent.get(k));
        }
        for (int a = 0; a < rels.size(); a++) {
            for (int c = 0; c < rels.size(); c++) {
                assertThat(Integer.signum(columns.compareByStartStudentType(a, c)))
                        .isEqualTo(Integer.signum(Assembler.RELATIONSHIPS_OF_STAFF.compare(rels.get(a), rels.get(c))));
                assertThat(Integer.signum(columns.compareByStartStaffType(a, c)))
                        .isEqualTo(Integer.signum(OF_STUDENT.compare(rels.get(a), rels.get(c))));
            }
        }
        var byStudent = Grouped.ofPositions(columns, students.size(), columns::student, Assembler.RELATIONSHIPS_OF_STAFF);
        var expectedByStudent = Grouped.of(rels, students.size(), r -> students.indexOf(r.studentId().value()),
                Assembler.RELATIONSHIPS_OF_STAFF);
        for (int k = 0; k < students.size(); k++) {
            assertThat(byStudent.get(k)).isEqualTo(expectedByStudent.get(k));
        }
    }

    /** Relationships of up to four students with up to three staff members, some repeated. */
    @Provide
    Arbitrary<List<StudentStaffRelationship>> relationships() {
        Arbitrary<StudentStaffRelationship> one = Combinators.combine(DomainArbitraries.studentStaffRelationships(),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as((r, s, m) ->
                new StudentStaffRelationship(StudentId.of("S" + s), StaffId.of("T" + m), r.relationship(), r.period()));
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

package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * {@link RelationshipColumns#withStaffOn}, which screens a student's relationships by the staff member's dense index
 * and the period's code without building the others, answers what filtering the student's group answers (the
 * relationships with that staff member whose period contains the day, in the group's order): for groups read from
 * the columns, for groups a later version replaced (which hold records), for a staff member or student the columns
 * do not know, and on every day around the periods.
 */
class RelationshipLookupProperties {
    @Provide
    Arbitrary<List<StudentStaffRelationship>> relationships() {
        return new RelationshipColumnsProperties().relationships();
    }

    @Provide
    Arbitrary<LocalDate> days() {
        // the generated periods lie around 2015-2020
        return Arbitraries.integers().between(0, 6 * 366).map(d -> LocalDate.of(2014, 7, 1).plusDays(d));
    }

    @Property(tries = 500)
    void theLookupIsTheStudentsGroupFiltered(@ForAll("relationships") List<StudentStaffRelationship> rels,
                                             @ForAll("days") LocalDate day,
                                             @ForAll @IntRange(min = 0, max = 4) int replaced) {
        RelationshipColumnsProperties.Built built = RelationshipColumnsProperties.Built.of(rels);
        RelationshipColumns columns = built.columns();
        IdTable<StudentId, StudentId> students = built.students();
        IdTable<StaffId, StaffId> staff = built.staff();
        Grouped<StudentStaffRelationship> byStudent = Grouped.ofColumns(columns, students.size(), columns::student,
                columns::compareByStartStaffType);
        if (replaced < students.size()) {
            // a later version replaced one student's group (as a change batch does): some of its relationships dropped,
            // one added with a staff member the columns do not know
            List<StudentStaffRelationship> group = new ArrayList<>();
            List<StudentStaffRelationship> old = byStudent.get(replaced);
            for (int i = 0; i < old.size(); i += 2) {
                group.add(old.get(i));
            }
            if (!old.isEmpty()) {
                StudentStaffRelationship first = old.get(0);
                group.add(new StudentStaffRelationship(first.studentId(), StaffId.of("NEW"), first.relationship(),
                        first.period()));
            }
            byStudent = byStudent.withGroup(replaced, group);
        }
        List<StaffId> asked = new ArrayList<>(List.of(StaffId.of("T0"), StaffId.of("T1"), StaffId.of("T2"),
                StaffId.of("NEW"), StaffId.of("UNKNOWN")));
        for (int s = -1; s <= students.size(); s++) {
            for (StaffId m : asked) {
                List<StudentStaffRelationship> expected = new ArrayList<>();
                for (StudentStaffRelationship r : byStudent.get(s)) {
                    if (r.staffId().equals(m) && r.period().contains(day)) {
                        expected.add(r);
                    }
                }
                List<StudentStaffRelationship> actual = RelationshipColumns.withStaffOn(byStudent, s, m, day);
                assertThat(actual).containsExactlyElementsOf(expected);
                assertThatThrownBy(() -> actual.add(new StudentStaffRelationship(StudentId.of("S0"), m,
                        org.communityschools.core.model.RelationshipType.MENTOR_OF,
                        org.communityschools.core.model.DateRange.closed(day, java.util.Optional.empty()))))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }
}

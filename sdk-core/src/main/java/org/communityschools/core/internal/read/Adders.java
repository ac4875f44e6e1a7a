package org.communityschools.core.internal.read;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BiPredicate;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * {@link Assembler#addAny} for the records of one file, chosen once per file: the record of the file's type goes
 * straight to its {@code add}, any other to {@link Assembler#addAny} (so the result is the same). A reader that calls
 * {@code addAny} per record makes one method hold every file's cross-record rules, which the JIT compiler compiles again
 * (larger) each time the read reaches a new file; one target per file is compiled once. The target is called through a
 * method handle held in a field, which the JIT compiler does not inline: a lambda per file calling its {@code add}
 * directly had each file's rules compiled twice at C2 (on their own, and inlined into the lambda; about a fifth of the
 * C2 compiler's time on NYC), for a call that costs a few nanoseconds per record.
 */
final class Adders {
    private Adders() {
    }

    /** Where the records of {@code file} go in {@code a}. */
    static BiPredicate<Object, Where> of(Assembler a, DataFile file) {
        Class<?> type = switch (file) {
            case ORGANIZATIONS -> Organization.class;
            case SCHOOLS -> School.class;
            case PARTNERSHIPS -> Partnership.class;
            case STUDENTS -> Student.class;
            case STUDENT_CHARACTERISTICS -> StudentCharacteristic.class;
            case CALENDAR -> InstructionalDay.class;
            case ENROLLMENTS -> Enrollment.class;
            case DIPLOMAS -> Diploma.class;
            case ATTENDANCE -> AttendanceRecord.class;
            case BEHAVIOR -> BehaviorIncident.class;
            case COURSE_MARKS -> CourseMark.class;
            case STAFF -> Staff.class;
            case STAFF_ASSIGNMENTS -> StaffAssignment.class;
            case STUDENT_STAFF -> StudentStaffRelationship.class;
            case INTERVENTIONS -> Intervention.class;
            case INTERVENTION_PARTICIPANTS -> InterventionParticipant.class;
            case CONSENTS -> Consent.class;
            default -> null;
        };
        if (type == null) {
            return a::addAny;
        }
        try {
            MethodHandle add = MethodHandles.lookup()
                    .findVirtual(Assembler.class, "add", MethodType.methodType(boolean.class, type, Where.class))
                    .bindTo(a).asType(MethodType.methodType(boolean.class, Object.class, Where.class));
            return file == DataFile.STUDENT_STAFF ? new RelationshipAdder(a, type, add) : new Adder(a, type, add);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Assembler.add for " + type.getSimpleName(), e);
        }
    }

    /** student_staff.csv's adder, which also takes a row as its values ({@link Assembler#addRelationship}). */
    private static final class RelationshipAdder extends Adder implements RowRecords.RelationshipRows {
        RelationshipAdder(Assembler assembler, Class<?> type, MethodHandle add) {
            super(assembler, type, add);
        }

        @Override
        public boolean relationship(int student, int staff, RelationshipType type, DateRange period, Where where) {
            return assembler.addRelationship(student, staff, type, period);
        }
    }

    /** The records of {@code type} to {@code add}, any other to {@link Assembler#addAny}. */
    private static class Adder implements BiPredicate<Object, Where> {
        final Assembler assembler;
        private final Class<?> type;
        private final MethodHandle add;

        Adder(Assembler assembler, Class<?> type, MethodHandle add) {
            this.assembler = assembler;
            this.type = type;
            this.add = add;
        }

        @Override
        public boolean test(Object record, Where where) {
            if (!type.isInstance(record)) {
                return assembler.addAny(record, where);
            }
            try {
                return (boolean) add.invokeExact(record, where);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

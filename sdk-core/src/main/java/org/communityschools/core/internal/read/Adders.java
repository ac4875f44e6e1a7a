package org.communityschools.core.internal.read;

import java.util.function.BiPredicate;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
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
 * (larger) each time the read reaches a new file; one target per file is compiled once.
 */
final class Adders {
    private Adders() {
    }

    /** Where the records of {@code file} go in {@code a}. */
    static BiPredicate<Object, Where> of(Assembler a, DataFile file) {
        return switch (file) {
            case ORGANIZATIONS -> (r, w) -> r instanceof Organization x ? a.add(x, w) : a.addAny(r, w);
            case SCHOOLS -> (r, w) -> r instanceof School x ? a.add(x, w) : a.addAny(r, w);
            case PARTNERSHIPS -> (r, w) -> r instanceof Partnership x ? a.add(x, w) : a.addAny(r, w);
            case STUDENTS -> (r, w) -> r instanceof Student x ? a.add(x, w) : a.addAny(r, w);
            case STUDENT_CHARACTERISTICS -> (r, w) -> r instanceof StudentCharacteristic x ? a.add(x, w) : a.addAny(r, w);
            case CALENDAR -> (r, w) -> r instanceof InstructionalDay x ? a.add(x, w) : a.addAny(r, w);
            case ENROLLMENTS -> (r, w) -> r instanceof Enrollment x ? a.add(x, w) : a.addAny(r, w);
            case DIPLOMAS -> (r, w) -> r instanceof Diploma x ? a.add(x, w) : a.addAny(r, w);
            case ATTENDANCE -> (r, w) -> r instanceof AttendanceRecord x ? a.add(x, w) : a.addAny(r, w);
            case BEHAVIOR -> (r, w) -> r instanceof BehaviorIncident x ? a.add(x, w) : a.addAny(r, w);
            case COURSE_MARKS -> (r, w) -> r instanceof CourseMark x ? a.add(x, w) : a.addAny(r, w);
            case STAFF -> (r, w) -> r instanceof Staff x ? a.add(x, w) : a.addAny(r, w);
            case STAFF_ASSIGNMENTS -> (r, w) -> r instanceof StaffAssignment x ? a.add(x, w) : a.addAny(r, w);
            case STUDENT_STAFF -> (r, w) -> r instanceof StudentStaffRelationship x ? a.add(x, w) : a.addAny(r, w);
            case INTERVENTIONS -> (r, w) -> r instanceof Intervention x ? a.add(x, w) : a.addAny(r, w);
            case INTERVENTION_PARTICIPANTS -> (r, w) -> r instanceof InterventionParticipant x ? a.add(x, w)
                    : a.addAny(r, w);
            case CONSENTS -> (r, w) -> r instanceof Consent x ? a.add(x, w) : a.addAny(r, w);
            default -> a::addAny;
        };
    }
}

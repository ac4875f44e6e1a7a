package org.communityschools.core.internal.synth;

import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/** The records of a run of consecutive students, per file, in student order; written out in batch order. */
final class Batch {
    final List<Student> students = new ArrayList<>();
    final List<StudentCharacteristic> characteristics = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Diploma> diplomas = new ArrayList<>();
    final List<AttendanceRecord> attendance = new ArrayList<>();
    final List<BehaviorIncident> behavior = new ArrayList<>();
    final List<CourseMark> courseMarks = new ArrayList<>();
    final List<StudentStaffRelationship> studentStaff = new ArrayList<>();
    final List<InterventionParticipant> participants = new ArrayList<>();
    final List<Consent> consents = new ArrayList<>();
}

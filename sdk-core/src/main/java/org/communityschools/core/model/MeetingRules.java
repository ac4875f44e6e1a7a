package org.communityschools.core.model;

import java.util.Optional;

/** Rules shared by the meeting records. */
final class MeetingRules {
    private MeetingRules() {}

    /** An agenda item or action step is about exactly one of a student and a (non-blank) group. */
    static void studentOrGroup(Optional<StudentId> student, Optional<String> group) {
        if (student.isPresent() == group.isPresent()) {
            throw new IllegalArgumentException("exactly one of student_id and group must be given");
        }
        if (group.isPresent() && group.get().isBlank()) {
            throw new IllegalArgumentException("group must not be blank");
        }
    }
}

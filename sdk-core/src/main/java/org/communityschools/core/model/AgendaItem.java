package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Optional;

/**
 * One item on a meeting's agenda: a student or a group of students and why they are on it ({@code agenda_items.csv}).
 * Notes about a student are an education record of that student (FERPA, 34 CFR 99.3). Immutable and thread-safe.
 *
 * @param meetingId the meeting
 * @param number    the item's number on the meeting's agenda, from 1 (with the meeting, the item's key)
 * @param studentId the student, when the item is about one student (exactly one of student and group)
 * @param group     the group, such as "grade 9 chronically absent", when the item is about a group
 * @param reason    why the item is on the agenda
 * @param notes     the team's free-text notes, if any
 */
public record AgendaItem(MeetingId meetingId, int number, Optional<StudentId> studentId, Optional<@Size(max = 100) String> group,
                         AgendaReason reason, Optional<@Size(max = 2000) String> notes) {
    /**
     * Checks that nothing is missing and that the item is about exactly one of a student and a group.
     *
     * @param meetingId the meeting
     * @param number the item's number on the meeting's agenda, from 1 (with the meeting, the item's key)
     * @param studentId the student, when the item is about one student (exactly one of student and group)
     * @param group the group, such as "grade 9 chronically absent", when the item is about a group
     * @param reason why the item is on the agenda
     * @param notes the team's free-text notes, if any
     */
    public AgendaItem {
        Objects.requireNonNull(meetingId, "meeting_id");
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reason, "reason");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1: " + number);
        }
        Objects.requireNonNull(notes, "notes");
        MeetingRules.studentOrGroup(studentId, group);
    }

    /** {@code AgendaItem[meeting=…, number=…, student=…]} (student when given): no group, reason or notes. */
    @Override
    public String toString() {
        return "AgendaItem[meeting=" + meetingId + ", number=" + number + studentId.map(s -> ", student=" + s).orElse("")
                + "]";
    }
}

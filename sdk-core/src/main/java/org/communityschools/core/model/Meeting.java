package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A meeting of a school's team (principal, teachers, the Community School Director, Success Mentors) that reviews the
 * data and decides action steps ({@code meetings.csv}). Immutable and thread-safe.
 *
 * @param id           the meeting's identifier
 * @param schoolId     the school whose team meets
 * @param date         the day of the meeting
 * @param purpose      what the meeting is for, such as "monthly attendance review" (not about a single student)
 * @param participants the staff members who take part, at least one; iterated in identifier order
 */
public record Meeting(MeetingId id, SchoolId schoolId, LocalDate date, @Size(max = 200) String purpose,
                      Set<StaffId> participants) {
    /**
     * Checks that nothing is missing, the purpose is not blank and there is a participant; copies the set.
     *
     * @param id the meeting's identifier
     * @param schoolId the school whose team meets
     * @param date the day of the meeting
     * @param purpose what the meeting is for, such as "monthly attendance review" (not about a single student)
     * @param participants the staff members who take part, at least one; iterated in identifier order
     */
    public Meeting {
        Objects.requireNonNull(id, "meeting_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(participants, "participants");
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("purpose must not be blank");
        }
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a meeting must have at least one participant");
        }
        participants = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(participants));
    }

    /** {@code Meeting[id=…, school=…, date=…]}: no personal data. */
    @Override
    public String toString() {
        return "Meeting[id=" + id + ", school=" + schoolId + ", date=" + date + "]";
    }
}

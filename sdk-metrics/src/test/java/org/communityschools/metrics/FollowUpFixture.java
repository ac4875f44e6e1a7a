package org.communityschools.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/** Meetings, action steps and dated incidents added to a {@link SmallDistrict}, for the follow-up tests. */
final class FollowUpFixture {
    static final StaffId T1 = StaffId.of("T1");
    static final StaffId T2 = StaffId.of("T2");
    static final Instant AT = Instant.parse("2017-09-01T12:00:00Z");

    private final SmallDistrict d;
    private int incidents;

    FollowUpFixture(SmallDistrict d) {
        this.d = d;
        d.builder.add(new Staff(T1, "Tara", "One", SmallDistrict.DISTRICT)).add(new Staff(T2, "Theo", "Two", SmallDistrict.DISTRICT));
    }

    /** A meeting of school A on calendar day {@code day}. */
    MeetingId meeting(String id, int day) {
        d.builder.add(new Meeting(MeetingId.of(id), SmallDistrict.A, d.calendar.get(day), "review", Set.of(T1)));
        return MeetingId.of(id);
    }

    /** A step; {@code completed} is the completion date of a DONE or DROPPED step. */
    void step(String id, MeetingId meeting, StaffId owner, Optional<StudentId> student, Optional<String> group,
              Optional<InterventionId> intervention, LocalDate due, ActionStepStatus status, Optional<LocalDate> completed) {
        d.builder.add(new ActionStep(ActionStepId.of(id), meeting, "call home", owner, due, student, group, intervention, status,
                completed, T1, AT));
    }

    /** An incident of {@code student} at A on calendar day {@code day}. */
    void incident(StudentId student, int day) {
        d.builder.add(new BehaviorIncident(IncidentId.of("F" + (++incidents)), student, SmallDistrict.A, d.calendar.get(day),
                BehaviorType.SCHOOL_CODE_OF_CONDUCT, Optional.empty(), DisciplineActionType.NONE, BigDecimal.ZERO));
    }
}

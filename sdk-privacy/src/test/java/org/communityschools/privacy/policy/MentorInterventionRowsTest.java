package org.communityschools.privacy.policy;

import org.communityschools.privacy.view.ViewText;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.view.RecordFilter;
import org.communityschools.privacy.view.StudentRecordView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default policy's Success Mentor row: "own mentees: identity and attendance, interventions they deliver". A
 * mentee with two intervention participations, one delivered by the mentor and one by a counselor, shows the mentor
 * only their own; the principal sees both.
 */
class MentorInterventionRowsTest {
    private static final FieldPath PARTICIPATION = FieldPath.of("interventions.participation");
    private static final StaffId MENTOR = Fixtures.DISTRICT_MENTOR;
    private static final StudentStaffRelationship MENTORING = Fixtures.relationship(MENTOR, RelationshipType.MENTOR_OF);
    private static final StudentId MENTEE = MENTORING.studentId();
    private static final LocalDate DAY = Fixtures.during(MENTORING);
    private static final InterventionParticipant BY_MENTOR = participation(0, MENTOR);
    private static final InterventionParticipant BY_COUNSELOR = participation(1, Fixtures.COUNSELOR);
    private static final DistrictData DATA = TinyCity.withParticipants(p -> !p.studentId().equals(MENTEE),
            List.of(BY_MENTOR, BY_COUNSELOR));
    private static final PolicyEngine ENGINE = TinyCity.engine(DATA);

    private static InterventionParticipant participation(int intervention, StaffId staff) {
        return new InterventionParticipant(TinyCity.DATA.interventions().get(intervention).id(), MENTEE,
                Optional.of(staff), DateRange.closed(DAY.minusDays(10), DAY.plusDays(60)), Optional.empty(),
                ParticipationStatus.ACTIVE);
    }

    private static Decision decide(StaffId staff, String purpose) {
        return ENGINE.decide(staff, MENTEE, Purpose.of(purpose), TinyCity.noon(DAY));
    }

    private static List<String> staffOfParticipations(StudentRecordView v) {
        return ViewText.tree(v).at("/interventions/participation").findValues("staff_id").stream()
                .map(JsonNode::asString).toList();
    }

    @Test
    void theMentorsDecisionRestrictsParticipationsToTheOnesTheyDeliver() {
        Decision d = decide(MENTOR, "student-support");
        assertThat(d.permits(PARTICIPATION)).isTrue();
        assertThat(d.obligations()).contains(new Obligation.RestrictRows(PARTICIPATION, RowFilter.DELIVERED_BY_REQUESTER));
    }

    @Test
    void aMentorSeesOnlyTheInterventionsTheyDeliverToTheirMentee() {
        StudentRecordView v = StudentRecordView.of(DATA, decide(MENTOR, "student-support"));
        assertThat(staffOfParticipations(v)).containsExactly(MENTOR.value());
        assertThat(v.shownFields()).contains(PARTICIPATION);
    }

    @Test
    void thePrincipalStillSeesEveryInterventionOfTheStudent() {
        Decision d = decide(Fixtures.PRINCIPAL, "school-administration");
        assertThat(d.obligations()).noneMatch(o -> o instanceof Obligation.RestrictRows rr
                && rr.field().value().equals("interventions.participation"));
        StudentRecordView v = StudentRecordView.of(DATA, d);
        assertThat(staffOfParticipations(v)).containsExactlyInAnyOrder(MENTOR.value(), Fixtures.COUNSELOR.value());
    }

    @Test
    void theRecordFilterWritesOnlyTheMentorsParticipation() {
        RecordFilter f = RecordFilter.of(DATA, decide(MENTOR, "student-support"));
        assertThat(ViewText.tree(f, BY_MENTOR).path("staff_id").asString()).isEqualTo(MENTOR.value());
        assertThat(ViewText.tree(f, BY_COUNSELOR).isEmpty()).isTrue();
        RecordFilter principal = RecordFilter.of(DATA, decide(Fixtures.PRINCIPAL, "school-administration"));
        assertThat(ViewText.tree(principal, BY_COUNSELOR).path("staff_id").asString()).isEqualTo(Fixtures.COUNSELOR.value());
    }

    @Test
    void aMentorWithoutParticipationsOfTheirOwnSeesNone() {
        DistrictData onlyCounselor = TinyCity.withParticipants(p -> !p.studentId().equals(MENTEE), List.of(BY_COUNSELOR));
        Decision d = TinyCity.engine(onlyCounselor).decide(MENTOR, MENTEE, Purpose.of("student-support"),
                TinyCity.noon(DAY));
        StudentRecordView v = StudentRecordView.of(onlyCounselor, d);
        assertThat(ViewText.tree(v).at("/interventions").isMissingNode()).isTrue();
        assertThat(v.absentFields()).containsKey(PARTICIPATION);
    }
}

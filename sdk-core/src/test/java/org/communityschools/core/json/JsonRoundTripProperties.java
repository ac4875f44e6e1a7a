package org.communityschools.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.testing.DomainArbitraries;
import tools.jackson.databind.json.JsonMapper;

/** Every domain type and value type round-trips: writing then reading gives back an equal value. */
class JsonRoundTripProperties {
    private static final JsonMapper MAPPER = CommunitySchoolsJson.mapper();
    private static final int TRIES = 300;

    private static <T> void assertRoundTrips(T value, Class<T> type, JsonMapper mapper) {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, type)).as(json).isEqualTo(value);
    }

    private static <T> void assertRoundTrips(T value, Class<T> type) {
        assertRoundTrips(value, type, MAPPER);
    }

    /** A resolver that knows one school-or-organization, as a directory would. */
    private static Function<String, EducationOrganizationId> knowing(EducationOrganizationId known) {
        return id -> {
            if (!id.equals(known.value())) {
                throw new IllegalArgumentException("unknown organization " + id);
            }
            return known;
        };
    }

    @Property(tries = TRIES)
    void organizationsRoundTrip(@ForAll("organizations") Organization value) {
        assertRoundTrips(value, Organization.class);
    }

    @Property(tries = TRIES)
    void schoolsRoundTrip(@ForAll("schools") School value) {
        assertRoundTrips(value, School.class);
    }

    @Property(tries = TRIES)
    void partnershipsRoundTrip(@ForAll("partnerships") Partnership value) {
        assertRoundTrips(value, Partnership.class);
    }

    @Property(tries = TRIES)
    void studentsRoundTrip(@ForAll("students") Student value) {
        assertRoundTrips(value, Student.class);
    }

    @Property(tries = TRIES)
    void studentCharacteristicsRoundTrip(@ForAll("studentCharacteristics") StudentCharacteristic value) {
        assertRoundTrips(value, StudentCharacteristic.class);
    }

    @Property(tries = TRIES)
    void instructionalDaysRoundTrip(@ForAll("instructionalDays") InstructionalDay value) {
        assertRoundTrips(value, InstructionalDay.class);
    }

    @Property(tries = TRIES)
    void enrollmentsRoundTrip(@ForAll("enrollments") Enrollment value) {
        assertRoundTrips(value, Enrollment.class);
    }

    @Property(tries = TRIES)
    void diplomasRoundTrip(@ForAll("diplomas") Diploma value) {
        assertRoundTrips(value, Diploma.class);
    }

    @Property(tries = TRIES)
    void attendanceRecordsRoundTrip(@ForAll("attendanceRecords") AttendanceRecord value) {
        assertRoundTrips(value, AttendanceRecord.class);
    }

    @Property(tries = TRIES)
    void behaviorIncidentsRoundTrip(@ForAll("behaviorIncidents") BehaviorIncident value) {
        assertRoundTrips(value, BehaviorIncident.class);
    }

    @Property(tries = TRIES)
    void courseMarksRoundTrip(@ForAll("courseMarks") CourseMark value) {
        assertRoundTrips(value, CourseMark.class);
    }

    @Property(tries = TRIES)
    void staffRoundTrip(@ForAll("staff") Staff value) {
        assertRoundTrips(value, Staff.class);
    }

    @Property(tries = TRIES)
    void staffAssignmentsRoundTripWithAResolver(@ForAll("staffAssignments") StaffAssignment value) {
        assertRoundTrips(value, StaffAssignment.class, CommunitySchoolsJson.mapper(knowing(value.organizationId())));
    }

    @Property(tries = TRIES)
    void studentStaffRelationshipsRoundTrip(@ForAll("studentStaffRelationships") StudentStaffRelationship value) {
        assertRoundTrips(value, StudentStaffRelationship.class);
    }

    @Property(tries = TRIES)
    void interventionsRoundTripWithAResolver(@ForAll("interventions") Intervention value) {
        assertRoundTrips(value, Intervention.class, CommunitySchoolsJson.mapper(knowing(value.providerId())));
    }

    @Property(tries = TRIES)
    void interventionParticipantsRoundTrip(@ForAll("interventionParticipants") InterventionParticipant value) {
        assertRoundTrips(value, InterventionParticipant.class);
    }

    @Property(tries = TRIES)
    void consentsRoundTrip(@ForAll("consents") Consent value) {
        assertRoundTrips(value, Consent.class);
    }

    @Property(tries = TRIES)
    void agreementsRoundTrip(@ForAll("agreements") DataSharingAgreement value) {
        assertRoundTrips(value, DataSharingAgreement.class);
    }

    @Property(tries = TRIES)
    void identifiersRoundTripAsPlainStrings(@ForAll("studentIds") StudentId id) {
        assertThat(MAPPER.writeValueAsString(id)).isEqualTo('"' + id.value() + '"');
        assertRoundTrips(id, StudentId.class);
        assertRoundTrips(AgreementId.of(id.value()), AgreementId.class);
    }

    @Property(tries = TRIES)
    void dateRangesRoundTrip(@ForAll("dateRanges") DateRange value) {
        assertRoundTrips(value, DateRange.class);
    }

    @Property(tries = TRIES)
    void schoolYearsRoundTripAsNumbers(@ForAll("schoolYears") SchoolYear value) {
        assertThat(MAPPER.writeValueAsString(value)).isEqualTo(Integer.toString(value.endYear()));
        assertRoundTrips(value, SchoolYear.class);
        assertThat(MAPPER.readValue('"' + value.label() + '"', SchoolYear.class)).isEqualTo(value);
    }

    @Property(tries = TRIES)
    void daySharesRoundTripAsNumbers(@ForAll("dayShares") DayShare value) {
        assertThat(MAPPER.writeValueAsString(value)).isEqualTo(value.toString());
        assertRoundTrips(value, DayShare.class);
    }

    @Property
    void gradeLevelsRoundTripAsCodes(@ForAll GradeLevel value) {
        assertThat(MAPPER.writeValueAsString(value)).isEqualTo('"' + value.code() + '"');
        assertRoundTrips(value, GradeLevel.class);
    }

    // value types on their own

    @Property(tries = TRIES)
    void schoolYearParsesItsOwnTextAndLabel(@ForAll("schoolYears") SchoolYear value) {
        assertThat(SchoolYear.parse(value.toString())).isEqualTo(value);
        assertThat(SchoolYear.parse(value.label())).isEqualTo(value);
        assertThat(SchoolYear.parse((value.endYear() - 1) + "-" + value.endYear())).isEqualTo(value);
    }

    @Property(tries = TRIES)
    void schoolYearContainsExactlyItsDates(@ForAll("schoolYears") SchoolYear value) {
        assertThat(SchoolYear.containing(value.firstDay())).isEqualTo(value);
        assertThat(SchoolYear.containing(value.lastDay())).isEqualTo(value);
        assertThat(SchoolYear.containing(value.firstDay().minusDays(1))).isEqualTo(value.plusYears(-1));
        assertThat(value.dates().lastDay()).contains(value.lastDay());
    }

    @Property(tries = TRIES)
    void dayShareParsesItsOwnText(@ForAll("dayShares") DayShare value) {
        assertThat(DayShare.parse(value.toString())).isEqualTo(value);
        assertThat(DayShare.of(value.toBigDecimal())).isEqualTo(value);
    }

    @Property
    void gradeLevelParsesItsOwnCode(@ForAll GradeLevel value) {
        assertThat(GradeLevel.parse(value.code())).isEqualTo(value);
        assertThat(GradeLevel.parse(value.toString())).isEqualTo(value);
    }

    @Property(tries = TRIES)
    void dateRangeClosedAndLastDayAreInverse(@ForAll("dateRanges") DateRange value) {
        assertThat(DateRange.closed(value.start(), value.lastDay())).isEqualTo(value);
        value.lastDay().ifPresent(last -> {
            assertThat(value.contains(last)).isTrue();
            assertThat(value.contains(last.plusDays(1))).isFalse();
            assertThat(DateRange.halfOpen(value.start(), last.plusDays(1))).isEqualTo(value);
        });
    }

    @Property(tries = TRIES)
    void closedRangeContainsBothEnds(@ForAll("dates") LocalDate first, @ForAll("lengths") int days) {
        DateRange range = DateRange.closed(first, first.plusDays(days));
        assertThat(range.contains(first)).isTrue();
        assertThat(range.contains(first.plusDays(days))).isTrue();
        assertThat(range.lengthInDays()).contains((long) days + 1);
        assertThat(range.lastDay()).isEqualTo(Optional.of(first.plusDays(days)));
    }

    // providers

    @Provide Arbitrary<Organization> organizations() { return DomainArbitraries.organizations(); }
    @Provide Arbitrary<School> schools() { return DomainArbitraries.schools(); }
    @Provide Arbitrary<Partnership> partnerships() { return DomainArbitraries.partnerships(); }
    @Provide Arbitrary<Student> students() { return DomainArbitraries.students(); }
    @Provide Arbitrary<StudentCharacteristic> studentCharacteristics() { return DomainArbitraries.studentCharacteristics(); }
    @Provide Arbitrary<InstructionalDay> instructionalDays() { return DomainArbitraries.instructionalDays(); }
    @Provide Arbitrary<Enrollment> enrollments() { return DomainArbitraries.enrollments(); }
    @Provide Arbitrary<Diploma> diplomas() { return DomainArbitraries.diplomas(); }
    @Provide Arbitrary<AttendanceRecord> attendanceRecords() { return DomainArbitraries.attendanceRecords(); }
    @Provide Arbitrary<BehaviorIncident> behaviorIncidents() { return DomainArbitraries.behaviorIncidents(); }
    @Provide Arbitrary<CourseMark> courseMarks() { return DomainArbitraries.courseMarks(); }
    @Provide Arbitrary<Staff> staff() { return DomainArbitraries.staff(); }
    @Provide Arbitrary<StaffAssignment> staffAssignments() { return DomainArbitraries.staffAssignments(); }
    @Provide Arbitrary<StudentStaffRelationship> studentStaffRelationships() { return DomainArbitraries.studentStaffRelationships(); }
    @Provide Arbitrary<Intervention> interventions() { return DomainArbitraries.interventions(); }
    @Provide Arbitrary<InterventionParticipant> interventionParticipants() { return DomainArbitraries.interventionParticipants(); }
    @Provide Arbitrary<Consent> consents() { return DomainArbitraries.consents(); }
    @Provide Arbitrary<DataSharingAgreement> agreements() { return DomainArbitraries.agreements(); }
    @Provide Arbitrary<StudentId> studentIds() { return DomainArbitraries.studentIds(); }
    @Provide Arbitrary<DateRange> dateRanges() { return DomainArbitraries.dateRanges(); }
    @Provide Arbitrary<SchoolYear> schoolYears() { return DomainArbitraries.schoolYears(); }
    @Provide Arbitrary<DayShare> dayShares() { return DomainArbitraries.dayShares(); }
    @Provide Arbitrary<LocalDate> dates() { return DomainArbitraries.dates(); }
    @Provide Arbitrary<Integer> lengths() { return net.jqwik.api.Arbitraries.integers().between(0, 1000); }

}

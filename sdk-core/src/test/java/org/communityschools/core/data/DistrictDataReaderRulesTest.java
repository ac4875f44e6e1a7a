package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per rule of docs/data-directory-rules.md: a valid directory changed in one place reports exactly one
 * violation, at the exact file, line, column and rule code.
 */
class DistrictDataReaderRulesTest {
    private static final DistrictDataReader LENIENT = DistrictDataReader.builder().lenient(true).build();

    @TempDir
    Path dir;

    private List<Violation> violations(Fixture f) {
        return LENIENT.read(f.writeTo(dir)).report().violations();
    }

    private void assertOnly(Fixture f, String file, long line, int column, String rule) {
        assertThat(violations(f)).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple(file, line, column, rule));
    }

    @Test
    void theValidFixtureHasNoViolations() {
        assertThat(violations(Fixture.valid())).isEmpty();
    }

    // ---------------------------------------------------------------- header

    @Test
    void reportsAMissingRequiredColumnOnceAtLineOne() {
        Fixture f = Fixture.valid().file("consents.csv",
                "consent_id,student_id,grantor,recipient_id,categories,signed_date,authentication,revoked_date",
                "N1,S1,PARENT,C1,ATTENDANCE,2017-09-15,WET_SIGNATURE,");
        assertOnly(f, "consents.csv", 1, 0, "header.required-column");
        assertThat(violations(f).get(0).field()).contains("purpose");
    }

    @Test
    void warnsAboutAnUnknownColumnWithItsPosition() {
        Fixture f = Fixture.valid().file("calendar.csv", "school_id,date,note", "K1,2017-09-07,first day",
                "K1,2017-09-08,", "K1,2017-09-11,");
        List<Violation> v = violations(f);
        assertOnly(f, "calendar.csv", 1, 3, "header.unknown-column");
        assertThat(v.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void rejectsADuplicateColumn() {
        assertOnly(Fixture.valid().file("calendar.csv", "school_id,date,date", "K1,2017-09-07,2017-09-07"),
                "calendar.csv", 1, 3, "header.duplicate-column");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertOnly(Fixture.valid().raw("diplomas.csv", ""), "diplomas.csv", 1, 0, "header.missing");
    }

    // ---------------------------------------------------------------- fields

    @Test
    void rejectsAnEmptyRequiredCell() {
        assertOnly(Fixture.valid().append("calendar.csv", "K1,"), "calendar.csv", 5, 2, "field.required");
    }

    @Test
    void rejectsAnUnparsableDate() {
        Fixture f = Fixture.valid().append("calendar.csv", "K1,2017-13-01");
        assertOnly(f, "calendar.csv", 5, 2, "field.format");
        assertThat(violations(f).get(0).value()).contains("2017-13-01");
    }

    @Test
    void rejectsAnUnknownEnumerationCode() {
        assertOnly(Fixture.valid().replace("attendance.csv", 2, "S1,K1,2017-09-08,ABSENT,,"),
                "attendance.csv", 2, 4, "field.format");
    }

    @Test
    void rejectsWhatARecordConstructorRejects() {
        assertOnly(Fixture.valid().append("schools.csv", "X1,PS 9,D1,05,KG,REGULAR"), "schools.csv", 4, 5, "field.invalid");
    }

    @Test
    void checksJakartaValidationAnnotationsAndRedactsPersonalValues() {
        Fixture f = Fixture.valid().append("students.csv", "S3," + "A".repeat(101) + ",Diaz,2010-03-04,FEMALE,HISPANIC,,");
        assertOnly(f, "students.csv", 4, 2, "field.constraint");
        assertThat(violations(f).get(0).value()).contains("<redacted>");
    }

    @Test
    void neverRepeatsAPersonalValueEvenWhenItDoesNotParse() {
        Fixture f = Fixture.valid().append("students.csv", "S3,Ana,Diaz,04/03/2010,FEMALE,HISPANIC,,");
        assertOnly(f, "students.csv", 4, 4, "field.format");
        assertThat(violations(f).get(0).value()).contains("<redacted>");
        assertThat(violations(f).get(0).toString()).doesNotContain("04/03/2010");
    }

    @Test
    void rejectsAnEndBeforeItsBegin() {
        assertOnly(Fixture.valid().append("student_characteristics.csv", "S1,HOMELESS,2017-10-01,2017-09-30"),
                "student_characteristics.csv", 3, 4, "field.date-order");
    }

    @Test
    void rejectsAnExitBeforeTheEntry() {
        assertOnly(Fixture.valid().append("enrollments.csv", "S2,K1,2018-09-07,03,2018-09-01,TRANSFERRED,true"),
                "enrollments.csv", 4, 5, "field.date-order");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfCells() {
        assertOnly(Fixture.valid().append("calendar.csv", "K1,2017-09-12,extra"), "calendar.csv", 5, 0, "row.cell-count");
    }

    @Test
    void rejectsPartialAttendanceWithoutDuration() {
        assertOnly(Fixture.valid().replace("attendance.csv", 3, "S1,K1,2017-09-11,PARTIAL,,"),
                "attendance.csv", 3, 5, "attendance.partial-duration");
    }

    @Test
    void rejectsADurationAboveOne() {
        assertOnly(Fixture.valid().replace("attendance.csv", 3, "S1,K1,2017-09-11,PARTIAL,1.5,"),
                "attendance.csv", 3, 5, "field.format");
    }

    @Test
    void reportsMalformedCsv() {
        Fixture f = Fixture.valid().raw("diplomas.csv", "student_id,school_id,award_date,diploma_type\nS2,H1,\"2018-06-20,REGULAR\n");
        assertThat(violations(f)).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple("diplomas.csv", 3L, 3, "file.malformed"));
    }

    @Test
    void limitsTheNumberOfDistinctAttendanceReasons() {
        Fixture f = Fixture.valid();
        f.replace("enrollments.csv", 2, "S1,K1,1900-01-01,02,,,").remove("calendar.csv");
        String[] rows = new String[32_767];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "S1,K1," + java.time.LocalDate.of(1900, 1, 2).plusDays(i) + ",TARDY,,r" + i;
        }
        f.append("attendance.csv", rows);
        assertOnly(f, "attendance.csv", 32_770, 6, "attendance.reason-limit");
    }

    // ---------------------------------------------------------------- identity and references

    @Test
    void rejectsADuplicateId() {
        assertOnly(Fixture.valid().append("students.csv", "S1,Ann,Diaz,2010-03-04,FEMALE,HISPANIC,,"),
                "students.csv", 4, 1, "unique.id");
    }

    @Test
    void rejectsASchoolIdThatIsAnOrganizationId() {
        assertOnly(Fixture.valid().append("schools.csv", "C2,PS 2,D1,KG,05,REGULAR"),
                "schools.csv", 4, 1, "unique.education-organization-id");
    }

    @Test
    void rejectsASchoolWhoseDistrictIsUnknown() {
        assertOnly(Fixture.valid().append("schools.csv", "K2,PS 2,D9,KG,05,REGULAR"),
                "schools.csv", 4, 3, "reference.unknown-organization");
    }

    @Test
    void rejectsASchoolWhoseDistrictIsNotADistrict() {
        assertOnly(Fixture.valid().append("schools.csv", "K2,PS 2,C1,KG,05,REGULAR"),
                "schools.csv", 4, 3, "school.district-type");
    }

    @Test
    void rejectsAPartnershipWithADistrict() {
        assertOnly(Fixture.valid().append("partnerships.csv", "H1,D1,2018,PARTNER"),
                "partnerships.csv", 4, 2, "partnership.community-organization");
    }

    @Test
    void rejectsAPartnershipWithAnUnknownSchool() {
        assertOnly(Fixture.valid().append("partnerships.csv", "Q9,C1,2018,PARTNER"),
                "partnerships.csv", 4, 1, "reference.unknown-school");
    }

    @Test
    void rejectsADuplicatePartnership() {
        assertOnly(Fixture.valid().append("partnerships.csv", "K1,C2,2017-18,PARTNER"),
                "partnerships.csv", 4, 1, "unique.partnership");
    }

    @Test
    void rejectsASecondLeadPartnerInOneYear() {
        assertOnly(Fixture.valid().append("partnerships.csv", "K1,C2,2019,LEAD", "H1,C2,2018,LEAD", "H1,C2,2019,PARTNER",
                        "H1,C1,2018,LEAD"),
                "partnerships.csv", 7, 4, "partnership.one-lead");
    }

    @Test
    void rejectsAReferenceToAnUnknownStudent() {
        assertOnly(Fixture.valid().append("enrollments.csv", "S9,K1,2017-09-07,02,,,"),
                "enrollments.csv", 4, 1, "reference.unknown-student");
    }

    @Test
    void rejectsAnEntryGradeTheSchoolDoesNotOffer() {
        assertOnly(Fixture.valid().append("enrollments.csv", "S1,H1,2018-09-06,06,,,"),
                "enrollments.csv", 4, 4, "enrollment.grade-offered");
    }

    @Test
    void rejectsADuplicateEnrollment() {
        assertOnly(Fixture.valid().append("enrollments.csv", "S1,K1,2017-09-07,02,2018-06-20,END_OF_YEAR,false"),
                "enrollments.csv", 4, 3, "unique.enrollment");
    }

    @Test
    void rejectsOverlappingEnrollmentsAtOneSchool() {
        assertOnly(Fixture.valid().append("enrollments.csv", "S1,K1,2018-06-26,03,,,"),
                "enrollments.csv", 4, 3, "enrollment.no-overlap-at-school");
    }

    @Test
    void acceptsASameDayTransferBetweenSchools() {
        Fixture f = Fixture.valid().replace("enrollments.csv", 3, "S2,H1,2017-09-07,09,2017-12-01,TRANSFERRED,true")
                .append("schools.csv", "H2,HS 2,D1,09,12,REGULAR")
                .append("enrollments.csv", "S2,H2,2017-12-01,09,,,");
        assertThat(violations(f)).isEmpty();
    }

    @Test
    void rejectsADuplicateCalendarDay() {
        assertOnly(Fixture.valid().append("calendar.csv", "K1,2017-09-08"), "calendar.csv", 5, 1, "unique.calendar-day");
    }

    @Test
    void rejectsAttendanceOnANonInstructionalDay() {
        assertOnly(Fixture.valid().append("attendance.csv", "S1,K1,2017-09-09,UNEXCUSED_ABSENCE,,"),
                "attendance.csv", 4, 3, "attendance.on-instructional-day");
    }

    @Test
    void acceptsAttendanceOnAnyDayWhenTheSchoolHasNoCalendar() {
        assertThat(violations(Fixture.valid().append("attendance.csv", "S2,H1,2017-09-09,UNEXCUSED_ABSENCE,,"))).isEmpty();
    }

    @Test
    void rejectsAttendanceOutsideEnrollment() {
        assertOnly(Fixture.valid().append("attendance.csv", "S2,K1,2017-09-08,UNEXCUSED_ABSENCE,,"),
                "attendance.csv", 4, 3, "attendance.within-enrollment");
    }

    @Test
    void rejectsAttendanceForAnUnknownSchool() {
        assertOnly(Fixture.valid().append("attendance.csv", "S1,Q9,2017-09-08,UNEXCUSED_ABSENCE,,"),
                "attendance.csv", 4, 2, "reference.unknown-school");
    }

    @Test
    void rejectsDuplicateAttendanceAtTheLaterLine() {
        Fixture f = Fixture.valid().append("attendance.csv", "S1,K1,2017-09-07,TARDY,,", "S1,K1,2017-09-08,PRESENT,,");
        assertOnly(f, "attendance.csv", 5, 1, "unique.attendance");
        ReadResult r = LENIENT.read(f.writeTo(dir));
        assertThat(r.data().attendance().size()).isEqualTo(3);
        assertThat(r.report().counts(DataFile.ATTENDANCE)).isEqualTo(new LoadReport.FileCounts(4, 3, 1));
    }

    @Test
    void rejectsADiplomaFromASchoolNeverAttended() {
        assertOnly(Fixture.valid().append("diplomas.csv", "S2,K1,2021-06-20,REGULAR"),
                "diplomas.csv", 2, 2, "diploma.enrolled-at-school");
    }

    @Test
    void rejectsAnIncidentOutsideEnrollment() {
        assertOnly(Fixture.valid().append("behavior.csv", "B2,S2,H1,2017-09-01,OTHER,,NONE,0"),
                "behavior.csv", 3, 4, "behavior.within-enrollment");
    }

    @Test
    void rejectsACourseMarkForAYearWithoutEnrollment() {
        assertOnly(Fixture.valid().append("course_marks.csv", "S2,H1,2017,FALL,ENG1,English 9,ELA,,,PASS,1,1"),
                "course_marks.csv", 3, 3, "course-mark.within-enrollment");
    }

    @Test
    void rejectsAStaffEmployerThatIsUnknown() {
        assertOnly(Fixture.valid().append("staff.csv", "T2,Eve,Park,Z9"), "staff.csv", 4, 4, "reference.unknown-organization");
    }

    @Test
    void rejectsAnAssignmentToNeitherSchoolNorOrganization() {
        assertOnly(Fixture.valid().append("staff_assignments.csv", "T1,Z9,TEACHER,2017-09-01,"),
                "staff_assignments.csv", 4, 2, "reference.unknown-education-organization");
    }

    @Test
    void rejectsARelationshipWithUnknownStaff() {
        assertOnly(Fixture.valid().append("student_staff.csv", "S1,T9,TEACHER_OF,2017-09-07,"),
                "student_staff.csv", 4, 2, "reference.unknown-staff");
    }

    @Test
    void rejectsAnInterventionWithAnUnknownProvider() {
        assertOnly(Fixture.valid().append("interventions.csv", "I2,TUTORING,Z9,K1,"),
                "interventions.csv", 3, 3, "reference.unknown-education-organization");
    }

    @Test
    void rejectsAParticipantOfAnUnknownIntervention() {
        assertOnly(Fixture.valid().append("intervention_participants.csv", "I9,S1,,2017-10-01,,,ACTIVE"),
                "intervention_participants.csv", 3, 1, "reference.unknown-intervention");
    }

    @Test
    void rejectsAConsentForAnUnknownRecipient() {
        assertOnly(Fixture.valid().append("consents.csv", "N2,S1,PARENT,Z9,Mentoring,ATTENDANCE,2017-09-15,ELECTRONIC,"),
                "consents.csv", 3, 4, "reference.unknown-organization");
    }

    @Test
    void cascadesARejectedStudentToTheRowsThatReferToIt() {
        Fixture f = Fixture.valid().append("students.csv", "S3,Cal,Ng,2010-01-01,UNKNOWN,ASIAN,,")
                .append("enrollments.csv", "S3,K1,2017-09-07,02,,,");
        List<Violation> v = violations(f);
        assertThat(v).extracting(Violation::file, Violation::line, Violation::column, Violation::rule).containsExactly(
                tuple("students.csv", 4L, 5, "field.format"),
                tuple("enrollments.csv", 4L, 1, "reference.rejected"));
        assertThat(v.get(1).message()).contains("students.csv").contains("rejected");
    }

    @Test
    void cascadesAFileRejectedForItsHeaderToTheRowsThatReferToIt() {
        Fixture f = Fixture.valid().file("interventions.csv", "intervention_id,type,school_id,description",
                "I1,SUCCESS_MENTOR,K1,");
        assertThat(violations(f)).extracting(Violation::file, Violation::line, Violation::column, Violation::rule).containsExactly(
                tuple("interventions.csv", 1L, 0, "header.required-column"),
                tuple("intervention_participants.csv", 2L, 1, "reference.rejected"));
    }

    // ---------------------------------------------------------------- agreements.json

    @Test
    void reportsMalformedAgreementsJson() {
        Fixture f = Fixture.valid().raw("agreements.json", "[\n  {\"agreement_id\": \"A1\",\n  ]\n");
        assertThat(violations(f)).extracting(Violation::file, Violation::line, Violation::rule)
                .containsExactly(tuple("agreements.json", 3L, "json.syntax"));
    }

    @Test
    void rejectsAnAgreementWithAnUnknownSchool() {
        Fixture f = Fixture.valid().raw("agreements.json", """
                [
                  {
                    "agreement_id": "A1", "version": 1, "status": "ACTIVE",
                    "disclosing_organization_id": "D1", "recipient_organization_id": "C1",
                    "legal_basis": "SCHOOL_OFFICIAL", "purpose": "Community school supports",
                    "school_ids": ["K1", "Q9"], "school_years": [2018], "data_elements": ["ATTENDANCE"],
                    "permitted_roles": ["COMMUNITY_SCHOOL_DIRECTOR"], "effective_date": "2017-09-01",
                    "end_date": "2018-08-31", "signed_date": "2017-08-15", "signatories": [],
                    "destruction_days": 30, "redisclosure_allowed": false
                  }
                ]
                """);
        List<Violation> v = violations(f);
        assertThat(v).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple("agreements.json", 2L, 3, "reference.unknown-school"));
        assertThat(v.get(0).value()).contains("Q9");
    }
}

package org.communityschools.privacy.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.TinyCity;
import org.communityschools.privacy.view.StudentRecordView;
import org.communityschools.privacy.view.Withheld;
import org.junit.jupiter.api.Test;

/**
 * The worked example of issue 14 on the synthetic tiny city (seed 11), under the default policy, on 2018-03-01 (school
 * year 2017-18). The city's CBO002 is the lead partner of SCH0004 every year, and its agreement DSA-CBO002 (ACTIVE,
 * term 2014-07-01 to 2018-06-30, school years 2015 to 2018) covers one school, SCH0004, a high school; its Community
 * School Director is SCH0004-CSD. Every count below is derived from the city's records in the test.
 *
 * <p>Derivation (docs/privacy-policy.md, "The record scope"): the director's grant of {@code attendance.records}
 * ({@code csd-partner-school}, school official under the agreement) has the limits, in order: (1) the date, days up to
 * 2018-03-01; (2) the agreement's schools [SCH0004], its school years (July 1 to June 30 of 2014-15 to 2017-18) and its
 * term; (4) the relationship: the partnered school where the student is enrolled that day, SCH0004, from July 1 of the
 * prior school year (2016-07-01) to the date. A record is shown when it lies in every limit; a withheld record is
 * explained by the first limit it falls outside. A record of the student's middle school is dated before 2018-03-01
 * and is first outside the agreement's schools; a record at SCH0004 after the date is outside the date.
 */
class WorkedExampleTest {
    private static final LocalDate DAY = LocalDate.of(2018, 3, 1);
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final DistrictData CITY = TinyCity.DATA;
    private static final DataSharingAgreement AGREEMENT = CITY.agreements().stream()
            .filter(a -> a.schoolIds().size() == 1 && a.permittedRoles().contains(StaffRole.COMMUNITY_SCHOOL_DIRECTOR))
            .filter(a -> a.schoolIds().iterator().next().value().equals("SCH0004")).findFirst().orElseThrow();
    private static final SchoolId HIGH_SCHOOL = AGREEMENT.schoolIds().iterator().next();
    private static final Staff DIRECTOR = CITY.staff().stream()
            .filter(s -> s.employerId().equals(AGREEMENT.recipientOrganizationId()))
            .filter(s -> CITY.assignmentsOf(s.id()).stream().anyMatch(a -> a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR))
            .findFirst().orElseThrow();

    private static List<AttendanceRecord> attendance(DistrictData d, StudentId s, SchoolId at, LocalDate from, LocalDate to) {
        return d.attendance().recordsOf(s).stream().filter(r -> r.schoolId().equals(at))
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).toList();
    }

    private static Withheld withheld(StudentRecordView v, String field, SchoolId at, String reasonPart) {
        return v.withheld().stream().filter(w -> w.field().equals(FieldPath.of(field)))
                .filter(w -> w.school().equals(java.util.Optional.of(at)) && w.reason().contains(reasonPart))
                .findFirst().orElseThrow(() -> new AssertionError("no withheld " + field + " at " + at + " for '"
                        + reasonPart + "' in " + v.withheld()));
    }

    /** A student enrolled at the high school on the day who was enrolled at another school (the middle school) before. */
    private static Enrollment middleSchoolEnrollment() {
        for (Enrollment e : CITY.enrollments()) {
            boolean nowAtHighSchool = CITY.enrollmentsOn(e.studentId(), DAY).stream()
                    .anyMatch(x -> x.schoolId().equals(HIGH_SCHOOL));
            if (nowAtHighSchool && !e.schoolId().equals(HIGH_SCHOOL) && e.exitWithdrawDate().isPresent()
                    && !attendance(CITY, e.studentId(), e.schoolId(), LocalDate.MIN, DAY).isEmpty()
                    && !CITY.courseMarksOf(e.studentId()).stream().filter(m -> m.schoolId().equals(e.schoolId())).toList().isEmpty()) {
                return e;
            }
        }
        throw new AssertionError("the tiny city has a student who moved to " + HIGH_SCHOOL);
    }

    @Test
    void theDirectorSeesNoRecordOfTheStudentsMiddleSchool() {
        Enrollment middle = middleSchoolEnrollment();
        StudentId student = middle.studentId();
        SchoolId middleSchool = middle.schoolId();
        PolicyEngine engine = engine(CITY);
        Decision d = engine.decide(DIRECTOR.id(), student, SUPPORT, TinyCity.noon(DAY));
        StudentRecordView view = StudentRecordView.of(CITY, d);
        ViewContent shown = ViewContent.of(view.disclose(DisclosureLogs.inMemory()).json());

        int middleAttendance = attendance(CITY, student, middleSchool, LocalDate.MIN, DAY).size();
        int middleMarks = (int) CITY.courseMarksOf(student).stream().filter(m -> m.schoolId().equals(middleSchool)).count();
        List<AttendanceRecord> inScope = attendance(CITY, student, HIGH_SCHOOL, LocalDate.of(2016, 7, 1), DAY);
        String reason = "outside agreement " + AGREEMENT.id().value() + "'s schools";

        assertThat(shown.records().get("attendance.records")).as("only the high school's records, up to the date")
                .hasSize(inScope.size()).allSatisfy(k -> assertThat(k).startsWith(HIGH_SCHOOL.value() + "|"));
        assertThat(shown.records().getOrDefault("coursework.marks", List.of()))
                .noneSatisfy(k -> assertThat(k).startsWith(middleSchool.value()));
        assertThat(withheld(view, "attendance.records", middleSchool, reason).describe())
                .isEqualTo(middleAttendance + " attendance records at " + middleSchool.value() + " withheld: " + reason);
        assertThat(withheld(view, "coursework.marks", middleSchool, reason).describe())
                .isEqualTo(middleMarks + " course marks at " + middleSchool.value() + " withheld: " + reason);
        assertThat(view.explanation()).contains(middleAttendance + " attendance records at " + middleSchool.value()
                + " withheld: " + reason);
    }

    /**
     * With the agreement's school years narrowed to 2016-17 and 2017-18 ([2017, 2018]), a record of SCH0004 from before
     * 2016-07-01 passes the date and the agreement's schools and is first outside the agreement's school years (limit 2,
     * ahead of the relationship's window); narrowed to 2017-18 alone, the records of 2016-17 are withheld too, for the
     * same reason, though the director's own window (the current and prior school year) covers them.
     */
    @Test
    void recordsOfSchoolYearsOutsideTheAgreementAreWithheld() {
        StudentId student = CITY.enrollments().stream()
                .filter(e -> e.schoolId().equals(HIGH_SCHOOL) && e.isEnrolledOn(DAY))
                .map(Enrollment::studentId)
                .filter(s -> !attendance(CITY, s, HIGH_SCHOOL, LocalDate.MIN, LocalDate.of(2016, 6, 30)).isEmpty())
                .filter(s -> !attendance(CITY, s, HIGH_SCHOOL, LocalDate.of(2016, 7, 1), LocalDate.of(2017, 6, 30)).isEmpty())
                .findFirst().orElseThrow();
        String reason = "outside agreement " + AGREEMENT.id().value() + "'s school years";

        DistrictData twoYears = narrowed(Set.of(SchoolYear.of(2017), SchoolYear.of(2018)));
        StudentRecordView v = StudentRecordView.of(twoYears, engine(twoYears).decide(DIRECTOR.id(), student, SUPPORT,
                TinyCity.noon(DAY)));
        int before = attendance(twoYears, student, HIGH_SCHOOL, LocalDate.MIN, LocalDate.of(2016, 6, 30)).size();
        assertThat(withheld(v, "attendance.records", HIGH_SCHOOL, reason).count()).isEqualTo(before);
        assertThat(ViewContent.of(v.disclose(DisclosureLogs.inMemory()).json()).records().get("attendance.records"))
                .hasSize(attendance(twoYears, student, HIGH_SCHOOL, LocalDate.of(2016, 7, 1), DAY).size());

        DistrictData oneYear = narrowed(Set.of(SchoolYear.of(2018)));
        StudentRecordView w = StudentRecordView.of(oneYear, engine(oneYear).decide(DIRECTOR.id(), student, SUPPORT,
                TinyCity.noon(DAY)));
        int beforeThisYear = attendance(oneYear, student, HIGH_SCHOOL, LocalDate.MIN, LocalDate.of(2017, 6, 30)).size();
        assertThat(withheld(w, "attendance.records", HIGH_SCHOOL, reason).count()).isEqualTo(beforeThisYear);
        assertThat(ViewContent.of(w.disclose(DisclosureLogs.inMemory()).json()).records().get("attendance.records"))
                .hasSize(attendance(oneYear, student, HIGH_SCHOOL, LocalDate.of(2017, 7, 1), DAY).size())
                .allSatisfy(k -> assertThat(k.split("\\|")[1]).isGreaterThanOrEqualTo("2017-07-01"));
    }

    /**
     * A Success Mentor's window is the caseload's period (the default policy's {@code mentor-caseload}, history
     * {@code RELATIONSHIP}): for a caseload that began in October 2017, the student's attendance at the school from
     * July 1 to the day before the caseload began is withheld, and what is shown starts on the caseload's first day.
     */
    @Test
    void aMentorSeesAttendanceFromTheCaseloadsStartOnly() {
        StudentStaffRelationship caseload = CITY.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(DAY))
                .filter(r -> r.period().start().getMonthValue() == 10)
                .filter(r -> CITY.enrollmentsOn(r.studentId(), DAY).size() == 1)
                .filter(r -> !attendance(CITY, r.studentId(), school(r.studentId()), LocalDate.of(2017, 7, 1),
                        r.period().start().minusDays(1)).isEmpty())
                .findFirst().orElseThrow();
        StudentId student = caseload.studentId();
        SchoolId at = school(student);
        LocalDate start = caseload.period().start();
        StudentRecordView v = StudentRecordView.of(CITY, engine(CITY).decide(caseload.staffId(), student, SUPPORT,
                TinyCity.noon(DAY)));
        List<String> shown = ViewContent.of(v.disclose(DisclosureLogs.inMemory()).json()).records().get("attendance.records");

        assertThat(shown).hasSize(attendance(CITY, student, at, start, DAY).size())
                .allSatisfy(k -> assertThat(k.split("\\|")[1]).isGreaterThanOrEqualTo(start.toString()));
        int beforeCaseload = attendance(CITY, student, at, LocalDate.MIN, start.minusDays(1)).size();
        int notDateWithheld = v.withheld().stream()
                .filter(w -> w.field().equals(FieldPath.of("attendance.records")) && w.school().equals(java.util.Optional.of(at)))
                .filter(w -> !w.reason().contains("date of the decision")).mapToInt(Withheld::count).sum();
        assertThat(notDateWithheld).as("records at %s before the caseload began on %s", at, start).isEqualTo(beforeCaseload);
    }

    private static SchoolId school(StudentId s) {
        return CITY.enrollmentsOn(s, DAY).get(0).schoolId();
    }

    private static PolicyEngine engine(DistrictData d) {
        return PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(d).zone(TinyCity.ZONE).build();
    }

    private static DistrictData narrowed(Set<SchoolYear> years) {
        return ScopeCities.withAgreements(CITY, a -> !a.id().equals(AGREEMENT.id()) ? a
                : new DataSharingAgreement(a.id(), a.version(), a.status(), a.disclosingOrganizationId(),
                a.recipientOrganizationId(), a.legalBasis(), a.purpose(), a.schoolIds(), years, a.dataElements(),
                a.permittedRoles(), a.effectiveDate(), a.endDate(), a.signedDate(), a.signatories(), a.destructionDays(),
                a.redisclosureAllowed(), a.versionEffectiveDate()));
    }
}

package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.testing.DomainArbitraries;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule of the package documentation for messages: a constructor (or the JSON module) that rejects a record states
 * the field and the rule, and repeats neither the personal text around it, nor a birth date, nor the student's
 * identifier. Each check of each record is provoked with generated, marked ({@code «…»}) personal values.
 */
class PersonalDataMessagesProperties {
    private static final JsonMapper MAPPER = CommunitySchoolsJson.mapper();
    private static final SchoolId SCHOOL = SchoolId.of("SCH1");
    private static final OrganizationId ORG = OrganizationId.of("ORG1");

    @Provide
    Arbitrary<String> personalTexts() {
        return DomainArbitraries.text(60).filter(t -> t.length() >= 8).map(t -> "«" + t + "»");
    }

    @Provide
    Arbitrary<StudentId> students() {
        return DomainArbitraries.identifiers().filter(s -> s.length() >= 6 && s.length() <= 29).map(s -> StudentId.of("SID" + s));
    }

    @Property(tries = 300)
    void constructorMessagesRepeatNoPersonalValue(@ForAll("personalTexts") String text, @ForAll("students") StudentId student,
                                                  @ForAll("birthDates") LocalDate birth) {
        Map<String, ThrowingCallable> provocations = Map.ofEntries(
                Map.entry("blank first name", () -> new Student(student, " ", text, birth, Sex.FEMALE, RaceEthnicity.ASIAN,
                        Optional.empty(), false)),
                Map.entry("blank last name", () -> new Student(student, text, "\t", birth, Sex.MALE, RaceEthnicity.BLACK,
                        Optional.empty(), false)),
                Map.entry("no birth date", () -> new Student(student, text, text, null, Sex.MALE, RaceEthnicity.BLACK,
                        Optional.empty(), false)),
                Map.entry("blank staff name", () -> new Staff(StaffId.of("T1"), text, " ", ORG)),
                Map.entry("blank signatory title", () -> new Signatory(text, " ")),
                Map.entry("long absence reason", () -> new AttendanceRecord(student, SCHOOL, birth, AttendanceCategory.EXCUSED_ABSENCE,
                        DayShare.WHOLE_DAY, Optional.of(text + "x".repeat(64)))),
                Map.entry("negative suspension days", () -> new BehaviorIncident(IncidentId.of("I1"), student, SCHOOL, birth,
                        BehaviorType.OTHER, Optional.of(text), DisciplineActionType.NONE, BigDecimal.valueOf(-1))),
                Map.entry("days without an action", () -> new BehaviorIncident(IncidentId.of("I1"), student, SCHOOL, birth,
                        BehaviorType.OTHER, Optional.of(text), DisciplineActionType.NONE, BigDecimal.ONE)),
                Map.entry("credits above attempted", () -> mark(student, text, CourseResult.PASS, "2")),
                Map.entry("credits for a fail", () -> mark(student, text, CourseResult.FAIL, "1")),
                Map.entry("blank course title", () -> new CourseMark(student, SCHOOL, SchoolYear.of(2020), text, text, " ",
                        Subject.MATH, Optional.empty(), Optional.of(text), CourseResult.PASS, BigDecimal.ONE, BigDecimal.ONE)),
                Map.entry("intervention without a school", () -> new Intervention(InterventionId.of("V1"),
                        InterventionType.TUTORING, ORG, null, Optional.of(text))),
                Map.entry("participation without a status", () -> new InterventionParticipant(InterventionId.of("V1"), student,
                        Optional.empty(), DateRange.startingOn(birth), Optional.of(text), null)),
                Map.entry("consent revoked before signed", () -> consent(student, text, Set.of(DataCategory.ATTENDANCE),
                        Optional.of(birth.minusDays(1)))),
                Map.entry("consent for nothing", () -> consent(student, text, Set.of(), Optional.empty())),
                Map.entry("enrollment exit before entry", () -> new Enrollment(student, SCHOOL, LocalDate.of(2021, 9, 1),
                        GradeLevel.parse("09"), Optional.of(LocalDate.of(2021, 8, 31)), Optional.of(ExitWithdrawType.TRANSFERRED),
                        false)),
                Map.entry("agreement ending before it starts", () -> new DataSharingAgreement(AgreementId.of("A1"), 1,
                        AgreementStatus.ACTIVE, ORG, OrganizationId.of("ORG2"), LegalBasis.STUDIES, text, Set.of(SCHOOL),
                        Set.of(SchoolYear.of(2020)), Set.of("ATTENDANCE"), Set.of(StaffRole.TEACHER), LocalDate.of(2021, 1, 1),
                        LocalDate.of(2020, 12, 31), LocalDate.of(2020, 6, 1), List.of(new Signatory(text, text)), 30, false)));
        provocations.forEach((what, provocation) -> {
            Throwable thrown = catchThrowable(provocation);
            assertThat(thrown).as(what).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
            assertThat(thrown.getMessage()).as(what).isNotBlank()
                    .doesNotContain("«", "»", text.substring(1, text.length() - 1), student.value(), birth.toString());
        });
    }

    @Property(tries = 100)
    void jsonMessagesRepeatNoPersonalValue(@ForAll("personalTexts") String text, @ForAll("students") StudentId student) {
        String json = "{\"student_id\": \"" + student + "\", \"first_name\": " + quoted(text) + ", \"last_name\": " + quoted(text)
                + ", \"birth_date\": " + quoted(text) + ", \"sex\": \"FEMALE\", \"race_ethnicity\": \"HISPANIC\"}";
        Throwable thrown = catchThrowable(() -> MAPPER.readValue(json, Student.class));
        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage()).contains("Student.birth_date").doesNotContain("«", "»", text.substring(1, text.length() - 1));
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return DomainArbitraries.dates(LocalDate.of(2000, 1, 1), LocalDate.of(2015, 12, 31));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static CourseMark mark(StudentId student, String text, CourseResult result, String earned) {
        return new CourseMark(student, SCHOOL, SchoolYear.of(2020), text, text, text, Subject.MATH,
                Optional.of(new BigDecimal("71")), Optional.of(text), result, BigDecimal.ONE, new BigDecimal(earned));
    }

    private static Consent consent(StudentId student, String text, Set<DataCategory> categories, Optional<LocalDate> revoked) {
        return new Consent(ConsentId.of("C1"), student, Grantor.PARENT, ORG, text, categories, LocalDate.of(2021, 1, 1),
                AuthenticationMethod.ELECTRONIC, revoked.map(d -> LocalDate.of(2020, 12, 31)));
    }
}

package org.communityschools.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

class CommunitySchoolsJsonTest {
    private static final JsonMapper MAPPER = CommunitySchoolsJson.mapper();
    private static final ObjectWriter PRETTY = MAPPER.writer().with(AgreementsFile.prettyPrinter());

    private static final Enrollment TRANSFER = new Enrollment(StudentId.of("S000123"), SchoolId.of("01M015"),
            LocalDate.of(2017, 9, 7), GradeLevel.G09, Optional.of(LocalDate.of(2018, 2, 14)),
            Optional.of(ExitWithdrawType.TRANSFERRED), true);

    @Test
    void writesAnEnrollmentWithTheDirectoryColumnsInOrder() {
        assertThat(PRETTY.writeValueAsString(TRANSFER)).isEqualTo("""
                {
                  "student_id": "S000123",
                  "school_id": "01M015",
                  "entry_date": "2017-09-07",
                  "entry_grade": "09",
                  "exit_date": "2018-02-14",
                  "exit_type": "TRANSFERRED",
                  "exit_documented": true
                }""");
    }

    @Test
    void omitsTheExitOfAnOpenEnrollment() {
        Enrollment open = new Enrollment(StudentId.of("S1"), SchoolId.of("01M015"), LocalDate.of(2017, 9, 7), GradeLevel.KG,
                Optional.empty(), Optional.empty(), false);
        assertThat(MAPPER.writeValueAsString(open)).isEqualTo(
                "{\"student_id\":\"S1\",\"school_id\":\"01M015\",\"entry_date\":\"2017-09-07\",\"entry_grade\":\"KG\",\"exit_documented\":false}");
        assertThat(MAPPER.readValue("{\"student_id\":\"S1\",\"school_id\":\"01M015\",\"entry_date\":\"2017-09-07\",\"entry_grade\":\"KG\"}",
                Enrollment.class)).isEqualTo(open);
    }

    @Test
    void writesAnAttendanceRecordWithItsDurationAsAnExactNumber() {
        AttendanceRecord partial = new AttendanceRecord(StudentId.of("S000123"), SchoolId.of("01M015"), LocalDate.of(2018, 1, 8),
                AttendanceCategory.PARTIAL, DayShare.HALF_DAY, Optional.of("Medical appointment"));
        assertThat(PRETTY.writeValueAsString(partial)).isEqualTo("""
                {
                  "student_id": "S000123",
                  "school_id": "01M015",
                  "date": "2018-01-08",
                  "category": "PARTIAL",
                  "duration": 0.5,
                  "reason": "Medical appointment"
                }""");
    }

    @Test
    void givesAnAttendanceRecordWithoutDurationItsCategorysDefault() {
        AttendanceRecord absent = MAPPER.readValue("""
                {"student_id": "S1", "school_id": "01M015", "date": "2018-01-08", "category": "UNEXCUSED_ABSENCE"}""",
                AttendanceRecord.class);
        assertThat(absent.duration()).isEqualTo(DayShare.WHOLE_DAY);
    }

    @Test
    void writesAnAgreementExactlyAsInAgreementsJson() {
        DataSharingAgreement agreement = new DataSharingAgreement(AgreementId.of("DSA-1"), 1, AgreementStatus.ACTIVE,
                OrganizationId.of("NYCDOE"), OrganizationId.of("CBO-7"), LegalBasis.SCHOOL_OFFICIAL,
                "Support students at risk of chronic absence", Set.of(SchoolId.of("02M475"), SchoolId.of("01M015")),
                Set.of(SchoolYear.of(2019), SchoolYear.of(2018)), Set.of("attendance.records", "ATTENDANCE", "BEHAVIOR"),
                Set.of(StaffRole.SUCCESS_MENTOR, StaffRole.COMMUNITY_SCHOOL_DIRECTOR), LocalDate.of(2017, 7, 1),
                LocalDate.of(2019, 6, 30), LocalDate.of(2017, 6, 15), List.of(new Signatory("Jane Roe", "Chief Privacy Officer")),
                45, false);
        String expected = """
                {
                  "agreement_id": "DSA-1",
                  "version": 1,
                  "status": "ACTIVE",
                  "disclosing_organization_id": "NYCDOE",
                  "recipient_organization_id": "CBO-7",
                  "legal_basis": "SCHOOL_OFFICIAL",
                  "purpose": "Support students at risk of chronic absence",
                  "school_ids": [
                    "01M015",
                    "02M475"
                  ],
                  "school_years": [
                    2018,
                    2019
                  ],
                  "data_elements": [
                    "ATTENDANCE",
                    "BEHAVIOR",
                    "attendance.records"
                  ],
                  "permitted_roles": [
                    "COMMUNITY_SCHOOL_DIRECTOR",
                    "SUCCESS_MENTOR"
                  ],
                  "effective_date": "2017-07-01",
                  "end_date": "2019-06-30",
                  "signed_date": "2017-06-15",
                  "signatories": [
                    {
                      "name": "Jane Roe",
                      "title": "Chief Privacy Officer"
                    }
                  ],
                  "destruction_days": 45,
                  "redisclosure_allowed": false
                }""";
        assertThat(PRETTY.writeValueAsString(agreement)).isEqualTo(expected);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AgreementsFile.write(List.of(agreement), file);
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo("[\n" + expected.indent(2) + "]\n");
    }

    @Test
    void readsSchoolYearsWrittenAsLabels() {
        assertThat(MAPPER.readValue("\"2017-18\"", SchoolYear.class)).isEqualTo(SchoolYear.of(2018));
        assertThat(MAPPER.readValue("\"2017-2018\"", SchoolYear.class)).isEqualTo(SchoolYear.of(2018));
        assertThat(MAPPER.readValue("2018", SchoolYear.class)).isEqualTo(SchoolYear.of(2018));
    }

    @Test
    void readsListsOfRecords() {
        String json = MAPPER.writeValueAsString(List.of(TRANSFER, TRANSFER));
        assertThat(MAPPER.readValue(json, new TypeReference<List<Enrollment>>() {})).containsExactly(TRANSFER, TRANSFER);
    }

    @Test
    void rejectsABadValueWithItsLocationPropertyAndRule() {
        String json = """
                {
                  "student_id": "S1",
                  "school_id": "01M015",
                  "entry_date": "2017-09-07",
                  "entry_grade": "13"
                }""";
        assertThatThrownBy(() -> MAPPER.readValue(json, Enrollment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("Enrollment.entry_grade: grade must be PK, KG or 01-12")
                .hasMessageContaining("[field.format]")
                .satisfies(e -> {
                    var location = ((JacksonException) e).getLocation();
                    assertThat(location.getLineNr()).isEqualTo(5);
                    assertThat(location.getColumnNr()).isEqualTo(18);
                });
    }

    @Test
    void rejectsARecordRuleAtTheValueItNames() {
        String json = """
                {
                  "student_id": "S1",
                  "school_id": "01M015",
                  "entry_date": "2017-09-07",
                  "entry_grade": "09",
                  "exit_date": "2017-09-06",
                  "exit_type": "DROPPED_OUT"
                }""";
        assertThatThrownBy(() -> MAPPER.readValue(json, Enrollment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("exit_date must not be before entry_date")
                .hasMessageContaining("[field.rule]")
                .satisfies(e -> assertThat(((JacksonException) e).getLocation().getLineNr()).isEqualTo(6));
    }

    @Test
    void rejectsAMissingRequiredProperty() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"student_id\": \"S1\"}", Enrollment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("school_id is required [field.required]");
    }

    @Test
    void neverEchoesAPersonalValue() {
        String json = """
                {"student_id": "S1", "first_name": "Ana", "last_name": "Ruiz", "birth_date": "2010-02-30",
                 "sex": "FEMALE", "race_ethnicity": "HISPANIC"}""";
        assertThatThrownBy(() -> MAPPER.readValue(json, Student.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("Student.birth_date")
                .hasMessageContaining("<redacted>")
                .hasMessageNotContaining("2010-02-30");
    }

    @Test
    void failsOnUnknownPropertiesByDefault() {
        String json = MAPPER.writeValueAsString(TRANSFER).replace("{", "{\"nickname\":\"Tony\",");
        assertThatThrownBy(() -> MAPPER.readValue(json, Enrollment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("unknown property 'nickname'");
        JsonMapper lenient = MAPPER.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        assertThat(lenient.readValue(json, Enrollment.class)).isEqualTo(TRANSFER);
    }

    @Test
    void registersInAHostsOwnMapper() {
        JsonMapper host = JsonMapper.builder().addModule(CommunitySchoolsJson.module()).build();
        assertThat(host.readValue(host.writeValueAsString(TRANSFER), Enrollment.class)).isEqualTo(TRANSFER);
    }

    @Test
    void refusesToGuessWhetherAnOrganizationIdIsASchool() {
        String json = """
                {"staff_id": "T1", "organization_id": "01M015", "role": "TEACHER", "begin_date": "2017-09-01"}""";
        assertThatThrownBy(() -> MAPPER.readValue(json, StaffAssignment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("cannot tell whether '01M015' is a school or an organization");
        JsonMapper resolving = CommunitySchoolsJson.mapper(id -> SchoolId.of(id));
        StaffAssignment assignment = resolving.readValue(json, StaffAssignment.class);
        assertThat(assignment.organizationId()).isEqualTo(SchoolId.of("01M015"));
        assertThat(assignment.period().endExclusive()).isEmpty();
    }

    @Test
    void rejectsEnumIndexesAndLowerCaseCodes() {
        assertThatThrownBy(() -> MAPPER.readValue("0", StaffRole.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> MAPPER.readValue("\"teacher\"", StaffRole.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("must be one of PRINCIPAL, TEACHER");
    }

    @Test
    void rejectsADurationAboveOneOrWithFiveDecimals() {
        assertThatThrownBy(() -> MAPPER.readValue("1.5", DayShare.class)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> MAPPER.readValue("0.12345", DayShare.class)).hasMessageContaining("at most 4 decimal places");
        assertThat(MAPPER.readValue("0.1234", DayShare.class)).isEqualTo(DayShare.ofTenThousandths(1234));
    }
}

package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** The examples of docs/json.md, compiled and run. */
class JsonExamplesTest {

    @Test
    void registerTheModule() {
        // [register]
        JsonMapper mapper = JsonMapper.builder()
                .addModule(CommunitySchoolsJson.module())
                .build();
        // [/register]
        Enrollment enrollment = new Enrollment(StudentId.of("S000123"), SchoolId.of("01M015"), LocalDate.of(2017, 9, 7),
                GradeLevel.G09, Optional.of(LocalDate.of(2018, 2, 14)), Optional.of(ExitWithdrawType.TRANSFERRED), true);
        String json = mapper.writeValueAsString(enrollment);
        assertThat(json).isEqualTo("{\"student_id\":\"S000123\",\"school_id\":\"01M015\",\"entry_date\":\"2017-09-07\","
                + "\"entry_grade\":\"09\",\"exit_date\":\"2018-02-14\",\"exit_type\":\"TRANSFERRED\",\"exit_documented\":true}");
        assertThat(mapper.readValue(json, Enrollment.class)).isEqualTo(enrollment);
    }

    @Test
    void resolveSchoolOrOrganization() {
        Set<String> schoolIds = Set.of("01M015");
        // [resolver]
        JsonMapper mapper = CommunitySchoolsJson.mapper(id -> schoolIds.contains(id)
                ? SchoolId.of(id) : OrganizationId.of(id));
        // [/resolver]
        StaffAssignment assignment = mapper.readValue("""
                {"staff_id": "T1", "organization_id": "01M015", "role": "TEACHER", "begin_date": "2017-09-01"}""",
                StaffAssignment.class);
        EducationOrganizationId at = assignment.organizationId();
        assertThat(at).isEqualTo(SchoolId.of("01M015"));
    }

    @Test
    void aBadValueFailsWithItsLocationAndRule() {
        String json = """
                {"student_id": "S1", "school_id": "01M015", "entry_date": "2017-09-07", "entry_grade": "13"}""";
        assertThatThrownBy(() -> CommunitySchoolsJson.mapper().readValue(json, Enrollment.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageStartingWith("Enrollment.entry_grade: grade must be PK, KG or 01-12, was '13' [field.format]")
                .hasMessageContaining("[field.format] at line 1, column 88");
    }
}

package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/getting-started.md, compiled and run so it cannot drift from the API. */
class GettingStartedTest {
    @Test
    void generateReadAndLookUp(@TempDir Path dir) {
        // tag::generate-and-read[]
        SyntheticCity.builder()
                .preset(Preset.TINY)
                .seed(42)
                .years(SchoolYear.of(2017), SchoolYear.of(2018))
                .build()
                .writeTo(dir);

        ReadResult result = DistrictDataReader.builder().build().read(dir);   // strict: throws on any error
        DistrictData data = result.data();

        StudentId student = data.students().get(0).id();
        List<Enrollment> today = data.enrollmentsOn(student, LocalDate.of(2018, 3, 1));
        SchoolId school = data.schools().get(0).id();
        boolean community = data.isCommunitySchool(school, SchoolYear.of(2018));
        // end::generate-and-read[]

        assertThat(result.report().hasErrors()).isFalse();
        assertThat(today).allSatisfy(e -> assertThat(e.isEnrolledOn(LocalDate.of(2018, 3, 1))).isTrue());
        assertThat(community).isEqualTo(data.leadPartner(school, SchoolYear.of(2018)).isPresent());
    }

    @Test
    void aStrictReadReportsEveryErrorAndLoadsNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("organizations.csv"), """
                organization_id,name,type
                D1,Example District,DISTRICT
                """);
        Files.writeString(dir.resolve("schools.csv"), """
                school_id,name,district_id,low_grade,high_grade,school_type
                S1,First School,D1,KG,05,REGULAR
                S2,Second School,D9,KG,13,REGULAR
                """);
        // tag::strict-read[]
        try {
            DistrictDataReader.builder().build().read(dir);
        } catch (DataValidationException e) {
            e.violations().forEach(System.out::println);   // file:line:column: ERROR [rule] message (column='value')
        }
        // end::strict-read[]
        assertThatThrownBy(() -> DistrictDataReader.builder().build().read(dir))
                .isInstanceOfSatisfying(DataValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.file() + ":" + v.line() + ":" + v.column())
                        .contains("schools.csv:3:5"));
    }
}

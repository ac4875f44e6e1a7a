package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.PublicationWriter;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;
import org.communityschools.privacy.view.RecordViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/embedding.md: the three modules together, as a district's own tool would use them. */
class EmbeddingExamplesTest {

    @Test
    void aCommunitySchoolDirectorsViewAndAPublishedTable(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(7).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(dir);
        Path logFile = dir.resolve("disclosures.jsonl");
        DistrictData loaded = DistrictDataReader.builder().build().read(dir).data();
        LocalDate day = LocalDate.of(2018, 3, 1);
        StaffAssignment csd = loaded.staffAssignments().stream()     // a CSD works at the school they serve
                .filter(a -> a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR && a.period().contains(day))
                .findFirst().orElseThrow();
        StaffId csdId = csd.staffId();
        SchoolId partnered = SchoolId.of(csd.organizationId().value());
        StudentId studentId = loaded.enrollmentsAt(partnered).stream()
                .filter(e -> e.isEnrolledOn(day)).findFirst().orElseThrow().studentId();

        // tag::embed[]
        // sdk-core: read and validate the district's nightly export (strict: nothing loads if a rule is broken)
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();

        // sdk-privacy: what may this Community School Director see of this student, and why?
        PolicyEngine engine = PolicyEngine.builder()
                .policy(Policies.defaultPolicy()).districtData(data).zone(ZoneId.of("America/New_York")).build();
        Instant now = day.atTime(9, 30).atZone(ZoneId.of("America/New_York")).toInstant();
        Decision decision = engine.decide(csdId, studentId, Purpose.of("student-support"), now);
        String json;
        try (DisclosureSink log = DisclosureLogs.jsonLinesFile(logFile)) {
            // record first, then show: the permitted fields, only the records in the agreement's scope
            json = RecordViews.disclose(data, decision, log).json();
        }

        // sdk-metrics: chronic absence by school (EDFacts FS195)
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.FEDERAL);

        // sdk-privacy again: protect the school table before it leaves the district
        List<String> schools = report.schools().keySet().stream().map(SchoolId::value).toList();
        CountTable.Builder table = CountTable.builder(Dimension.flat("school_id", "TOTAL", schools));
        report.schools().forEach((school, s) ->
                table.cell(school.value(), s.enrollments().chronicallyAbsent(), s.enrollments().counted()));
        ProtectedTable safe = TableProtector.protect(table.fillTotals().build(), SuppressionRules.forName("nysed"));
        String csv = PublicationWriter.csv(safe.orThrow());           // throws if the audit refused the release
        // end::embed[]

        assertThat(decision.permits("attendance.records")).isTrue();
        assertThat(decision.permittedCategories()).doesNotContain(org.communityschools.core.model.DataCategory.HEALTH);
        assertThat(json).contains("\"attendance\"").doesNotContain("\"health\"");
        assertThat(DisclosureLogs.verify(logFile).isIntact()).isTrue();
        assertThat(csv.lines()).hasSize(schools.size() + 2);          // header, every school, the total
        DocPages.assertQuoted("embedding.md", EmbeddingExamplesTest.class, "embed");
    }
}

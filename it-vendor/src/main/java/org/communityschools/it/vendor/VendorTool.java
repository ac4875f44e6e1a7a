package org.communityschools.it.vendor;

import java.nio.file.Files;
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

/**
 * The embedding example of docs/embedding.md as a vendor's program: load a district, decide what a Community School
 * Director may see of a student, view and disclose it through the log, compute chronic absence by school and protect
 * the table before publishing it. Prints one line per step; the argument is a working directory.
 */
public final class VendorTool {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private VendorTool() {
    }

    /**
     * Runs the example in a working directory.
     *
     * @param args one argument: the directory to write the district's export and the disclosure log into
     * @throws Exception when a step fails; the exception's message names the rule that was broken
     */
    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        Path dir = work.resolve("district");
        Path logFile = work.resolve("disclosures.jsonl");
        // The vendor's nightly export stands in for a district's: a small synthetic city.
        SyntheticCity.builder().preset(Preset.TINY).seed(7).years(SchoolYear.of(2018), SchoolYear.of(2018)).build()
                .writeTo(dir);

        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        System.out.println("loaded: " + data.students().size() + " students");

        LocalDate day = LocalDate.of(2018, 3, 1);
        StaffAssignment csd = data.staffAssignments().stream()
                .filter(a -> a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR && a.period().contains(day))
                .findFirst().orElseThrow();
        StaffId csdId = csd.staffId();
        StudentId studentId = data.enrollmentsAt(SchoolId.of(csd.organizationId().value())).stream()
                .filter(e -> e.isEnrolledOn(day)).findFirst().orElseThrow().studentId();

        PolicyEngine engine = PolicyEngine.builder()
                .policy(Policies.defaultPolicy()).districtData(data).zone(ZONE).build();
        Instant now = day.atTime(9, 30).atZone(ZONE).toInstant();
        Decision decision = engine.decide(csdId, studentId, Purpose.of("student-support"), now);
        System.out.println("decided: attendance.records " + (decision.permits("attendance.records") ? "permitted" : "denied"));

        String json;
        try (DisclosureSink log = DisclosureLogs.jsonLinesFile(logFile)) {
            json = RecordViews.disclose(data, decision, log).json();
        }
        System.out.println("viewed: " + json.length() + " characters of JSON, attendance "
                + (json.contains("\"attendance\"") ? "shown" : "absent") + ", health "
                + (json.contains("\"health\"") ? "shown" : "absent"));
        System.out.println("logged: " + Files.readAllLines(logFile).size() + " disclosure entries, chain "
                + (DisclosureLogs.verify(logFile).isIntact() ? "intact" : "BROKEN"));

        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.FEDERAL);
        List<String> schools = report.schools().keySet().stream().map(SchoolId::value).toList();
        System.out.println("computed: chronic absence at " + schools.size() + " schools");

        CountTable.Builder table = CountTable.builder(Dimension.flat("school_id", "TOTAL", schools));
        report.schools().forEach((school, s) ->
                table.cell(school.value(), s.enrollments().chronicallyAbsent(), s.enrollments().counted()));
        ProtectedTable safe = TableProtector.protect(table.fillTotals().build(), SuppressionRules.forName("nysed"));
        String csv = PublicationWriter.csv(safe.orThrow());
        System.out.println("published: " + csv.lines().count() + " lines of CSV");
    }
}

package org.communityschools.privacy.view;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;

/**
 * A manual measurement, not a test: bytes allocated per uncached decision and per decision + disclosed view, for the
 * requests of the policy benchmark (Success Mentors asking about their mentees on 2018-03-01, student-support),
 * counted with the thread's allocation counter, which does not depend on the machine's load, next to the benchmark's
 * peer (Jackson writing the student's full record unfiltered); the thread's CPU time per call is printed too, only as
 * an indication (less disturbed by other processes than wall time, but not free of them). Usage (after {@code mvn -o -pl sdk-privacy -am test-compile}):
 * {@code java -cp <classpath> org.communityschools.privacy.view.RedactAllocationMeasurement DATA_DIR [ROUNDS [ONLY]]}
 * (the directory of a district-preset city, generated with seed 7 when empty; {@code ONLY} is {@code view} or
 * {@code peer} to time only that side, as a benchmark fork does: in one JVM each side's code is compiled against the
 * other's profile too, which slows Jackson's writing of the peer more than the view).
 */
public final class RedactAllocationMeasurement {
    private RedactAllocationMeasurement() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String only = args.length > 2 ? args[2] : "";
        boolean views = !only.equals("peer");
        boolean peer = !only.equals("view");
        if (!Files.exists(dir.resolve("students.csv"))) {
            SyntheticCity.builder().preset(Preset.DISTRICT).seed(7).build().writeTo(dir);
        }
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDate day = LocalDate.of(2018, 3, 1);
        Instant at = day.atTime(10, 0).atZone(zone).toInstant();
        Purpose support = Purpose.of("student-support");
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(zone).build();
        List<StudentStaffRelationship> caseloads = new ArrayList<>();
        for (StudentStaffRelationship r : data.studentStaffRelationships()) {
            if (r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(day)) {
                caseloads.add(r);
            }
        }
        int n = Math.min(caseloads.size(), 4096);
        StaffId[] requesters = new StaffId[n];
        StudentId[] students = new StudentId[n];
        for (int i = 0; i < n; i++) {
            requesters[i] = caseloads.get(i).staffId();
            students[i] = caseloads.get(i).studentId();
        }
        // through reflection: the test sources are compiled into the module, which does not read java.management
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        Method cpu = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        long tid = Thread.currentThread().getId();
        tools.jackson.databind.json.JsonMapper mapper = org.communityschools.core.json.CommunitySchoolsJson.mapper();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long a0 = (long) allocated.invoke(threads, tid);
            long t0 = (long) cpu.invoke(threads);
            for (int i = 0; views && i < n; i++) {
                sink += engine.decide(requesters[i], students[i], support, at).obligations().size();
            }
            long t1 = (long) cpu.invoke(threads);
            long a1 = (long) allocated.invoke(threads, tid);
            DisclosureSink log = DisclosureLogs.inMemory();
            long a2 = (long) allocated.invoke(threads, tid);
            long t2 = (long) cpu.invoke(threads);
            for (int i = 0; views && i < n; i++) {
                sink += RecordViews.disclose(data, engine.decide(requesters[i], students[i], support, at), log).json().length();
            }
            long t3 = (long) cpu.invoke(threads);
            long a3 = (long) allocated.invoke(threads, tid);
            log.close();
            // the benchmark's peer: Jackson writing the student, attendance and interventions unfiltered
            long a4 = (long) allocated.invoke(threads, tid);
            long t4 = (long) cpu.invoke(threads);
            for (int i = 0; peer && i < n; i++) {
                List<Object> record = new ArrayList<>();
                record.add(data.student(students[i]).orElseThrow());
                record.add(data.attendance().recordsOf(students[i]));
                record.add(data.participantsOf(students[i]));
                sink += mapper.writeValueAsString(record).length();
            }
            long t5 = (long) cpu.invoke(threads);
            long a5 = (long) allocated.invoke(threads, tid);
            System.out.printf("round %2d: decide %,8d B %6.2f us | decide+view %,8d B %6.2f us | Jackson %,8d B %6.2f us"
                    + " (%d requests)%n", round, (a1 - a0) / n, (t1 - t0) / 1e3 / n, (a3 - a2) / n, (t3 - t2) / 1e3 / n,
                    (a5 - a4) / n, (t5 - t4) / 1e3 / n, n);
        }
        System.out.println("checksum " + sink);
    }
}

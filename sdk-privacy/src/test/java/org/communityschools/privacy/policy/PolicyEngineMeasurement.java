package org.communityschools.privacy.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.FieldPath;

/**
 * A manual measurement, not a test: decision latency of the default policy on a synthetic city.
 * Usage (after {@code mvn -o -pl sdk-core,sdk-privacy verify}):
 * {@code java -cp <classpath> org.communityschools.privacy.policy.PolicyEngineMeasurement DATA_DIR DISTRICT 200000}
 * (directory, generated when empty; preset; number of decisions).
 */
public final class PolicyEngineMeasurement {
    private PolicyEngineMeasurement() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Preset preset = Preset.valueOf(args[1]);
        int n = Integer.parseInt(args[2]);
        if (!Files.exists(dir.resolve("students.csv"))) {
            long g = System.nanoTime();
            SyntheticCity.builder().preset(preset).seed(7).build().writeTo(dir);
            System.out.printf("generated %s in %.1f s%n", preset, (System.nanoTime() - g) / 1e9);
        }
        long r0 = System.nanoTime();
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        System.out.printf("read %s in %.1f s%n", data, (System.nanoTime() - r0) / 1e9);
        ZoneId zone = ZoneId.of("America/New_York");
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(zone).build();
        List<StudentStaffRelationship> rels = data.studentStaffRelationships();
        List<Purpose> purposes = List.copyOf(Policies.defaultPolicy().purposes().keySet());
        Random random = new Random(1);
        StaffId[] staff = new StaffId[n];
        StudentId[] students = new StudentId[n];
        Instant[] at = new Instant[n];
        Purpose[] purpose = new Purpose[n];
        for (int i = 0; i < n; i++) {
            StudentStaffRelationship r = rels.get(random.nextInt(rels.size()));
            staff[i] = r.staffId();
            students[i] = r.studentId();
            at[i] = r.period().start().plusDays(random.nextInt(100)).atTime(12, 0).atZone(zone).toInstant();
            purpose[i] = purposes.get(random.nextInt(purposes.size()));
        }
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            int permits = 0;
            for (int i = 0; i < n; i++) {
                if (engine.decide(staff[i], students[i], purpose[i], at[i]).permitsAny()) {
                    permits++;
                }
            }
            double us = (System.nanoTime() - t) / 1e3 / n;
            System.out.printf("round %d: %d decisions, %.1f us each, %d permit some field%n", round, n, us, permits);
        }
        DecisionCache cache = DecisionCache.builder().maximumSize(100_000).build();
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            int working = Math.min(n, 50_000);
            for (int i = 0; i < working; i++) {
                cache.decide(engine, staff[i], students[i], purpose[i], at[i].plusSeconds(round));
            }
            System.out.printf("cached round %d (%d requests, a new instant of the same day each round): %.1f us each "
                    + "(%d entries)%n", round, working, (System.nanoTime() - t) / 1e3 / working, cache.size());
        }
        Instant day = LocalDate.of(2016, 10, 12).atTime(12, 0).atZone(zone).toInstant();
        StaffId principal = data.staffAssignments().stream()
                .filter(a -> a.role() == org.communityschools.core.model.StaffRole.PRINCIPAL).findFirst().orElseThrow()
                .staffId();
        long w = System.nanoTime();
        int reach = engine.whatCanISee(principal, day).size();
        System.out.printf("whatCanISee(principal): %d lines in %.1f ms%n", reach, (System.nanoTime() - w) / 1e6);
        long v = System.nanoTime();
        int viewers = engine.whoCanSee(students[0], FieldPath.of("specialEducation.disability"), day).size();
        System.out.printf("whoCanSee(student, specialEducation.disability): %d viewers in %.1f ms%n", viewers,
                (System.nanoTime() - v) / 1e6);
    }
}

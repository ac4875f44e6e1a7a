package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * {@link DistrictData#relationshipsOn(StaffId, StudentId, LocalDate)} (a student's relationships screened by the
 * staff member in the relationship columns) is {@link DistrictData#relationshipsOfStudent} filtered by staff member
 * and day: for generated cities, and for every version of a live district after random change batches (which replace
 * the groups of the students they touch), on every day of the small district's year.
 */
class RelationshipLookupAfterChangesProperties {
    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        return new LiveDistrictProperties().batches();
    }

    @Property(tries = 150)
    void theLookupFollowsChangeBatches(@ForAll("batches") List<ChangeBatch> batches) {
        LiveDistrict live = LiveDistrict.of(SmallDistrict.build(4));
        assertLookupIsTheScan(live.current().data(), days());
        for (ChangeBatch batch : batches) {
            try {
                live.apply(batch);
            } catch (BatchRejectedException e) {
                continue;
            }
            assertLookupIsTheScan(live.current().data(), days());
        }
    }

    @Property(tries = 4)
    void theLookupIsTheScanInGeneratedCities(@ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws Exception {
        Path dir = Files.createTempDirectory("relationship-lookup");
        try {
            SyntheticCity.builder().preset(Preset.TINY).seed(seed).build().writeTo(dir);
            DistrictData data = DistrictDataReader.builder().build().read(dir).data();
            List<LocalDate> days = new ArrayList<>();
            Set<LocalDate> starts = new LinkedHashSet<>();
            for (StudentStaffRelationship r : data.studentStaffRelationships()) {
                starts.add(r.period().start());
                r.period().lastDay().ifPresent(d -> {
                    starts.add(d);
                    starts.add(d.plusDays(1));
                });
            }
            starts.stream().limit(12).forEach(days::add);
            assertThat(data.studentStaffRelationships()).isNotEmpty();
            assertLookupIsTheScan(data, days);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        for (int d = -1; d <= SmallDistrict.DAYS + 1; d += 2) {
            out.add(SmallDistrict.day(0).plusDays(d));
        }
        return out;
    }

    /** For every student, each staff member related to it, three others and an unknown one, on each day. */
    private static void assertLookupIsTheScan(DistrictData data, List<LocalDate> days) {
        List<StaffId> others = new ArrayList<>();
        data.staff().stream().limit(3).forEach(m -> others.add(m.id()));
        others.add(StaffId.of("NOBODY"));
        List<StudentId> students = new ArrayList<>();
        for (Student s : data.students()) {
            students.add(s.id());
        }
        students.add(StudentId.of("NOBODY"));
        for (StudentId s : students) {
            List<StudentStaffRelationship> of = data.relationshipsOfStudent(s);
            Set<StaffId> staff = new LinkedHashSet<>();
            of.forEach(r -> staff.add(r.staffId()));
            staff.addAll(others);
            for (StaffId m : staff) {
                for (LocalDate day : days) {
                    List<StudentStaffRelationship> expected = of.stream()
                            .filter(r -> r.staffId().equals(m) && r.period().contains(day)).toList();
                    assertThat(data.relationshipsOn(m, s, day)).containsExactlyElementsOf(expected);
                }
            }
        }
    }
}

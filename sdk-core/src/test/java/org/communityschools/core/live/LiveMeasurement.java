package org.communityschools.core.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * Manual measurement, not a test: applies batches to a live district made from a synthetic city and prints times
 * (the JMH benchmark is the figure to quote; this is for a first look at scale).
 *
 * <pre>
 * java -Xmx3g -cp ... org.communityschools.core.live.LiveMeasurement DIR [district|nyc]
 * </pre>
 */
public final class LiveMeasurement {
    private LiveMeasurement() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (!Files.exists(dir.resolve("students.csv"))) {
            SyntheticCity.builder().preset(Preset.valueOf(args.length > 1 ? args[1].toUpperCase() : "DISTRICT")).seed(1)
                    .build().writeTo(dir);
        }
        long t0 = System.nanoTime();
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        System.out.printf("loaded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, data);
        List<AttendanceRecord> events = events(data, 200_000);
        long loaded = usedAfterGc();
        LiveDistrict live = LiveDistrict.of(data);
        System.out.printf("%,d candidate events%n", events.size());
        for (int size : new int[] {1, 100, 1000}) {
            int batches = Math.min(events.size() / size, size == 1 ? 2000 : 100);
            long[] ns = new long[batches];
            int from = 0;
            for (int b = 0; b < batches; b++) {
                ChangeBatch.Builder batch = ChangeBatch.builder();
                for (int i = 0; i < size; i++) {
                    batch.upsert(events.get(from++ % events.size()));
                }
                ChangeBatch built = batch.build();
                long s = System.nanoTime();
                live.apply(built);
                ns[b] = System.nanoTime() - s;
            }
            report("attendance batch of " + size, ns, size);
        }
        Consent consent = data.consents().stream().filter(c -> c.revokedDate().isEmpty()).findFirst().orElseThrow();
        long[] ns = new long[200];
        for (int i = 0; i < ns.length; i++) {
            Optional<LocalDate> revoked = i % 2 == 0 ? Optional.of(consent.signedDate().plusDays(1)) : Optional.empty();
            ChangeBatch b = ChangeBatch.builder().upsert(new Consent(consent.id(), consent.studentId(), consent.grantor(),
                    consent.recipientId(), consent.purpose(), consent.categories(), consent.signedDate(),
                    consent.authentication(), revoked)).build();
            long s = System.nanoTime();
            live.apply(b);
            ns[i] = System.nanoTime() - s;
        }
        report("consent revocation", ns, 1);
        DistrictVersion older = live.current();
        long layered = usedAfterGc();
        System.out.printf("heap after GC: loaded %,d MB; live after %,d versions (%,d attendance events) %,d MB (+%.1f%%)%n",
                loaded >> 20, live.current().number(), Math.min(events.size(), 2000 + 100 * 100 + 100 * 1000),
                layered >> 20, 100.0 * (layered - loaded) / loaded);
        live.compact();
        long compacted = usedAfterGc();
        System.out.printf("heap after compact() with the layered version %d still held: %,d MB (+%.1f%% over loaded)%n",
                older.number(), compacted >> 20, 100.0 * (compacted - loaded) / loaded);
        Partnership p = data.partnerships().get(0);
        long s = System.nanoTime();
        live.apply(ChangeBatch.builder().upsert(new Partnership(p.schoolId(), p.organizationId(), p.schoolYear(),
                p.role() == PartnershipRole.LEAD ? PartnershipRole.LEAD : PartnershipRole.PARTNER)).build());
        System.out.printf("rebuild path (a partnership upsert): %.0f ms%n", (System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        int n = live.current().data().enrollments().size();
        System.out.printf("first read of enrollments() after changes: %.0f ms (%,d)%n", (System.nanoTime() - s) / 1e6, n);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void report(String what, long[] ns, int size) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ns).average().orElse(0);
        System.out.printf("%s: n=%d p50=%.0f us p99=%.0f us mean=%.0f us -> %,.0f events/s%n", what, ns.length,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3, mean / 1e3, size * 1e9 / mean);
    }

    /** Absences on enrolled days with no row yet, spread over students. */
    private static List<AttendanceRecord> events(DistrictData data, int max) {
        List<AttendanceRecord> out = new ArrayList<>();
        for (int s = 0; s < data.students().size() && out.size() < max; s++) {
            var id = data.studentAt(s);
            for (Enrollment e : data.enrollmentsOf(id)) {
                var calendar = data.calendar(e.schoolId());
                var existing = data.attendance().recordsOf(id, e.schoolId());
                for (LocalDate d : calendar.days()) {
                    if (e.isEnrolledOn(d) && existing.stream().noneMatch(r -> r.date().equals(d))) {
                        out.add(new AttendanceRecord(id, e.schoolId(), d, AttendanceCategory.TARDY, DayShare.ofTenThousandths(0),
                                Optional.empty()));
                        break;
                    }
                }
            }
        }
        return out;
    }
}

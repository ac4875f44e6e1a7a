package org.communityschools.metrics;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;

/**
 * Manual measurement, not a test: the cost of an attendance event and of reading a school's current rate in an
 * {@link AttendanceAccumulator}, on a district data directory (generate one with {@code MetricsMeasurement generate}),
 * with a check that the accumulator, a merge of four shards and the batch report agree. See docs/metrics.md
 * ("Incremental accumulators").
 *
 * <pre>
 * java -Xmx3g -cp ... org.communityschools.metrics.AccumulatorMeasurement DIR YEAR
 * </pre>
 */
public final class AccumulatorMeasurement {
    private AccumulatorMeasurement() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DIR YEAR");
            return;
        }
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(Path.of(args[0])).data();
        SchoolYear year = SchoolYear.parse(args[1]);
        List<AttendanceRecord> records = new ArrayList<>();
        data.attendance().forEachRecord(r -> {
            if (year.contains(r.date())) {
                records.add(r);
            }
        });
        records.sort(Comparator.comparing(AttendanceRecord::date));               // as a daily feed delivers them
        System.out.printf("%,d students, %,d enrollments, %,d schools, %,d attendance records in %s%n",
                data.students().size(), data.enrollments().size(), data.schools().size(), records.size(), year);

        for (ChronicAbsenceDefinition def : new ChronicAbsenceDefinition[] {ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED}) {
            for (int run = 1; run <= 3; run++) {
                AttendanceAccumulator acc = structure(data, year, def, 0, 1);
                long a = System.nanoTime();
                for (AttendanceRecord r : records) {
                    acc.attendance(r);
                }
                long b = System.nanoTime();
                // corrections: every tenth record replaced by a present mark
                int corrections = 0;
                for (int i = 0; i < records.size(); i += 10) {
                    AttendanceRecord r = records.get(i);
                    acc.attendance(new AttendanceRecord(r.studentId(), r.schoolId(), r.date(), AttendanceCategory.PRESENT, DayShare.NONE, r.reason()));
                    corrections++;
                }
                long c = System.nanoTime();
                for (int i = 0; i < records.size(); i += 10) {
                    acc.attendance(records.get(i));                                 // and back
                }

                SchoolId busiest = data.schools().stream().map(School::id)
                        .max(Comparator.comparingInt(id -> data.enrollmentsAt(id).size())).orElseThrow();
                long f = System.nanoTime();
                AttendanceAggregate busy = acc.school(busiest);
                long g = System.nanoTime();
                int schools = 0;
                long chronic = 0;
                for (School s : data.schools()) {
                    chronic += acc.school(s.id()).chronicallyAbsent();
                    schools++;
                }
                long e = System.nanoTime();
                for (School s : data.schools()) {
                    chronic -= acc.school(s.id()).chronicallyAbsent();              // again: nothing changed, the cached answer
                }
                long e2 = System.nanoTime();
                if (chronic != 0) {
                    throw new IllegalStateException("a cached read differs");
                }
                AttendanceSnapshot snap = acc.snapshot();
                long h = System.nanoTime();
                System.out.printf("%-8s run %d: %,d events %.0f ns/event; %,d corrections %.0f ns/event; read every school's current rate "
                                + "%.1f µs/school (%,d schools), unchanged since the last read %.2f µs/school; busiest school (%,d members) %.0f µs; "
                        + "snapshot %.2f s%n",
                        def.name(), run, records.size(), (b - a) / (double) records.size(), corrections, (c - b) / (double) corrections,
                        (e - g) / 1e3 / schools, schools, (e2 - e) / 1e3 / schools, busy.members(), (g - f) / 1e3, (h - e2) / 1e9);
                if (run == 3) {
                    long i = System.nanoTime();
                    ChronicAbsenceReport batch = ChronicAbsence.calculate(data, year, def, snap.asOf());
                    long j = System.nanoTime();
                    List<AttendanceAccumulator> shards = new ArrayList<>();
                    for (int k = 0; k < 4; k++) {
                        AttendanceAccumulator shard = structure(data, year, def, k, 4);
                        for (AttendanceRecord r : records) {
                            if (shardOf(r.studentId(), 4) == k) {
                                shard.attendance(r);
                            }
                        }
                        shards.add(shard);
                    }
                    long m0 = System.nanoTime();
                    AttendanceAccumulator merged = shards.get(0);
                    for (AttendanceAccumulator s : shards.subList(1, 4)) {
                        merged.merge(s);
                    }
                    long m1 = System.nanoTime();
                    AttendanceSnapshot mergedSnap = merged.snapshot();
                    System.out.printf("%-8s as of %s: district %d/%d = %s%%; batch %.2f s, equal to the accumulator: %b; "
                                    + "4 shards merged in %.2f s, equal: %b%n",
                            def.name(), snap.asOf(), snap.district().chronicallyAbsent(), snap.district().counted(),
                            snap.district().chronicAbsenceRate().map(x -> x.toPercentString(2)).orElse("-"), (j - i) / 1e9,
                            batch.district().equals(snap.district()) && equalSchools(batch, snap), (m1 - m0) / 1e9, mergedSnap.equals(snap));
                }
            }
        }
    }

    static int shardOf(StudentId id, int n) {
        return Math.floorMod(id.hashCode(), n);
    }

    /** An accumulator with the year's school types, calendars and the enrollments of shard {@code k} of {@code n}. */
    static AttendanceAccumulator structure(DistrictData data, SchoolYear year, ChronicAbsenceDefinition def, int k, int n) {
        AttendanceAccumulator acc = AttendanceAccumulator.of(year, def);
        for (School s : data.schools()) {
            acc.schoolType(s.id(), s.schoolType());
        }
        data.calendars().forEach((school, cal) -> {
            for (LocalDate d : cal.days()) {
                if (year.contains(d)) {
                    acc.instructionalDay(school, d);
                }
            }
        });
        data.enrollments().forEach(e -> {
            if (shardOf(e.studentId(), n) == k) {
                acc.enrollment(e);
            }
        });
        return acc;
    }

    static boolean equalSchools(ChronicAbsenceReport batch, AttendanceSnapshot snap) {
        return batch.schools().values().stream().allMatch(s -> s.enrollments().equals(snap.school(s.schoolId())))
                && batch.schools().size() == snap.schools().size();
    }
}

package org.communityschools.metrics;

import java.nio.file.Path;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * Manual measurement, not a test: times the chronic-absence report and the graduation rate over a district data
 * directory. See docs/metrics.md ("Measurements") for the commands and figures.
 *
 * <pre>
 * java -cp ... org.communityschools.metrics.MetricsMeasurement generate DIR PRESET
 * java -Xmx4g -cp ... org.communityschools.metrics.MetricsMeasurement run DIR YEAR COHORT_YEAR
 * </pre>
 */
public final class MetricsMeasurement {
    private MetricsMeasurement() {}

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("generate")) {
            System.out.println(SyntheticCity.builder().preset(Preset.valueOf(args[2])).seed(42).build().writeTo(Path.of(args[1])));
        } else if (args.length == 4 && args[0].equals("run")) {
            run(Path.of(args[1]), SchoolYear.parse(args[2]), SchoolYear.parse(args[3]));
        } else {
            System.err.println("usage: generate DIR TINY|DISTRICT|NYC | run DIR YEAR COHORT_YEAR");
        }
    }

    private static void run(Path dir, SchoolYear year, SchoolYear cohort) {
        long t0 = System.nanoTime();
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        long t1 = System.nanoTime();
        System.out.printf("load                 %.1f s, %,d students, %,d enrollments, %,d attendance rows%n",
                (t1 - t0) / 1e9, data.students().size(), data.enrollments().size(), data.attendance().size());
        for (ChronicAbsenceDefinition def : new ChronicAbsenceDefinition[] {ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED,
                ChronicAbsenceDefinition.FEDERAL}) {
            long a = System.nanoTime();
            ChronicAbsenceReport r = ChronicAbsence.calculate(data, year, def);
            long b = System.nanoTime();
            AttendanceAggregate d = r.district();
            System.out.printf("chronic absence %-10s %.2f s: %,d enrollments, %,d students; district %d/%d = %s%%%n", def.name(), (b - a) / 1e9,
                    r.enrollments().size(), r.students().size(), d.chronicallyAbsent(), d.counted(),
                    d.chronicAbsenceRate().map(x -> x.toPercentString(2)).orElse("-"));
        }
        long a = System.nanoTime();
        GraduationCohortReport g = GraduationRate.calculate(data, cohort, GraduationCohortDefinition.FOUR_YEAR);
        long b = System.nanoTime();
        CohortCounts c = g.district();
        System.out.println(c);
        System.out.printf("ACGR cohort %s     %.2f s: %d + %d - %d = %d, graduates %d = %s%%%n", cohort, (b - a) / 1e9,
                c.firstTimeNinthGraders(), c.transfersIn(), c.removalCount(), c.adjustedCohort(), c.graduateCount(),
                c.rate().map(x -> x.toPercentString(2)).orElse("-"));
    }
}

package org.communityschools.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationRate;

/**
 * Manual measurement, not a test (docs/spark.md, "Measurements"): the single-machine calculators against Spark
 * {@code local[1]} and {@code local[2]} on one generated directory, year {@code YEAR}, chronic absence under NYSED
 * and the four-year ACGR of cohort {@code YEAR - 3}. Run with the test class path and Spark's JVM options:
 * {@code java <spark.java.options> -cp ... org.communityschools.spark.SparkBenchmark DIR 2018 [masters...]}.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SchoolYear year = SchoolYear.parse(args[1]);
        SchoolYear cohort = SchoolYear.of(year.endYear() - 3);
        String[] masters = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length) : new String[] {"local[1]", "local[2]"};

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        long u0 = os.getProcessCpuTime();
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        long t1 = System.nanoTime();
        var report = ChronicAbsence.calculate(data, year, ChronicAbsenceDefinition.NYSED, year.lastDay());
        long t2 = System.nanoTime();
        var acgr = GraduationRate.calculate(data, cohort, GraduationCohortDefinition.FOUR_YEAR);
        long t3 = System.nanoTime();
        long u3 = os.getProcessCpuTime();
        System.out.printf("single machine: read+validate %.1f s, chronic absence %.1f s, ACGR %.1f s wall; %.1f CPU s of the process (GC included)"
                        + " in all (%d student-years, %d attendance rows)%n",
                s(t1 - t0), s(t2 - t1), s(t3 - t2), s(u3 - u0), report.students().size(), data.attendance().size());
        int studentYears = report.students().size();
        var expectedDistrict = report.district();
        var expectedAcgr = acgr.district();
        data = null;
        report = null;

        for (String master : masters) {
            SparkSession spark = SparkSession.builder().master(master).appName("benchmark").config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", master.equals("local[1]") ? "4" : "8").getOrCreate();
            CpuTime cpu = new CpuTime();
            spark.sparkContext().addSparkListener(cpu);
            long r0 = System.nanoTime();
            SparkDistrictData d = SparkDistrictReader.csv(spark).read(dir.toString()).cache().requireValid();
            long r1 = System.nanoTime();
            double c1 = cpu.seconds();
            var district = SparkChronicAbsence.calculate(d, year, ChronicAbsenceDefinition.NYSED, year.lastDay()).collect("DISTRICT").get("ALL");
            long r2 = System.nanoTime();
            double c2 = cpu.seconds();
            var cohortCounts = SparkGraduationRate.calculate(d, cohort, GraduationCohortDefinition.FOUR_YEAR).collect("DISTRICT").get("ALL");
            long r3 = System.nanoTime();
            double c3 = cpu.seconds();
            System.out.printf("spark %s: read+validate+cache %.1f s wall (%.1f task CPU s), chronic absence %.1f s wall (%.1f task CPU s,"
                            + " %.0f student-years per task CPU second), ACGR %.1f s wall (%.1f task CPU s); equal to single machine: %s%n",
                    master, s(r1 - r0), c1, s(r2 - r1), c2 - c1, studentYears / (c2 - c1), s(r3 - r2), c3 - c2,
                    district.equals(expectedDistrict) && cohortCounts.equals(expectedAcgr));
            spark.stop();
        }
    }

    /** Sums the executor CPU time of every finished task (independent of the other load on a shared machine). */
    static final class CpuTime extends org.apache.spark.scheduler.SparkListener {
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
                nanos.addAndGet(end.taskMetrics().executorCpuTime());
            }
        }

        double seconds() {
            return nanos.get() / 1e9;
        }
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}

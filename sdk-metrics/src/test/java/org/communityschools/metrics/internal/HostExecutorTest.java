package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.SchoolDays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch calculations run their parts on the host's executor and the calling thread only: a counting executor
 * receives every part after the first, a pool's threads and the caller are the only threads that compute, the
 * caller alone ({@code Runnable::run}) or a rejecting executor give the same report, and a failing part fails the
 * call.
 */
class HostExecutorTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static DistrictData district;
    static ExecutorService pool;

    @BeforeAll
    static void generate(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.DISTRICT).seed(7).scale(0.05).years(YEAR, YEAR).build().writeTo(dir.resolve("district"));
        district = DistrictDataReader.builder().withoutBeanValidation().build().read(dir.resolve("district")).data();
        pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "host-pool");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** An executor that runs each task at once on the caller's thread and counts the tasks. */
    static final class CountingExecutor implements Executor {
        final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void execute(Runnable command) {
            tasks.incrementAndGet();
            command.run();
        }
    }

    @Test
    void aCountingExecutorReceivesEveryRangeAfterTheFirstAndTheReportIsUnchanged() {
        ChronicAbsenceReport oneThread = ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL,
                YEAR.lastDay(), Runnable::run, 1, 1);
        for (int parts : new int[] {2, 3, 5}) {
            CountingExecutor counting = new CountingExecutor();
            ChronicAbsenceReport report = ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL,
                    YEAR.lastDay(), counting, parts, 1);
            // a range per part: the executor gets parts - 1 tasks, each of which computes one range (it runs them at
            // once, so none is left for the calling thread but the first)
            assertThat(counting.tasks).as(parts + " parts").hasValue(parts - 1);
            assertThat(report).as(parts + " parts").isEqualTo(oneThread);
            assertThat(report.students()).containsExactlyElementsOf(oneThread.students());
            assertThat(report.enrollments()).containsExactlyElementsOf(oneThread.enrollments());
        }
    }

    @Test
    void onlyThePoolsThreadsAndTheCallerCompute() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<String> names = new ArrayList<>();
        Executor recording = command -> pool.execute(() -> {
            threads.add(Thread.currentThread());
            command.run();
        });
        ChronicAbsenceReport report = ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.NYSED,
                YEAR.lastDay(), recording, 4, 1);
        threads.forEach(t -> names.add(t.getName()));
        assertThat(names).allMatch("host-pool"::equals);
        assertThat(report).isEqualTo(ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.NYSED,
                YEAR.lastDay(), Runnable::run, 1, 1));
    }

    @Test
    void theCallingThreadAloneGivesTheDefaultReport() {
        ChronicAbsenceReport callerOnly = ChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(),
                Runnable::run);
        ChronicAbsenceReport byDefault = ChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL);
        assertThat(callerOnly).isEqualTo(byDefault);
        assertThat(callerOnly.enrollments()).containsExactlyElementsOf(byDefault.enrollments());
    }

    @Test
    void aRejectingExecutorLeavesEveryRangeToTheCaller() {
        Executor rejecting = command -> {
            throw new RejectedExecutionException("full");
        };
        assertThat(ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(), rejecting, 4, 1))
                .isEqualTo(ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(),
                        Runnable::run, 1, 1));
    }

    @Test
    void anExecutorThatNeverRunsItsTasksCannotBlockTheCalculation() {
        List<Runnable> dropped = new ArrayList<>();
        ChronicAbsenceReport report = ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL,
                YEAR.lastDay(), dropped::add, 3, 1);
        assertThat(dropped).hasSize(2);
        assertThat(report).isEqualTo(ColumnarChronicAbsence.calculate(district, YEAR, ChronicAbsenceDefinition.FEDERAL,
                YEAR.lastDay(), Runnable::run, 1, 1));
        dropped.forEach(Runnable::run); // late tasks find no range left and do nothing
        assertThat(report.students()).isNotEmpty();
    }

    @Test
    void aFailingPartFailsTheCallOnTheCallingThread() {
        CountingExecutor counting = new CountingExecutor();
        assertThatThrownBy(() -> Parts.run(counting, 3, i -> {
            if (i == 2) {
                throw new IllegalStateException("part " + i);
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("part 2");
        assertThat(Parts.run(counting, 3, i -> i * 10)).containsExactly(0, 10, 20);
    }

    @Test
    void theGraduationRateRunsOnTheGivenExecutorWithTheSameReport() {
        SchoolYear cohort = SchoolYear.of(2015);
        GraduationCohortDefinition def = GraduationCohortDefinition.FOUR_YEAR;
        GraduationCohortReport callerOnly = GraduationRate.calculate(district, cohort, def, Runnable::run);
        assertThat(GraduationRate.calculate(district, cohort, def)).isEqualTo(callerOnly);
        CountingExecutor counting = new CountingExecutor();
        SchoolDays days = ColumnarGraduationOracleTest.calendars(district);
        GraduationCohortReport split = ColumnarGraduation.calculate(district, def, cohort, days, counting, 3, 1);
        assertThat(counting.tasks).hasValue(2);
        assertThat(split).isEqualTo(callerOnly);
        assertThat(split.members()).isNotEmpty().containsExactlyElementsOf(callerOnly.members());
    }
}

package org.communityschools.examples.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.EarlyWarning;
import org.communityschools.metrics.EarlyWarningDefinition;
import org.communityschools.metrics.EarlyWarningEntry;
import org.communityschools.metrics.EarlyWarningList;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.InterventionOutcomeReport;
import org.communityschools.metrics.InterventionOutcomes;
import org.communityschools.metrics.WindowRates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metrics early-warning} and {@code metrics interventions}: what a school team reviews at its meeting. */
final class EarlyWarningCommands {
    private EarlyWarningCommands() {}

    /** {@code metrics early-warning --school ID}: the students of a school sorted by risk, with the reasons. */
    @Command(name = "early-warning", mixinStandardHelpOptions = true,
            description = "A school's students sorted by risk (attendance, behavior, course performance), each flag with its figures.")
    static final class EarlyWarningCommand extends MetricsCommand.Common implements Callable<Integer> {
        @Option(names = "--school", required = true, paramLabel = "SCHOOL_ID", description = "the school")
        String school;

        @Option(names = "--year", required = true, converter = MetricsCommand.SchoolYearConverter.class,
                description = "the school year: 2018, 2017-18 or 2017-2018")
        SchoolYear year;

        @Option(names = "--preset", defaultValue = "everyone-graduates",
                description = "everyone-graduates or ed-fi-amt (default: ${DEFAULT-VALUE})")
        String preset;

        @Option(names = "--as-of", description = "the last day counted (default: the end of the school year)")
        Optional<LocalDate> asOf;

        @Option(names = "--flagged-only", description = "list only students with at least one flag")
        boolean flaggedOnly;

        @Override
        void check() {
            super.check();
            definition();
        }

        EarlyWarningDefinition definition() {
            return switch (preset) {
                case "everyone-graduates" -> EarlyWarningDefinition.EVERYONE_GRADUATES;
                case "ed-fi-amt" -> EarlyWarningDefinition.ED_FI_AMT;
                default -> throw new IllegalArgumentException("--preset must be everyone-graduates or ed-fi-amt, was '" + preset + "'");
            };
        }

        @Override
        public Integer call() {
            DistrictData data = load();
            SchoolId id = SchoolId.of(school);
            if (data.school(id).isEmpty()) {
                throw new IllegalArgumentException("unknown school: " + school);
            }
            MetricsCommand.requireInstruction(data, year);
            EarlyWarningList list = asOf.isPresent() ? EarlyWarning.evaluate(data, id, year, definition(), asOf.get())
                    : EarlyWarning.evaluate(data, id, year, definition());
            Table table = new Table(List.of("rank", "student_id", "grade", "indicators", "attendance_rate", "suspensions",
                    "failed_courses", "flags"));
            int rank = 0;
            for (EarlyWarningEntry e : list.entries()) {
                rank++;
                if (flaggedOnly && e.flags().isEmpty()) {
                    continue;
                }
                Object rate = e.attendance().attendanceRate().<Object>map(r -> r.toBigDecimal(MetricsCommand.RATE_SCALE)).orElse("");
                table.add((long) rank, e.studentId().value(), e.grade().code(), (long) e.flags().size(), rate,
                        (long) e.suspensions(), (long) e.failedCourses(),
                        e.flags().stream().map(f -> f.level() + ": " + f.reason()).collect(Collectors.joining("; ")));
            }
            print(table);
            return 0;
        }
    }

    /** {@code metrics interventions}: each intervention's participants before and after, against matched non-participants. */
    @Command(name = "interventions", mixinStandardHelpOptions = true,
            description = "For each intervention type and provider: participants' attendance rate in a window before vs after "
                    + "the start, against similarly at-risk non-participants of the same schools (descriptive, not causal).")
    static final class InterventionsCommand extends MetricsCommand.Common implements Callable<Integer> {
        @Option(names = "--year", required = true, converter = MetricsCommand.SchoolYearConverter.class,
                description = "the school year: 2018, 2017-18 or 2017-2018")
        SchoolYear year;

        @Option(names = "--window", defaultValue = "30", description = "instructional days before and after the start (default: ${DEFAULT-VALUE})")
        int window;

        @Override
        void check() {
            super.check();
            if (window < 1) {
                throw new IllegalArgumentException("--window must be at least 1, was " + window);
            }
        }

        @Override
        public Integer call() {
            DistrictData data = load();
            MetricsCommand.requireInstruction(data, year);
            InterventionOutcomeReport report = InterventionOutcomes.evaluate(data, year, window, ChronicAbsenceDefinition.FEDERAL);
            Table table = new Table(List.of("type", "provider_id", "participants", "measured", "rate_before", "rate_after",
                    "change_points", "matched", "comparison_students", "comparison_rate_before", "comparison_rate_after",
                    "comparison_change_points", "difference_points"));
            for (InterventionOutcome o : report.outcomes()) {
                table.add(o.type().name(), o.providerId().value(), (long) o.participants(), (long) o.measured(),
                        rate(o.participantRates().before()), rate(o.participantRates().after()), points(o.participantRates()),
                        (long) o.matched(), (long) o.comparisonStudents(), rate(o.comparisonRates().before()),
                        rate(o.comparisonRates().after()), points(o.comparisonRates()),
                        o.differenceInPoints(2).<Object>map(d -> d).orElse(""));
            }
            print(table);
            return 0;
        }

        private static Object rate(Optional<Ratio> r) {
            return r.<Object>map(x -> x.toBigDecimal(MetricsCommand.RATE_SCALE)).orElse("");
        }

        private static Object points(WindowRates rates) {
            return rates.changeInPoints(2).<Object>map((BigDecimal d) -> d).orElse("");
        }
    }
}

package org.communityschools.metrics;

import java.nio.file.Path;
import java.time.LocalDate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * A manual measurement, not a test: early-warning lists for every school and the intervention outcomes of one year.
 *
 * <pre>
 * java -cp ... org.communityschools.metrics.EarlyWarningMeasurement generate DIR PRESET
 * java -cp ... org.communityschools.metrics.EarlyWarningMeasurement run DIR YEAR
 * </pre>
 */
public final class EarlyWarningMeasurement {
    private EarlyWarningMeasurement() {}

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("generate")) {
            System.out.println(SyntheticCity.builder().preset(Preset.valueOf(args[2])).seed(42).build().writeTo(Path.of(args[1])));
            return;
        }
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(Path.of(args[1])).data();
        SchoolYear year = SchoolYear.parse(args[2]);
        LocalDate asOf = year.firstDay().plusMonths(7);
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            int students = 0;
            int flagged = 0;
            int[] byIndicator = new int[3];
            for (School s : data.schools()) {
                EarlyWarningList list = EarlyWarning.evaluate(data, s.id(), year, EarlyWarningDefinition.EVERYONE_GRADUATES, asOf);
                students += list.entries().size();
                flagged += list.flagged().size();
                for (EarlyWarningFlag.Indicator i : EarlyWarningFlag.Indicator.values()) {
                    byIndicator[i.ordinal()] += (int) list.count(i);
                }
            }
            long t1 = System.nanoTime();
            InterventionOutcomeReport r = InterventionOutcomes.evaluate(data, year, 30, ChronicAbsenceDefinition.FEDERAL);
            long t2 = System.nanoTime();
            System.out.printf("run %d: early warning, %d schools, %d student entries, %d flagged (A %d, B %d, C %d): %.1f s%n", run,
                    data.schools().size(), students, flagged, byIndicator[0], byIndicator[1], byIndicator[2], (t1 - t0) / 1e9);
            System.out.printf("run %d: intervention outcomes, %d groups: %.1f s%n", run, r.outcomes().size(), (t2 - t1) / 1e9);
            if (run == 2) {
                for (InterventionOutcome o : r.outcomes()) {
                    System.out.printf("  %s %s: participants %d, measured %d, before %s after %s; matched %d, pairs %d (%d students), "
                                    + "comparison before %s after %s; difference %s points%n",
                            o.type(), o.providerId().value(), o.participants(), o.measured(),
                            o.participantRates().before().map(x -> x.toPercentString(1)).orElse("-"),
                            o.participantRates().after().map(x -> x.toPercentString(1)).orElse("-"), o.matched(), o.comparisonPairs(),
                            o.comparisonStudents(), o.comparisonRates().before().map(x -> x.toPercentString(1)).orElse("-"),
                            o.comparisonRates().after().map(x -> x.toPercentString(1)).orElse("-"),
                            o.differenceInPoints(1).map(Object::toString).orElse("-"));
                }
            }
        }
    }
}

package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterventionOutcomesTest {
    static final InterventionId TUTORING = InterventionId.of("TUT1");

    /**
     * 40 instructional days, tutoring from day 20, windows of 20 days. The participant goes from 60% to 80%;
     * c1 (60% before, distance 0) and c2 (55%, exactly 5 points) match; c3 (50%) and c4 (70%) are outside the band.
     */
    static DistrictData district() {
        SmallDistrict d = new SmallDistrict(40);
        d.builder.add(new Intervention(TUTORING, InterventionType.TUTORING, SmallDistrict.CBO, SmallDistrict.A, Optional.empty()));
        StudentId p = d.student("p");
        d.absent(p, 12, 20).absent(p, 20, 24);                       // before 12/20, after 16/20
        StudentId late = d.student("p-late", 20);                    // participant enrolled only after the start
        StudentId c1 = d.student("c1");
        d.absent(c1, 12, 20).absent(c1, 20, 28);                                        // before 12/20, after 12/20
        StudentId c2 = d.student("c2");
        d.absent(c2, 11, 20).absent(c2, 20, 27);                     // before 11/20, after 13/20
        StudentId c3 = d.student("c3");
        d.absent(c3, 10, 20);                                        // before 10/20
        StudentId c4 = d.student("c4");
        d.absent(c4, 14, 20);                                        // before 14/20
        for (StudentId s : List.of(p, late)) {
            d.builder.add(new InterventionParticipant(TUTORING, s, Optional.empty(), DateRange.closed(d.calendar.get(20), d.calendar.get(39)),
                    Optional.empty(), ParticipationStatus.COMPLETED));
        }
        return d.build();
    }

    @Test
    void participantsAgainstMatchedNonParticipantsWithExactRates() {
        InterventionOutcomeReport report = InterventionOutcomes.evaluate(district(), SmallDistrict.YEAR, 20, ChronicAbsenceDefinition.FEDERAL,
                Ratio.of(5, 100), 2);
        InterventionOutcome o = report.outcome(InterventionType.TUTORING, SmallDistrict.CBO).orElseThrow();

        assertThat(o.participants()).isEqualTo(2);
        assertThat(o.measured()).as("p-late has no day enrolled before the start").isEqualTo(1);
        assertThat(o.participantRates()).isEqualTo(new WindowRates(new BigDecimal("12"), 20, new BigDecimal("16"), 20));
        assertThat(o.participantRates().changeInPoints(1)).contains(new BigDecimal("20.0"));
        assertThat(o.matched()).isEqualTo(1);
        assertThat(o.matches()).containsExactly(Map.entry(StudentId.of("p"), List.of(StudentId.of("c1"), StudentId.of("c2"))));
        assertThat(o.comparisonPairs()).isEqualTo(2);
        assertThat(o.comparisonStudents()).isEqualTo(2);
        assertThat(o.comparisonRates().before()).contains(Ratio.of(23, 40));
        assertThat(o.comparisonRates().after()).contains(Ratio.of(25, 40));
        assertThat(o.comparisonRates().changeInPoints(1)).contains(new BigDecimal("5.0"));
        assertThat(o.differenceInPoints(1)).contains(new BigDecimal("15.0"));
    }

    @Test
    void theBandIsInclusiveAndLimitsTheMatches() {
        InterventionOutcome three = InterventionOutcomes.evaluate(district(), SmallDistrict.YEAR, 20, ChronicAbsenceDefinition.FEDERAL)
                .outcomes().get(0);
        assertThat(three.matches().get(StudentId.of("p"))).extracting(StudentId::value).containsExactly("c1", "c2");

        InterventionOutcome narrow = InterventionOutcomes.evaluate(district(), SmallDistrict.YEAR, 20, ChronicAbsenceDefinition.FEDERAL,
                Ratio.of(4, 100), 3).outcomes().get(0);
        assertThat(narrow.matches().get(StudentId.of("p"))).extracting(StudentId::value).containsExactly("c1");
    }

    @Test
    void equallyCloseCandidatesAreSpreadOverParticipantsDeterministically() {
        SmallDistrict d = new SmallDistrict(40);
        d.builder.add(new Intervention(TUTORING, InterventionType.TUTORING, SmallDistrict.CBO, SmallDistrict.A, Optional.empty()));
        List<StudentId> participants = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StudentId p = d.student("p" + i);
            participants.add(p);
            d.builder.add(new InterventionParticipant(TUTORING, p, Optional.empty(), DateRange.closed(d.calendar.get(20), d.calendar.get(39)),
                    Optional.empty(), ParticipationStatus.ACTIVE));
        }
        for (int i = 0; i < 10; i++) {
            d.student("c" + i);                                       // all present every day, as every participant
        }
        DistrictData data = d.build();
        InterventionOutcome o = InterventionOutcomes.evaluate(data, SmallDistrict.YEAR, 20, ChronicAbsenceDefinition.FEDERAL,
                Ratio.of(5, 100), 1).outcomes().get(0);

        assertThat(o.matched()).isEqualTo(10);
        assertThat(o.comparisonStudents()).as("ties are not all given to the lowest id").isGreaterThan(1);
        assertThat(InterventionOutcomes.evaluate(data, SmallDistrict.YEAR, 20, ChronicAbsenceDefinition.FEDERAL, Ratio.of(5, 100), 1)
                .outcomes().get(0)).isEqualTo(o);
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> InterventionOutcomes.evaluate(district(), SmallDistrict.YEAR, 0, ChronicAbsenceDefinition.FEDERAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 instructional day");
    }

    @Test
    void tinyCityReportIsConsistent(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(5).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        SchoolYear year = SchoolYear.of(2018);
        InterventionOutcomeReport report = InterventionOutcomes.evaluate(data, year, 30, ChronicAbsenceDefinition.FEDERAL);

        Map<String, Set<StudentId>> inGroup = new HashMap<>();
        for (InterventionParticipant p : data.interventionParticipants()) {
            Intervention i = data.intervention(p.interventionId()).orElseThrow();
            if (p.period().overlaps(year.dates())) {
                inGroup.computeIfAbsent(i.type() + "/" + i.providerId().value(), k -> new HashSet<>()).add(p.studentId());
            }
        }
        assertThat(report.outcomes()).anyMatch(o -> o.matched() > 0);
        for (InterventionOutcome o : report.outcomes()) {
            Set<StudentId> group = inGroup.get(o.type() + "/" + o.providerId().value());
            assertThat(o.participants()).isLessThanOrEqualTo(group.size());
            assertThat(o.matches()).hasSize(o.matched());
            assertThat(o.matches().keySet()).allMatch(group::contains);
            assertThat(o.comparisonPairs()).isEqualTo(o.matches().values().stream().mapToInt(List::size).sum())
                    .isLessThanOrEqualTo(o.matched() * report.matchesPerParticipant());
            assertThat(o.matches().values().stream().flatMap(List::stream)).noneMatch(group::contains);
            assertThat(o.matched() == 0).isEqualTo(o.comparisonPairs() == 0);
            assertThat(o.participantRates().daysEnrolledBefore()).isLessThanOrEqualTo(30L * o.measured());
            assertThat(o.matchedRates().daysEnrolledAfter()).isLessThanOrEqualTo(o.participantRates().daysEnrolledAfter());
            assertThat(o.comparisonRates().daysEnrolledBefore()).isLessThanOrEqualTo(30L * o.comparisonPairs());
            if (o.matched() > 0) {
                assertThat(o.differenceInPoints(2)).isPresent();
            }
        }
    }
}

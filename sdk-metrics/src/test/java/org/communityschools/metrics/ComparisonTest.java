package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    static final SchoolYear Y2015 = SchoolYear.of(2015);
    static final SchoolYear Y2018 = SchoolYear.of(2018);

    static Comparison.YearPoint point(SchoolYear year, long tn, long td, long cn, long cd) {
        return new Comparison.YearPoint(year, Optional.of(Ratio.of(tn, td)), Optional.of(Ratio.of(cn, cd)));
    }

    @Test
    void reportsChangesInPercentagePointsAndRelativeChangeSeparately() {
        // changes in percentage points, a relative change only with its base: 30% -> 24% is -6 points, -20% relative.
        Comparison c = new Comparison("chronic absence", List.of(point(Y2015, 30, 100, 20, 100), point(Y2018, 24, 100, 18, 100)));

        assertThat(c.treatedChangeInPoints(Y2015, Y2018, 2)).contains(new BigDecimal("-6.00"));
        assertThat(c.treatedRelativeChangePercent(Y2015, Y2018, 2)).contains(new BigDecimal("-20.00"));
        assertThat(c.comparisonChangeInPoints(Y2015, Y2018, 2)).contains(new BigDecimal("-2.00"));
    }

    @Test
    void differenceInDifferencesIsTreatedChangeMinusComparisonChange() {
        // (T_post - T_pre) - (C_post - C_pre) = (24 - 30) - (18 - 20) = -4 points.
        Comparison c = new Comparison("chronic absence", List.of(point(Y2015, 30, 100, 20, 100), point(Y2018, 24, 100, 18, 100)));

        assertThat(c.differenceInDifferences(Y2015, Y2018, 2)).contains(new BigDecimal("-4.00"));
    }

    @Test
    void differencesAreExactAndRoundedOnce() {
        // 1/3 -> 2/3 is 33.333... points; rounding each rate first (33.33, 66.67) would give 33.34.
        Comparison c = new Comparison("x", List.of(point(Y2015, 1, 3, 1, 3), point(Y2018, 2, 3, 1, 3)));

        assertThat(c.treatedChangeInPoints(Y2015, Y2018, 2)).contains(new BigDecimal("33.33"));
        assertThat(c.differenceInDifferences(Y2015, Y2018, 4)).contains(new BigDecimal("33.3333"));
    }

    @Test
    void aMissingRateGivesNoDifference() {
        Comparison c = new Comparison("x", List.of(
                new Comparison.YearPoint(Y2015, Optional.empty(), Optional.of(Ratio.of(1, 2))), point(Y2018, 1, 4, 1, 4)));

        assertThat(c.treatedChangeInPoints(Y2015, Y2018, 2)).isEmpty();
        assertThat(c.differenceInDifferences(Y2015, Y2018, 2)).isEmpty();
        assertThat(c.comparisonChangeInPoints(Y2015, Y2018, 2)).contains(new BigDecimal("-25.00"));
        assertThat(c.differenceInDifferences(Y2015, SchoolYear.of(2016), 2)).isEmpty();
    }

    @Test
    void yearsMustAscend() {
        assertThatThrownBy(() -> new Comparison("x", List.of(point(Y2018, 1, 2, 1, 2), point(Y2015, 1, 2, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years must ascend");
    }

    @Test
    void chronicAbsenceComparisonUsesTheCommunitySchoolSplitOfTheReport(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(5).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        List<SchoolYear> years = List.of(Y2015, SchoolYear.of(2016), SchoolYear.of(2017), Y2018);

        Comparison c = Comparison.chronicAbsence(data, years, ChronicAbsenceDefinition.FEDERAL);

        assertThat(c.points()).hasSize(4);
        for (Comparison.YearPoint p : c.points()) {
            ChronicAbsenceReport report = ChronicAbsence.calculate(data, p.year(), ChronicAbsenceDefinition.FEDERAL);
            assertThat(p.treated()).isEqualTo(report.byCommunitySchool().communitySchools().orElseThrow().chronicAbsenceRate());
            assertThat(p.comparison()).isEqualTo(report.byCommunitySchool().otherSchools().orElseThrow().chronicAbsenceRate());
        }
        assertThat(c.differenceInDifferences(Y2015, Y2018, 2)).isPresent();
        assertThat(Comparison.chronicAbsence(data, years, ChronicAbsenceDefinition.FEDERAL, Runnable::run))
                .as("on the calling thread alone").isEqualTo(c);
        assertThat(Comparison.graduation(data, List.of(Y2018), GraduationCohortDefinition.FOUR_YEAR, Runnable::run))
                .isEqualTo(Comparison.graduation(data, List.of(Y2018), GraduationCohortDefinition.FOUR_YEAR));
    }
}

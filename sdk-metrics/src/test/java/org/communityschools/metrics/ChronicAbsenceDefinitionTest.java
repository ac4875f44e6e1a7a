package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DayShare;
import org.communityschools.metrics.ChronicAbsenceDefinition.Boundary;
import org.communityschools.metrics.ChronicAbsenceDefinition.CategoryTreatment;
import org.communityschools.metrics.ChronicAbsenceDefinition.DayRule;
import org.junit.jupiter.api.Test;

class ChronicAbsenceDefinitionTest {
    @Test
    void presetsStateTheirSettings() {
        assertThat(ChronicAbsenceDefinition.FEDERAL.threshold()).contains(Ratio.of(1, 10));
        assertThat(ChronicAbsenceDefinition.FEDERAL.minimumDaysEnrolled()).isZero();
        assertThat(ChronicAbsenceDefinition.FEDERAL.dayRule()).isEqualTo(DayRule.HALF_DAY_OR_MORE);
        assertThat(ChronicAbsenceDefinition.FEDERAL.aggregation()).isEqualTo(ChronicAbsenceDefinition.Aggregation.PER_ENROLLMENT);
        assertThat(ChronicAbsenceDefinition.NYSED.aggregation()).isEqualTo(ChronicAbsenceDefinition.Aggregation.POOLED);
        assertThat(ChronicAbsenceDefinition.CALIFORNIA.treatment(AttendanceCategory.PARTIAL)).isEqualTo(CategoryTreatment.PRESENT);
        assertThat(ChronicAbsenceDefinition.NYSED.minimumDaysEnrolled()).isEqualTo(10);
        assertThat(ChronicAbsenceDefinition.NYSED.minimumDaysPresent()).isEqualTo(1);
        assertThat(ChronicAbsenceDefinition.NYC_LEGACY.minimumDaysEnrolled()).isEqualTo(20);
        assertThat(ChronicAbsenceDefinition.CRDC.fixedDaysAbsent()).contains(15);
        assertThat(ChronicAbsenceDefinition.CRDC.threshold()).isEmpty();
        assertThat(ChronicAbsenceDefinition.CALIFORNIA.minimumDaysEnrolled()).isEqualTo(31);
        assertThat(ChronicAbsenceDefinition.CALIFORNIA.treatment(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION)).isEqualTo(CategoryTreatment.ABSENT);
        assertThat(ChronicAbsenceDefinition.CALIFORNIA.treatment(AttendanceCategory.IN_SCHOOL_SUSPENSION)).isEqualTo(CategoryTreatment.PRESENT);
    }

    @Test
    void federalCountsADayAbsentWhenAtLeastHalfWasMissed() {
        ChronicAbsenceDefinition f = ChronicAbsenceDefinition.FEDERAL;
        assertThat(f.absentShare(AttendanceCategory.PARTIAL, DayShare.HALF_DAY)).isEqualTo(DayShare.SCALE);
        assertThat(f.absentShare(AttendanceCategory.PARTIAL, DayShare.ofTenThousandths(4999))).isZero();
        assertThat(f.absentShare(AttendanceCategory.EARLY_DEPARTURE, DayShare.ofTenThousandths(6000))).isEqualTo(DayShare.SCALE);
        assertThat(f.absentShare(AttendanceCategory.IN_SCHOOL_SUSPENSION, DayShare.WHOLE_DAY)).isZero();
        assertThat(f.absentShare(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, DayShare.NONE)).isEqualTo(DayShare.SCALE);
        assertThat(f.absentShare(AttendanceCategory.TARDY, DayShare.WHOLE_DAY)).isZero();
    }

    @Test
    void fractionalRuleCountsTheShareMissed() {
        ChronicAbsenceDefinition d = ChronicAbsenceDefinition.builder("fractional")
                .threshold(Ratio.of(1, 10), Boundary.INCLUSIVE).dayRule(DayRule.FRACTIONAL).build();
        assertThat(d.absentShare(AttendanceCategory.PARTIAL, DayShare.ofTenThousandths(2500))).isEqualTo(2500);
    }

    @Test
    void exclusiveBoundaryDoesNotCountTheThresholdItself() {
        ChronicAbsenceDefinition d = ChronicAbsenceDefinition.builder("exclusive").threshold(Ratio.of(1, 10), Boundary.EXCLUSIVE).build();
        assertThat(d.classify(180, 18 * 10_000L)).isEqualTo(ChronicAbsenceStatus.NOT_CHRONICALLY_ABSENT);
        assertThat(d.classify(180, 19 * 10_000L)).isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
    }

    @Test
    void builderRejectsASettingSetTwice() {
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").minimumDaysEnrolled(10).minimumDaysEnrolled(20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("minimumDaysEnrolled was already set to 10");
    }

    @Test
    void builderChecksEachSettingAtOnce() {
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").threshold(Ratio.of(0, 1), Boundary.INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold must be above 0 and at most 1, was 0/1");
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").threshold(Ratio.of(11, 10), Boundary.INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").minimumDaysEnrolled(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").fixedDaysAbsent(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").treat(AttendanceCategory.TARDY, CategoryTreatment.ABSENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tardy is not an absence");
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradeAndSchoolTypeFiltersAreChecked() {
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").grades(java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grades must not be empty");
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("x").threshold(Ratio.of(1, 10), Boundary.INCLUSIVE)
                .excludeSchoolTypes(java.util.EnumSet.allOf(org.communityschools.core.model.SchoolType.class)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leaves nothing to measure");
        ChronicAbsenceDefinition k8 = ChronicAbsenceDefinition.builder("k8").threshold(Ratio.of(1, 10), Boundary.INCLUSIVE)
                .grades(java.util.EnumSet.range(org.communityschools.core.model.GradeLevel.KG, org.communityschools.core.model.GradeLevel.G08)).build();
        assertThat(k8.considers(org.communityschools.core.model.GradeLevel.G08, org.communityschools.core.model.SchoolType.REGULAR)).isTrue();
        assertThat(k8.considers(org.communityschools.core.model.GradeLevel.G09, org.communityschools.core.model.SchoolType.REGULAR)).isFalse();
        assertThat(ChronicAbsenceDefinition.FEDERAL.grades()).hasSize(org.communityschools.core.model.GradeLevel.values().length);
    }

    @Test
    void buildRequiresExactlyOneOfThresholdAndFixedDays() {
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("none").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one of threshold");
        assertThatThrownBy(() -> ChronicAbsenceDefinition.builder("both").threshold(Ratio.of(1, 10), Boundary.INCLUSIVE).fixedDaysAbsent(15).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void classifyRejectsImpossibleCounts() {
        assertThatThrownBy(() -> ChronicAbsenceDefinition.FEDERAL.classify(10, 11 * 10_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChronicAbsenceDefinition.FEDERAL.classify(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

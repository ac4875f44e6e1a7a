package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.junit.jupiter.api.Test;

/**
 * Live columns that fold their patches into one every third batch give, after each batch, the report of columns
 * built on that version: a fold recomputes the patched students from the version followed to, so no count moves and
 * every record stays equal. Over a generated city (the tiny preset): each batch marks ten enrolled students absent
 * on their enrollment's entry day.
 */
class LiveColumnsFoldTest {
    @Test
    void foldingThePatchesChangesNoFigure() {
        DistrictData data = ColumnarChronicAbsenceOracleTest.city(2);
        LocalDate last = ColumnarChronicAbsenceOracleTest.YEAR.lastDay();
        ChronicAbsenceDefinition definition = ChronicAbsenceDefinition.FEDERAL;
        LiveDistrict live = LiveDistrict.of(data);
        LiveColumns columns = LiveColumns.build(data, ColumnarChronicAbsenceOracleTest.YEAR, definition, last, Runnable::run, 2);
        live.addListener((previous, current, batch) -> columns.apply(previous.data(), current.data(), batch));
        List<Enrollment> enrollments = new ArrayList<>(data.enrollments().stream()
                .filter(e -> ColumnarChronicAbsenceOracleTest.YEAR.contains(e.entryDate())).toList());
        int batches = 0;
        for (int from = 0; from + 10 <= enrollments.size() && batches < 7; from += 10, batches++) {
            ChangeBatch.Builder b = ChangeBatch.builder();
            for (Enrollment e : enrollments.subList(from, from + 10)) {
                b.upsert(AttendanceRecord.of(e.studentId(), e.schoolId(), e.entryDate(), AttendanceCategory.UNEXCUSED_ABSENCE,
                        Optional.empty(), Optional.empty()));
            }
            DistrictData now = live.apply(b.build()).data();
            assertThat(columns.patches()).isBetween(1, 2);
            ChronicAbsenceReport fresh = ChronicAbsence.calculate(now, ColumnarChronicAbsenceOracleTest.YEAR, definition, last);
            ChronicAbsenceReport report = columns.report(now, last);
            assertThat(report).isEqualTo(fresh);
            assertThat(report.students()).containsExactlyElementsOf(fresh.students());
        }
        assertThat(batches).isEqualTo(7);
        assertThat(columns.patchedStudents()).isPositive();
    }
}

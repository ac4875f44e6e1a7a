package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @ParameterizedTest
    @ValueSource(strings = {"2018", "2017-18", "2017-2018", " 2018 "})
    void acceptsTheEndingYearAndBothLabels(String text) {
        assertThat(SchoolYear.parse(text)).isEqualTo(SchoolYear.of(2018));
    }

    @Test
    void readsATwoDigitEndAcrossACentury() {
        assertThat(SchoolYear.parse("1999-00")).isEqualTo(SchoolYear.of(2000));
        assertThat(SchoolYear.of(2000).label()).isEqualTo("1999-00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18", "201", "20180", "abcd", "2017/18", "2017-1", "2017-018", "17-18", "2017-18-19", "2017--18"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> SchoolYear.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school year must be written 2018, 2017-18 or 2017-2018");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-19", "2017-2019", "2018-2018", "2017-17"})
    void rejectsYearsThatAreNotConsecutive(String text) {
        assertThatThrownBy(() -> SchoolYear.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two consecutive years");
    }

    @Test
    void rejectsYearsOutsideTheSupportedRange() {
        assertThatThrownBy(() -> SchoolYear.of(1899)).hasMessageContaining("1900-2999");
        assertThatThrownBy(() -> SchoolYear.of(3000)).hasMessageContaining("1900-2999");
        assertThat(SchoolYear.of(1900).endYear()).isEqualTo(1900);
        assertThat(SchoolYear.of(2999).endYear()).isEqualTo(2999);
    }

    @Test
    void startsOnJulyFirstAndEndsOnJuneThirtieth() {
        SchoolYear year = SchoolYear.of(2018);
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2017, 7, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2018, 6, 30));
        assertThat(year.dates()).isEqualTo(DateRange.halfOpen(LocalDate.of(2017, 7, 1), LocalDate.of(2018, 7, 1)));
    }

    @Test
    void julyFirstStartsANewSchoolYear() {
        assertThat(SchoolYear.containing(LocalDate.of(2017, 6, 30))).isEqualTo(SchoolYear.of(2017));
        assertThat(SchoolYear.containing(LocalDate.of(2017, 7, 1))).isEqualTo(SchoolYear.of(2018));
        assertThat(SchoolYear.containing(LocalDate.of(2018, 6, 30))).isEqualTo(SchoolYear.of(2018));
        assertThat(SchoolYear.containing(LocalDate.of(2018, 7, 1))).isEqualTo(SchoolYear.of(2019));
        assertThat(SchoolYear.containing(LocalDate.of(2017, 12, 31))).isEqualTo(SchoolYear.of(2018));
        assertThat(SchoolYear.containing(LocalDate.of(2018, 1, 1))).isEqualTo(SchoolYear.of(2018));
    }

    @Test
    void containsExactlyItsOwnDays() {
        SchoolYear year = SchoolYear.of(2018);
        assertThat(year.contains(LocalDate.of(2017, 7, 1))).isTrue();
        assertThat(year.contains(LocalDate.of(2018, 6, 30))).isTrue();
        assertThat(year.contains(LocalDate.of(2017, 6, 30))).isFalse();
        assertThat(year.contains(LocalDate.of(2018, 7, 1))).isFalse();
    }

    @Test
    void writesItsEndingYearAndItsLabel() {
        assertThat(SchoolYear.of(2018)).hasToString("2018");
        assertThat(SchoolYear.of(2018).label()).isEqualTo("2017-18");
        assertThat(SchoolYear.of(2010).label()).isEqualTo("2009-10");
    }

    @Test
    void ordersByEndingYear() {
        assertThat(SchoolYear.of(2018).plusYears(1)).isEqualTo(SchoolYear.of(2019)).isGreaterThan(SchoolYear.of(2018));
        assertThat(SchoolYear.of(2018).plusYears(-4)).isEqualTo(SchoolYear.of(2014));
    }
}

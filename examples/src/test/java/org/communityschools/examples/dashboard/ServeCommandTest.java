package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code serve} command's defaults. */
class ServeCommandTest {
    @Test
    void theDefaultDateIsMarchFirstOfTheYearOfTheLastInstructionalDayNotOfALaterYearTheDataOnlyName() {
        TestCity city = TestCity.get();
        // The synthetic city's last school year with instruction is 2017-18 (the generator's default years).
        assertThat(city.data.schoolYears().last().endYear()).isGreaterThanOrEqualTo(2018);
        assertThat(ServeCommand.defaultToday(city.data)).isEqualTo(TestCity.TODAY);
    }
}

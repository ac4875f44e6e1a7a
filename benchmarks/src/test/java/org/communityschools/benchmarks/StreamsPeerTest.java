package org.communityschools.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityschools.core.data.DistrictData;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.junit.jupiter.api.Test;

class StreamsPeerTest {
    @Test
    void peerCountsEqualTheSdkOnEverySchoolOfTheTinyCity() {
        DistrictData data = TinyCity.data();

        var sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
        var peer = StreamsPeer.bySchoolId(data, new StreamsPeer(data, City.YEAR).bySchool());

        assertThat(peer).isNotEmpty().isEqualTo(sdk);
        assertThat(sdk.values()).anySatisfy(v -> assertThat(v.get(0)).isPositive());
    }
}

package org.communityschools.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsPeerTest {
    @Test
    void peerCountsEqualTheSdkOnEverySchoolOfTheTinyCity(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(1).years(City.YEAR, City.YEAR).build().writeTo(dir.resolve("tiny"));
        DistrictData data = City.read(dir.resolve("tiny"));

        var sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
        var peer = StreamsPeer.bySchoolId(data, new StreamsPeer(data, City.YEAR).bySchool());

        assertThat(peer).isNotEmpty().isEqualTo(sdk);
        assertThat(sdk.values()).anySatisfy(v -> assertThat(v.get(0)).isPositive());
    }
}

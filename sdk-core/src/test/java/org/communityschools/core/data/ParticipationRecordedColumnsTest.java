package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.StaffId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional columns {@code recorded_by} and {@code recorded_at} of {@code intervention_participants.csv}: a file
 * without them stays valid (nothing recorded), a file with them reads them back strictly, the writer writes them and a
 * strict read gives the same participation back, and an unknown {@code recorded_by} is located at its cell.
 */
class ParticipationRecordedColumnsTest {
    private static final DistrictDataReader STRICT = DistrictDataReader.builder().build();
    private static final String HEADER = "intervention_id,student_id,staff_id,begin_date,end_date,goal,status,recorded_by,recorded_at";

    @TempDir
    Path dir;
    @TempDir
    Path out;

    @Test
    void aFileWithoutTheColumnsStaysValidAndRecordsNoOne() {
        DistrictData data = STRICT.read(Fixture.valid().writeTo(dir)).data();
        assertThat(data.interventionParticipants()).singleElement().satisfies(p -> {
            assertThat(p.recordedBy()).isEmpty();
            assertThat(p.recordedAt()).isEmpty();
        });
    }

    @Test
    void theColumnsReadBackStrictlyAndSurviveWriteThenRead() throws Exception {
        Fixture f = Fixture.valid().file("intervention_participants.csv", HEADER,
                "I1,S1,M1,2017-10-01,,attend every day,ACTIVE,M1,2017-10-02T14:30:00Z");
        DistrictData data = STRICT.read(f.writeTo(dir)).data();
        InterventionParticipant p = data.interventionParticipants().get(0);
        assertThat(p.recordedBy()).contains(StaffId.of("M1"));
        assertThat(p.recordedAt()).contains(Instant.parse("2017-10-02T14:30:00Z"));

        DistrictDataWriter.write(data, out);
        List<String> lines = Files.readAllLines(out.resolve("intervention_participants.csv"));
        // the writer writes every column of DataFile, in order: the two new ones last
        assertThat(lines).containsExactly(HEADER, "I1,S1,M1,2017-10-01,,attend every day,ACTIVE,M1,2017-10-02T14:30:00Z");
        assertThat(STRICT.read(out).data().interventionParticipants()).containsExactly(p);
    }

    @Test
    void anUnknownRecorderIsLocatedAtItsCell() {
        Fixture f = Fixture.valid().file("intervention_participants.csv", HEADER,
                "I1,S1,M1,2017-10-01,,attend every day,ACTIVE,NOBODY,2017-10-02T14:30:00Z");
        List<Violation> v = DistrictDataReader.builder().lenient(true).build().read(f.writeTo(dir)).report().violations();
        assertThat(v).extracting(Violation::file, Violation::line, Violation::column)
                .containsExactly(tuple("intervention_participants.csv", 2L, 8));
        assertThat(v.get(0).rule()).startsWith("reference.");
    }
}

package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watched delta folder: ready subdirectories applied in name order, rejected ones moved aside with located errors. */
class DeltaFolderWatcherTest {
    @TempDir
    Path folder;

    private final DistrictData data = SmallDistrict.build(4);

    private Path delta(String name, String attendance, boolean ready) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        Files.writeString(dir.resolve("attendance.csv"), "op,student_id,school_id,date,category,duration,reason\n" + attendance);
        if (ready) {
            Files.createFile(dir.resolve(DeltaFolderWatcher.READY));
        }
        return dir;
    }

    @Test
    void readyDeltasAreAppliedInNameOrderAndMovedToAppliedOthersWait() throws IOException {
        List<DeltaFolderWatcher.Outcome> told = new ArrayList<>();
        try (LiveDistrict live = LiveDistrict.of(data); DeltaFolderWatcher w = DeltaFolderWatcher.of(live, folder, told::add)) {
            delta("b-second", "upsert,S1,K1,2017-09-06,TARDY,,\n", true);
            delta("a-first", "upsert,S1,K1,2017-09-06,EXCUSED_ABSENCE,,sick\n", true);
            delta("c-unfinished", "upsert,S2,K1,2017-09-06,TARDY,,\n", false);

            List<DeltaFolderWatcher.Outcome> outcomes = w.poll();

            assertThat(outcomes).extracting(DeltaFolderWatcher.Outcome::name).containsExactly("a-first", "b-second");
            assertThat(outcomes).extracting(o -> o.version().getAsLong()).containsExactly(1L, 2L);
            assertThat(told).isEqualTo(outcomes);
            // the later batch replaced the record of the same key: order by name is the order applied
            assertThat(live.current().data().attendance().recordsOf(SmallDistrict.student(1)))
                    .singleElement().satisfies(r -> assertThat(r.category().name()).isEqualTo("TARDY"));
            assertThat(folder.resolve("applied/a-first/attendance.csv")).exists();
            assertThat(folder.resolve("c-unfinished")).exists();
            assertThat(w.poll()).as("nothing new is ready").isEmpty();
        }
    }

    @Test
    void aRejectedDeltaIsMovedAsideWithItsErrorsAndNothingIsApplied() throws IOException {
        try (LiveDistrict live = LiveDistrict.of(data); DeltaFolderWatcher w = DeltaFolderWatcher.of(live, folder, o -> { })) {
            delta("bad", "upsert,S1,K1,2017-09-06,EXCUSED_ABSENCE,,\nupsert,S1,K1,not-a-date,TARDY,,\n", true);

            DeltaFolderWatcher.Outcome o = w.poll().get(0);

            assertThat(o.applied()).isFalse();
            assertThat(live.current().number()).isZero();
            assertThat(o.movedTo()).isEqualTo(folder.resolve("rejected/bad"));
            assertThat(Files.readAllLines(folder.resolve("rejected/bad" + DeltaFolderWatcher.ERRORS_SUFFIX)))
                    .singleElement().satisfies(line -> assertThat(line).startsWith("attendance.csv:3:4: ERROR [").contains("date"));
            // the same name again is not lost: it is moved next to the first under a new name
            delta("bad", "upsert,S1,K1,2017-13-01,TARDY,,\n", true);
            assertThat(w.poll().get(0).movedTo()).isEqualTo(folder.resolve("rejected/bad-2"));
            assertThat(folder.resolve("rejected/bad-2" + DeltaFolderWatcher.ERRORS_SUFFIX)).exists();
        }
    }
}

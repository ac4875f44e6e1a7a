package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.examples.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply}: a delta directory applied whole or not at all. */
class ApplyCommandTest {
    @TempDir
    Path tmp;

    private Path generate() {
        Path dir = tmp.resolve("city");
        assertThat(run("generate", "--preset", "tiny", "--seed", "7", "--years", "2018", "--out", dir.toString()).exitCode())
                .isZero();
        return dir;
    }

    @Test
    void aValidDeltaIsAppliedAndWritten() throws IOException {
        Path dir = generate();
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        AttendanceRecord first = data.attendance().recordsOf(data.studentAt(0)).get(0);
        Path delta = Files.createDirectories(tmp.resolve("delta"));
        Files.writeString(delta.resolve("attendance.csv"), "op,student_id,school_id,date,category\n"
                + "delete," + first.studentId().value() + "," + first.schoolId().value() + "," + first.date() + ",\n");
        Path out = tmp.resolve("out");

        Cli.Run apply = run("apply", "--data", dir.toString(), "--changes", delta.toString(), "--out", out.toString());

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("APPLIED: 1 change(s) (0 upsert(s), 1 delete(s)) as version 1");
        DistrictData written = DistrictDataReader.builder().build().read(out).data();
        assertThat(written.attendance().size()).isEqualTo(data.attendance().size() - 1);
    }

    @Test
    void aBrokenDeltaIsRejectedAtItsFileAndLineAndNothingIsWritten() throws IOException {
        Path dir = generate();
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        Path delta = Files.createDirectories(tmp.resolve("delta"));
        Files.writeString(delta.resolve("attendance.csv"), "op,student_id,school_id,date,category\n"
                + "upsert," + data.studentAt(0).value() + ",NOSCHOOL,2017-10-02,PRESENT\n");
        Path out = tmp.resolve("out");

        Cli.Run apply = run("apply", "--data", dir.toString(), "--changes", delta.toString(), "--out", out.toString());

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(List.of(apply.out().split("\n"))).anySatisfy(l -> assertThat(l)
                .startsWith(delta.resolve("attendance.csv") + ":2").contains("[reference.unknown-school]"));
        assertThat(apply.out()).contains("REJECTED: 1 error(s); nothing was applied");
        assertThat(out).doesNotExist();
    }

    @Test
    void edFiChangeQueriesAreAppliedAndTheChangeVersionIsKeptWithTheWrittenData() throws IOException {
        Path grandBend = tmp.resolve("grand-bend");
        assertThat(run("import", "edfi-xml", ImportCommandTest.GRAND_BEND.toString(), "--out", grandBend.toString()).exitCode()).isZero();
        Path changes = Path.of("..", "sdk-interop", "src", "test", "resources", "edfi-changes-grand-bend");
        Path out = tmp.resolve("out");

        Cli.Run apply = run("apply", "--data", grandBend.toString(), "--edfi-changes", changes.toString(), "--out", out.toString());

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        // 3 deletes (a dropped enrollment, the old StudentUniqueId, an event recorded in error) and 7 upserts (see the data's README)
        assertThat(apply.out()).contains("APPLIED: 10 change(s) (7 upsert(s), 3 delete(s)) as version 1")
                .contains("[edfi-changes.delete-absent]")
                .contains("Ed-Fi change version 20496 applied; ask the API next with minChangeVersion=20497");
        DistrictData written = DistrictDataReader.builder().build().read(out).data();
        assertThat(written.student(org.communityschools.core.model.StudentId.of("612824"))).isPresent();
        assertThat(Files.readString(out.resolve("edfi-change-version.json"))).contains("\"changeVersion\": 20496");

        // the same answers again, against the written data: every record is at or below the kept version
        Cli.Run again = run("apply", "--data", out.toString(), "--edfi-changes", changes.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("APPLIED: 0 change(s)");
    }

    @Test
    void aDeltaAndEdFiChangesAreExclusive() {
        Cli.Run both = run("apply", "--data", "d", "--changes", "x", "--edfi-changes", "y");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }
}

package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.SchoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delta directory: the directory's files with an op column, read as one located batch. */
class LiveDeltaDirectoryTest {
    @TempDir
    Path dir;

    private final DistrictData data = SmallDistrict.build(4);

    @Test
    void upsertAndDeleteRowsBecomeChangesLocatedAtTheirFileAndLine() throws IOException {
        Files.writeString(dir.resolve("attendance.csv"), """
                op,student_id,school_id,date,category,duration,reason
                upsert,S1,K1,2017-09-06,EXCUSED_ABSENCE,,sick
                delete,S0,K1,2017-09-05,,,
                """);
        Files.writeString(dir.resolve("consents.csv"), """
                consent_id,student_id,grantor,recipient_id,purpose,categories,signed_date,authentication,revoked_date,op
                N0,S0,PARENT,C1,Mentoring,ATTENDANCE|BEHAVIOR,2017-09-02,WET_SIGNATURE,2017-10-01,upsert
                """);
        Files.writeString(dir.resolve("staff_assignments.csv"), """
                op,staff_id,organization_id,role,begin_date,end_date
                upsert,M1,K1,SUCCESS_MENTOR,2017-09-04,
                """);

        ChangeBatch batch = DeltaDirectory.read(dir, data);

        assertThat(batch.changes()).extracting(c -> c.origin().toString(), c -> c.getClass().getSimpleName())
                .containsExactly(tuple("attendance.csv:2", "Upsert"), tuple("attendance.csv:3", "Delete"),
                        tuple("staff_assignments.csv:2", "Upsert"), tuple("consents.csv:2", "Upsert"));
        DistrictData after = LiveDistrict.of(data).apply(batch).data();
        assertThat(after.attendance().recordsOf(SmallDistrict.student(1))).hasSize(1);
        assertThat(after.attendance().recordsOf(SmallDistrict.student(0))).isEmpty();
        assertThat(after.consentsOf(SmallDistrict.student(0)).get(0).revokedDate()).contains(LocalDate.of(2017, 10, 1));
        assertThat(after.assignmentsOf(SmallDistrict.M1)).anySatisfy(a ->
                assertThat(a.organizationId()).isInstanceOf(SchoolId.class));
    }

    @Test
    void aDeleteRowNeedsOnlyItsKeyColumnsInAnyAcceptedSpelling() throws IOException {
        Files.writeString(dir.resolve("student_staff.csv"), """
                op,student_id,staff_id,relationship,begin_date,end_date
                delete,S0,M1,MENTOR_OF,2017-09-01,
                """);
        Files.writeString(dir.resolve("partnerships.csv"), """
                op,school_id,organization_id,school_year,role
                delete,K1,C1,2017-18,
                """);

        ChangeBatch batch = DeltaDirectory.read(dir, data);

        assertThat(batch.changes()).extracting(Change::key)
                .containsExactly(RecordKey.of(org.communityschools.core.data.DataFile.PARTNERSHIPS, "K1", "C1", "2018"),
                        RecordKey.of(org.communityschools.core.data.DataFile.STUDENT_STAFF, "S0", "M1", "MENTOR_OF", "2017-09-01"));
    }

    @Test
    void brokenRowsAreReportedWithTheReadersRuleCodes() throws IOException {
        Files.writeString(dir.resolve("attendance.csv"), """
                op,student_id,school_id,date,category,duration,reason
                upsert,S1,K1,2017-13-06,EXCUSED_ABSENCE,,
                replace,S1,K1,2017-09-06,EXCUSED_ABSENCE,,
                delete,S1,,2017-09-06,,,
                upsert,S1,K1,2017-09-06,PARTIAL,,
                """);
        Files.writeString(dir.resolve("enrollments.csv"), """
                student_id,school_id,entry_date,entry_grade,exit_date,exit_type,exit_documented
                S1,K1,2017-09-04,03,,,
                """);

        assertThatThrownBy(() -> DeltaDirectory.read(dir, data)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::file, Violation::line, Violation::rule).containsExactly(
                        tuple("enrollments.csv", 1L, "delta.op-column"),
                        tuple("attendance.csv", 2L, "field.format"),
                        tuple("attendance.csv", 3L, "delta.op"),
                        tuple("attendance.csv", 4L, "field.required"),
                        tuple("attendance.csv", 5L, "attendance.partial-duration")));
    }

    /** The directory's agreements.json with {@code "op"} added first to each object, one object per listed op. */
    private void writeAgreements(List<String> ops, List<org.communityschools.core.model.DataSharingAgreement> versions)
            throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        org.communityschools.core.internal.json.AgreementsFile.write(versions, out);
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var array = (tools.jackson.databind.node.ArrayNode) mapper.readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        var delta = mapper.createArrayNode();
        for (int i = 0; i < ops.size(); i++) {
            var object = mapper.createObjectNode().put("op", ops.get(i));
            object.setAll((tools.jackson.databind.node.ObjectNode) array.get(i));
            delta.add(object);
        }
        Files.writeString(dir.resolve("agreements.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(delta));
    }

    @Test
    void anAgreementVersionIsUpsertedFromAgreementsJsonWithItsOpAndLocatedAtItsObject() throws IOException {
        var suspended = SmallDistrict.agreement(org.communityschools.core.model.AgreementStatus.SUSPENDED);
        writeAgreements(List.of("upsert"), List.of(suspended));

        ChangeBatch batch = DeltaDirectory.read(dir, data);

        // Jackson's pretty printer opens the first object on the array's line
        assertThat(Files.readAllLines(dir.resolve("agreements.json")).get(0)).startsWith("[ {");
        assertThat(batch.changes()).extracting(c -> c.origin().toString(), c -> c.getClass().getSimpleName())
                .containsExactly(tuple("agreements.json:1", "Upsert"));
        DistrictData after = LiveDistrict.of(data).apply(batch).data();
        assertThat(after.agreementHistory(suspended.id()).orElseThrow().versions()).containsExactly(suspended);
    }

    @Test
    void aDeleteObjectNeedsOnlyTheAgreementIdAndVersion() throws IOException {
        Files.writeString(dir.resolve("agreements.json"), """
                [
                  {"op": "delete", "agreement_id": "A1", "version": 1}
                ]
                """);

        ChangeBatch batch = DeltaDirectory.read(dir, data);

        assertThat(batch.changes()).extracting(c -> c.key().values()).containsExactly(List.of("A1", "1"));
        DistrictData after = LiveDistrict.of(data).apply(batch).data();
        assertThat(after.agreements()).isEmpty();
    }

    @Test
    void anAgreementObjectWithoutAValidOpOrKeyIsRejectedAtItsLine() throws IOException {
        Files.writeString(dir.resolve("agreements.json"), """
                [
                  {"op": "replace", "agreement_id": "A1", "version": 1},
                  {"op": "delete", "agreement_id": "A1"}
                ]
                """);

        assertThatThrownBy(() -> DeltaDirectory.read(dir, data)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.violations()).extracting(Violation::file, Violation::line, Violation::rule)
                        .containsExactly(tuple("agreements.json", 2L, "delta.op"),
                                tuple("agreements.json", 3L, "field.required")));
    }
}

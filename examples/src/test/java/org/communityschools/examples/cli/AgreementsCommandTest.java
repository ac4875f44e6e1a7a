package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code agreements}: the versions of each agreement, the one in effect on a date, and the destructions owed. The tiny
 * city (years 2015-2018) has three agreements in force 2014-07-01 to 2018-06-30, with 90 destruction days for the
 * community organizations' and 365 for the study; the test adds a v2 that terminates DSA-CBO001 from 2016-03-01.
 */
class AgreementsCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generateAndTerminateOneAgreement() throws Exception {
        Cli.Run generate = Cli.run("generate", "--preset", "tiny", "--seed", "11", "--out", dir.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Path file = dir.resolve("agreements.json");
        JsonMapper json = JsonMapper.builder().build();
        ArrayNode agreements = (ArrayNode) json.readTree(Files.readString(file));
        JsonNode v1 = null;
        for (JsonNode a : agreements) {
            if (a.get("agreement_id").asString().equals("DSA-CBO001")) {
                v1 = a;
            }
        }
        ObjectNode v2 = ((ObjectNode) v1).deepCopy();
        v2.put("version", 2);
        v2.put("status", "TERMINATED");
        v2.put("version_effective_date", "2016-03-01");
        v2.put("signed_date", "2016-02-15");
        agreements.add(v2);
        Files.writeString(file, json.writeValueAsString(agreements));
    }

    private static Cli.Run agreements(String asOf) {
        Cli.Run run = Cli.run("agreements", "--data", dir.toString(), "--as-of", asOf);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void listsEveryVersionAndTheOneInEffectBeforeTheTermination() {
        Cli.Run run = agreements("2016-02-29");
        assertThat(run.out().lines()).first().isEqualTo("agreement_id,version,status,version_effective_date,effective_date,"
                + "end_date,in_effect,recipient_id,legal_basis,status_on_date,in_force,destruction,destruction_deadline");
        assertThat(run.out().lines()).contains(
                "DSA-CBO001,1,ACTIVE,2014-07-01,2014-07-01,2018-06-30,true,CBO001,SCHOOL_OFFICIAL,ACTIVE,true,,",
                "DSA-CBO001,2,TERMINATED,2016-03-01,2014-07-01,2018-06-30,false,CBO001,SCHOOL_OFFICIAL,ACTIVE,true,,");
        assertThat(run.err()).contains("3 agreement(s) on 2016-02-29: 0 destruction(s) due, 0 overdue");
    }

    @Test
    void aTerminationIsDueFromItsDateAndOverdueAfterTheDeadline() {
        // 2016-03-01 + 90 days = 2016-05-30
        assertThat(agreements("2016-03-01").out().lines()).contains(
                "DSA-CBO001,2,TERMINATED,2016-03-01,2014-07-01,2018-06-30,true,CBO001,SCHOOL_OFFICIAL,TERMINATED,false,due,2016-05-30");
        Cli.Run later = agreements("2016-05-31");
        assertThat(later.out().lines()).contains(
                "DSA-CBO001,2,TERMINATED,2016-03-01,2014-07-01,2018-06-30,true,CBO001,SCHOOL_OFFICIAL,TERMINATED,false,overdue,2016-05-30");
        assertThat(later.err()).contains("3 agreement(s) on 2016-05-31: 0 destruction(s) due, 1 overdue");
    }

    @Test
    void agreementsPastTheirEndDateOweDestructionFromTheEndDate() {
        // 2018-06-30 + 90 days = 2018-09-28; + 365 days = 2019-06-30
        Cli.Run run = agreements("2018-07-01");
        assertThat(run.out().lines()).contains(
                "DSA-CBO002,1,ACTIVE,2014-07-01,2014-07-01,2018-06-30,true,CBO002,SCHOOL_OFFICIAL,ACTIVE,false,due,2018-09-28",
                "DSA-RES01-STUDY,1,ACTIVE,2014-07-01,2014-07-01,2018-06-30,true,RES01,STUDIES,ACTIVE,false,due,2019-06-30");
        assertThat(run.err()).contains("3 agreement(s) on 2018-07-01: 2 destruction(s) due, 1 overdue");
    }
}

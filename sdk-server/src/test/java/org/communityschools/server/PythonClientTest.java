package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Python client of docs/service.md, exactly as printed there, run by {@code python3} against the demo server on a
 * live district: a decision, a paged resource search, a change submission (the revocation of consent
 * {@code S00000004-C1}) and a decision asked with the version it answered, and an error raised with the server's
 * message. Skipped when {@code python3} is not on the path.
 */
class PythonClientTest {
    private static final Pattern CLIENT = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theDocumentedClientTalksToTheServer() throws Exception {
        Assumptions.assumeTrue(python(), "python3 is not on the path");
        Matcher m = CLIENT.matcher(Files.readString(Path.of("..", "docs", "service.md")));
        assertThat(m.find()).as("docs/service.md has a Python client").isTrue();
        Files.writeString(dir.resolve("client.py"), m.group(1));
        Files.writeString(dir.resolve("drive.py"), """
                import json, sys
                import client
                client.PDP = sys.argv[1]
                out = {}
                out["decision"], context = client.may_view("demo", "SCH0001-C01", "S00000003", "school-administration")
                out["first_permitted"] = context["permitted"][0]["field"]
                out["students"] = list(client.students_of("demo", "SCH0001-C01", "school-administration"))
                out["version"] = client.submit_changes("demo", [{"op": "upsert", "file": "consents.csv", "record": {
                    "consent_id": "S00000004-C1", "student_id": "S00000004", "grantor": "PARENT", "recipient_id": "CBO001",
                    "purpose": "Expanded learning, health and family support services",
                    "categories": "ATTENDANCE|COURSEWORK|PROGRAMS|INTERVENTIONS", "signed_date": "2017-09-29",
                    "authentication": "ELECTRONIC", "revoked_date": "2018-02-26"}}])
                decision, context = client.may_view("demo", "SCH0001-C01", "S00000003", "school-administration",
                                                    data_version=out["version"])
                out["fresh_version"] = context["data_version"]
                try:
                    client.may_view("demo", "SCH0001-C01", "S00000003", "no such purpose")
                except RuntimeError as e:
                    out["error"] = str(e)
                print(json.dumps(out))
                """);
        try (RunningService server = Fixture.liveDemoService()) {
            Process p = new ProcessBuilder("python3", "drive.py", "http://127.0.0.1:" + server.port())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();

            JsonNode answer = Fixture.JSON.readTree(out);
            assertThat(answer.get("decision").booleanValue()).isTrue();
            assertThat(answer.get("first_permitted").asString()).isEqualTo("assessments.scores");
            assertThat(answer.get("students").size()).isGreaterThan(1);
            assertThat(answer.get("students").toString()).contains("S00000003");
            assertThat(answer.get("version").longValue()).isEqualTo(1);
            assertThat(answer.get("fresh_version").longValue()).isEqualTo(1);
            assertThat(answer.get("error").asString()).startsWith("400: ").contains("context.purpose");
        }
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

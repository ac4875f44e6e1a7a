package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every example of docs/service.md marked {@code <!-- checked: METHOD PATH -->} is sent to a running server (the demo
 * on a live district) as written, in the document's order, and every member its response shows must be in the
 * server's answer with that value (arrays: their first elements).
 */
class ServiceDocExamplesTest {
    private static final Path DOC = Path.of("..", "docs", "service.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- checked: (GET|POST) (\\S+) -->\\s*```json\\n(.*?)```(?:\\s*```json\\n(.*?)```)?", Pattern.DOTALL);
    private static RunningService server;

    @BeforeAll
    static void start() {
        server = Fixture.liveDemoService();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Example(String method, String path, String request, String response) {}

    static List<Example> examples() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(DOC));
        List<Example> out = new ArrayList<>();
        while (m.find()) {
            boolean get = m.group(1).equals("GET");
            out.add(new Example(m.group(1), m.group(2), get ? "" : m.group(3), get ? m.group(3) : m.group(4)));
        }
        return out;
    }

    @Test
    void everyEndpointHasACheckedExampleAndEachAnswersAsDocumented() throws IOException {
        List<Example> examples = examples();
        assertThat(examples.stream().map(Example::path).distinct()).containsExactlyInAnyOrder(
                "/access/v1/evaluation", "/access/v1/evaluations", "/access/v1/search/subject",
                "/access/v1/search/resource", "/access/v1/search/action", "/.well-known/authzen-configuration",
                "/records/v1/student", "/data/v1/changes");
        String base = "http://127.0.0.1:" + server.port();
        for (Example e : examples) {
            Fixture.Reply r;
            if (e.method().equals("GET")) {
                r = Fixture.get(server.uri(), e.path());
            } else {
                if (e.path().startsWith("/access/v1/evaluation") && !e.path().endsWith("s")) {
                    Schemas.assertValid(Schemas.EVALUATION_REQUEST, Fixture.JSON.readTree(e.request()));
                }
                r = Fixture.post(server.uri(), e.path(), e.request());
            }
            assertThat(r.status()).as("%s %s", e.method(), e.path()).isEqualTo(200);
            JsonNode documented = Fixture.JSON.readTree(e.response().replace("{base}", base));
            assertContains(r.json(), documented, e.path());
        }
    }

    private static void assertContains(JsonNode actual, JsonNode documented, String where) {
        if (documented.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            for (String name : documented.propertyNames()) {
                assertThat(actual.has(name)).as("%s.%s is in the answer", where, name).isTrue();
                assertContains(actual.get(name), documented.get(name), where + "." + name);
            }
        } else if (documented.isArray()) {
            assertThat(actual.isArray()).as(where).isTrue();
            assertThat(actual.size()).as("%s has at least the documented elements", where).isGreaterThanOrEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) {
                assertContains(actual.get(i), documented.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(where).isEqualTo(documented);
        }
    }
}

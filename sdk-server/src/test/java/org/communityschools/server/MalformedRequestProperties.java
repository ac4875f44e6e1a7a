package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes arrive, on whichever endpoint: random bytes, and a valid request mutated (a cut at any place, a
 * character replaced, a member's value replaced by a value of another JSON type, a member deleted, the body nested
 * deeper), each answer is a 200, 400, 403, 404 or 413 with the binding's error shape (a text/plain message without a
 * stack trace, or for a rejected change batch a JSON list of violations), never a 500; and after each, the server
 * still answers a valid evaluation. (Bodies over the limit are {@code MalformedRequestTest}'s.)
 */
class MalformedRequestProperties {
    private static RunningService server;
    private static final List<String> PATHS = List.of("/access/v1/evaluation", "/access/v1/evaluations",
            "/access/v1/search/subject", "/access/v1/search/resource", "/access/v1/search/action", "/records/v1/student",
            "/data/v1/changes");

    @BeforeContainer
    static void start() {
        server = Fixture.liveDemoService();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    private static String valid() {
        return EvaluationEndpointTest.evaluation(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, "");
    }

    @Property(tries = 150)
    void randomBytesAreRefusedCleanly(@ForAll("paths") String path, @ForAll("bytes") byte[] body) {
        check(path, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Property(tries = 250)
    void mutatedRequestsAreRefusedOrAnsweredCleanly(@ForAll("paths") String path, @ForAll("mutants") String body) {
        check(path, HttpRequest.BodyPublishers.ofString(body));
    }

    private static void check(String path, HttpRequest.BodyPublisher body) {
        Fixture.Reply r = Fixture.send(HttpRequest.newBuilder(server.uri().resolve(path)).POST(body)
                .header("Content-Type", "application/json").build());

        assertThat(r.status()).as(r.body()).isIn(200, 400, 403, 404, 413);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (r.status() != 200) {
            assertThat(r.header("Content-Type")).matches(t -> t.startsWith("text/plain")
                    || path.equals("/data/v1/changes") && t.startsWith("application/json"), "an error shape");
        }
        Fixture.Reply still = Fixture.post(server.uri(), "/access/v1/evaluation", valid());
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().get("decision").booleanValue()).isTrue();
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(6000);
    }

    @Provide
    Arbitrary<String> mutants() {
        String v = valid();
        Arbitrary<String> cut = Arbitraries.integers().between(0, v.length()).map(i -> v.substring(0, i));
        Arbitrary<String> replaced = Combinators.combine(Arbitraries.integers().between(0, v.length() - 1),
                Arbitraries.chars().ascii().with('\u0000', '\u00e9', '\uffff', '"', '\\', '{', '}', '[', ']', ',', ':'))
                .as((i, c) -> v.substring(0, i) + c + v.substring(i + 1));
        Arbitrary<String> retyped = Combinators.combine(
                Arbitraries.of("\"subject\"", "\"resource\"", "\"action\"", "\"context\"", "\"type\"", "\"id\"",
                        "\"name\"", "\"purpose\"", "\"evaluations\"", "\"changes\""),
                Arbitraries.of("null", "42", "-1e999", "true", "[]", "[{}]", "{}", "\"\"", "\"x\"", "{\"a\":[1,{\"b\":null}]}"))
                .as((member, value) -> retype(v, member, value));
        Arbitrary<String> deleted = Arbitraries.of("subject", "resource", "action", "context", "type", "id", "purpose")
                .map(m -> v.replaceFirst("\"" + m + "\":(\\{[^}]*\\}|\"[^\"]*\"),?", ""));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 40).map(d -> "{\"evaluations\":" + "[".repeat(d)
                + v + "]".repeat(d) + ",\"changes\":" + "[".repeat(d) + "]".repeat(d) + "}");
        Arbitrary<String> changes = Arbitraries.of("{\"changes\":[{\"op\":\"delete\",\"file\":\"consents.csv\",\"record\":{\"consent_id\":\"C\"}}]}",
                "{\"changes\":[{\"op\":\"upsert\",\"file\":\"students.csv\",\"record\":{\"student_id\":\"S\u0000\"}}]}",
                "{\"changes\":[{\"op\":\"upsert\",\"file\":\"attendance.csv\",\"record\":{\"date\":\"2018-13-45\"}}]}",
                "{\"changes\":{}}", "{\"changes\":[1,\"2\",null]}");
        return Arbitraries.oneOf(cut, replaced, retyped, deleted, nested, changes, Arbitraries.strings().ofMaxLength(200));
    }

    /** {@code v} with the value after the first occurrence of {@code member} replaced by {@code value}. */
    static String retype(String v, String member, String value) {
        int at = v.indexOf(member + ":");
        if (at < 0) {
            return v;
        }
        int start = at + member.length() + 1;
        int end = start;
        if (v.charAt(start) == '{') {
            int depth = 0;
            do {
                depth += v.charAt(end) == '{' ? 1 : v.charAt(end) == '}' ? -1 : 0;
                end++;
            } while (depth > 0);
        } else {
            end = v.indexOf('"', start + 1) + 1;
        }
        return v.substring(0, start) + value + v.substring(end);
    }

}

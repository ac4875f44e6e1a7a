package org.communityschools.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.Access;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic tiny city (seed 11), its engine under the default policy, the day the tests act on (March 1 of the
 * last school year in the data, at noon in the district's zone), and people found in it: a staff member who can see a
 * student for a purpose, and one who can see nothing of that student. Loaded once per test JVM.
 */
final class Fixture {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final java.util.Map<Access, StaffId> VIEWERS = new java.util.HashMap<>();
    static final DistrictData DATA = generate();
    static final PolicyEngine ENGINE = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(DATA).zone(ZONE).build();
    static final LocalDate TODAY = today(DATA);
    static final Instant NOW = TODAY.atTime(12, 0).atZone(ZONE).toInstant();
    static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    /** A staff member, a student they can see something of, and the purpose. */
    static final Access SEEN = partlySeen();
    static final StaffId VIEWER = viewerOf(SEEN);
    static final StudentId STUDENT = SEEN.student();
    static final String PURPOSE = SEEN.purpose().code();
    /** A staff member with an assignment who can see nothing of {@link #STUDENT} for {@link #PURPOSE}. */
    static final StaffId STRANGER = stranger();

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Fixture() {}

    /**
     * The service over the fixture's city with an in-memory disclosure log and the loopback-only demo identity, started
     * on a free port of 127.0.0.1.
     */
    static RunningService demoService() {
        return DecisionService.builder().engine(ENGINE).districtData(DATA).disclosureLog(
                org.communityschools.privacy.disclosure.DisclosureLogs.inMemory()).identity(Identity.insecureDemo())
                .clock(CLOCK).build().start("127.0.0.1", 0);
    }

    /**
     * The service over a live district of the fixture's city (in memory, no journal, at version 0), with the
     * loopback-only demo identity, started on a free port of 127.0.0.1: its change endpoint is open.
     */
    static RunningService liveDemoService() {
        org.communityschools.core.live.LiveDistrict live = org.communityschools.core.live.LiveDistrict.of(DATA);
        return DecisionService.builder().liveEngine(org.communityschools.privacy.policy.LivePolicyEngine.builder()
                        .policy(Policies.defaultPolicy()).zone(ZONE).district(live).build())
                .disclosureLog(org.communityschools.privacy.disclosure.DisclosureLogs.inMemory())
                .identity(Identity.insecureDemo()).clock(CLOCK).build().start("127.0.0.1", 0);
    }

    private static DistrictData generate() {
        try {
            Path dir = Files.createTempDirectory("server-tiny-city");
            try {
                SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
                return DistrictDataReader.builder().build().read(dir).data();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate today(DistrictData data) {
        LocalDate last = null;
        for (var calendar : data.calendars().values()) {
            if (!calendar.isEmpty()) {
                LocalDate d = calendar.days().get(calendar.days().size() - 1);
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        LocalDate march = LocalDate.of(SchoolYear.containing(last).endYear(), 3, 1);
        return march.isAfter(last) ? last : march;
    }

    /** The first access (by staff id) whose decision permits some fields of the student and denies others. */
    private static Access partlySeen() {
        for (StaffId s : DATA.staff().stream().map(x -> x.id()).sorted().toList()) {
            if (DATA.assignmentsOn(s, TODAY).isEmpty()) {
                continue;
            }
            for (Access a : ENGINE.whatCanISee(s, NOW)) {
                if (!ENGINE.decide(s, a.student(), a.purpose(), NOW).denials().isEmpty()) {
                    VIEWERS.put(a, s);
                    return a;
                }
            }
        }
        throw new IllegalStateException("no staff member of the tiny city sees part of a student's record");
    }

    private static StaffId viewerOf(Access a) {
        return VIEWERS.get(a);
    }

    private static StaffId stranger() {
        return DATA.staff().stream().map(s -> s.id()).sorted()
                .filter(s -> !DATA.assignmentsOn(s, TODAY).isEmpty())
                .filter(s -> !ENGINE.decide(s, STUDENT, SEEN.purpose(), NOW).permitsAny())
                .findFirst().orElseThrow();
    }

    /** An HTTP exchange's outcome. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }

    static Reply post(URI base, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            b.header("Content-Type", "application/json");
        }
        return send(b.build());
    }

    static Reply get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request text, from a Java text block with single quotes for double quotes. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}

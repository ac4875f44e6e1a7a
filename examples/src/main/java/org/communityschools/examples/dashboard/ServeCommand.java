package org.communityschools.examples.dashboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.examples.cli.PolicyOption;
import org.communityschools.privacy.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the school team's dashboard ({@link Dashboard}) on a district data directory, or on a synthetic city
 * generated for the purpose. Runs until interrupted (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the school team's dashboard (my students, one student, school trends, interventions, disclosure log) "
                + "on a data directory, or on a generated synthetic city when --data is not given.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the district data directory (default: generate a synthetic city)")
    Optional<Path> data;

    @Option(names = "--preset", defaultValue = "tiny", description = "without --data: tiny or district (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "2026", description = "without --data: the generator's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "loopback address to listen on (default: ${DEFAULT-VALUE}); any other address is refused: the sign-in is a demo staff picker")
    String bind;

    @Option(names = "--today", description = "the date the dashboard acts on (default: March 1 of the school year of the last instructional day in the data)")
    Optional<LocalDate> today;

    @Option(names = "--log", paramLabel = "FILE", description = "the disclosure log (default: dashboard-disclosures.jsonl in the data directory)")
    Optional<Path> log;

    @Option(names = "--secure-cookie", description = "mark the session cookie Secure (when users reach the dashboard over HTTPS)")
    boolean secureCookie;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) { // before any work: an argument error is one line, at once
            throw new IllegalArgumentException("--port must be 0 to 65535, was " + port);
        }
        if (!Dashboard.isLoopback(bind)) {
            throw new IllegalArgumentException("--bind must be a loopback address (127.0.0.1, ::1, localhost), was '" + bind
                    + "': the dashboard signs people in by picking a staff member (a demo, said on every page), which must"
                    + " never be served to the network");
        }
        Policy rules = policy.policy();
        Path dir;
        if (data.isPresent()) {
            dir = data.get();
        } else {
            Preset p = switch (preset) {
                case "tiny" -> Preset.TINY;
                case "district" -> Preset.DISTRICT;
                default -> throw new IllegalArgumentException("--preset must be tiny or district, was '" + preset + "'");
            };
            dir = Files.createTempDirectory("community-schools-dashboard-");
            err.println("Generating a synthetic city (" + preset + ", seed " + seed + ") into " + dir + " ...");
            err.flush();
            SyntheticCity.builder().preset(p).seed(seed).build().writeTo(dir);
        }
        err.println("Reading " + dir + " ...");
        err.flush();
        DistrictData d = DistrictDataReader.builder().build().read(dir).data();
        LocalDate date = today.orElseGet(() -> defaultToday(d));
        Dashboard dashboard = Dashboard.builder().policy(rules).data(d).today(date).port(port).bindAddress(bind).secureCookie(secureCookie)
                .disclosureLog(log.orElse(dir.resolve("dashboard-disclosures.jsonl"))).start();
        out.println("Dashboard for " + date + " at " + dashboard.uri() + " (disclosure log " + dashboard.disclosureLog() + "); Ctrl-C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    /**
     * March 1 of the school year of the data's last instructional day (mid-year, when a school team reviews its students),
     * or that last day when the year ends earlier; today when the data have no calendar.
     */
    static LocalDate defaultToday(DistrictData data) {
        LocalDate last = null;
        for (var calendar : data.calendars().values()) {
            if (!calendar.isEmpty()) {
                LocalDate d = calendar.days().get(calendar.days().size() - 1);
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        if (last == null) {
            return LocalDate.now();
        }
        LocalDate march = LocalDate.of(SchoolYear.containing(last).endYear(), 3, 1);
        return march.isAfter(last) ? last : march;
    }
}

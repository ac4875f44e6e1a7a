package org.communityschools.examples.dashboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.live.DeltaFolderWatcher;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.examples.cli.PolicyOption;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.publication.SuppressionRules;
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
                + "on a data directory, or on a generated synthetic city when --data is not given; people sign in with the "
                + "district's OpenID Connect provider (--oidc-issuer) or, for a demo, by picking a staff member (--demo-sign-in).")
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
            description = "address to listen on (default: ${DEFAULT-VALUE}); with --demo-sign-in only a loopback address is accepted")
    String bind;

    @Option(names = "--demo-sign-in", description = "sign in by picking any staff member from a list: authenticates nobody, said on "
            + "every page, loopback only; for synthetic data on this machine")
    boolean demoSignIn;

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "the district's OpenID Connect provider (its issuer identifier; "
            + "the discovery document is read from URL/.well-known/openid-configuration)")
    Optional<java.net.URI> oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "the dashboard's client id at the provider (with --oidc-issuer)")
    Optional<String> oidcClientId;

    @Option(names = "--oidc-client-secret-file", paramLabel = "FILE", description = "a file holding the client secret of a "
            + "confidential client (default: a public client, protected by PKCE)")
    Optional<Path> oidcClientSecretFile;

    @Option(names = "--oidc-scope", paramLabel = "SCOPE", description = "a scope to ask for besides openid (repeatable)")
    java.util.List<String> oidcScopes = new java.util.ArrayList<>();

    @Option(names = "--staff-claim", paramLabel = "CLAIM", defaultValue = "staff_id",
            description = "the ID token claim holding the staff id of staff.csv (default: ${DEFAULT-VALUE})")
    String staffClaim;

    @Option(names = "--public-url", paramLabel = "URL", description = "the address users reach the dashboard at (behind a "
            + "TLS-terminating proxy its https address): the redirect address is made from it and https makes cookies Secure")
    Optional<java.net.URI> publicUrl;

    @Option(names = "--session-idle", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "a session ends after this long without a request, ISO-8601 (default: ${DEFAULT-VALUE})")
    java.time.Duration sessionIdle;

    @Option(names = "--session-max", paramLabel = "DURATION", defaultValue = "PT8H",
            description = "a session ends this long after sign-in, ISO-8601 (default: ${DEFAULT-VALUE})")
    java.time.Duration sessionMax;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "10000",
            description = "the most sessions held at once; beyond it sign-in answers 503 (default: ${DEFAULT-VALUE})")
    int maxSessions;

    @Option(names = "--today", description = "the date the dashboard acts on (default: March 1 of the school year of the last instructional day in the data)")
    Optional<LocalDate> today;

    @Option(names = "--log", paramLabel = "FILE", description = "the disclosure log (default: dashboard-disclosures.jsonl in the data directory)")
    Optional<Path> log;

    @Option(names = "--journal", paramLabel = "DIR", description = "keep the live data durable: a snapshot and a change journal in DIR "
            + "(every change, attendance recorded in the dashboard included, is on disk before it is acknowledged); when DIR already "
            + "holds a snapshot, the dashboard resumes from it and its journal, and --data is not read")
    Optional<Path> journal;

    @Option(names = "--watch", paramLabel = "DIR", description = "apply delta directories dropped into DIR without a restart: a "
            + "subdirectory is applied once it holds a file named READY; applied ones are moved to DIR/applied, rejected ones to "
            + "DIR/rejected with their errors in NAME.errors.txt next to them")
    Optional<Path> watch;

    @Option(names = "--watch-interval", paramLabel = "MILLIS", defaultValue = "1000",
            description = "how often the watched folder is polled (default: ${DEFAULT-VALUE} ms)")
    long watchInterval;

    @Option(names = "--suppress", paramLabel = "RULES", defaultValue = "nysed",
            description = "the publication rules protecting group figures (school figures, trends, intervention outcomes): nysed, "
                    + "nyc-doe, nyc-doe-attendance or n10 (default: ${DEFAULT-VALUE})")
    String suppress;

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
        if (demoSignIn == oidcIssuer.isPresent()) {
            throw new IllegalArgumentException("choose how people sign in: --oidc-issuer URL --oidc-client-id ID (the district's "
                    + "OpenID Connect provider) or --demo-sign-in (pick any staff member; synthetic data on this machine only)");
        }
        if (demoSignIn && !Dashboard.isLoopback(bind)) {
            throw new IllegalArgumentException("--bind must be a loopback address (127.0.0.1, ::1, localhost) with --demo-sign-in, was '"
                    + bind + "': the demo signs people in by picking a staff member, which must never be served to the network");
        }
        if (watchInterval < 1) {
            throw new IllegalArgumentException("--watch-interval must be at least 1 ms, was " + watchInterval);
        }
        SuppressionRules suppression = SuppressionRules.forName(suppress);
        Optional<OpenIdConnect> openIdConnect = oidcIssuer.map(this::openIdConnect);
        Dashboard.Builder builder = Dashboard.builder().port(port).bindAddress(bind).secureCookie(secureCookie)
                .sessionIdleTimeout(sessionIdle).sessionAbsoluteTimeout(sessionMax).maxSessions(maxSessions); // checked before any work
        publicUrl.ifPresent(builder::publicUri);
        openIdConnect.ifPresentOrElse(builder::openIdConnect, builder::demoSignIn);
        Policy rules = policy.policy();
        LiveDistrict district = journal.isPresent() ? resumed(journal.get(), err) : null;
        if (district == null) {
            Path dir = dataDirectory(err);
            err.println("Reading " + dir + " ...");
            err.flush();
            DistrictData d = DistrictDataReader.builder().build().read(dir).data();
            district = journal.isPresent() ? LiveDistrict.builder().journal(journal.get()).data(d).build() : LiveDistrict.of(d);
        }
        DistrictData current = district.current().data();
        LocalDate date = today.orElseGet(() -> defaultToday(current));
        Path logFile = log.orElseGet(() -> journal.map(j -> j.resolve("dashboard-disclosures.jsonl"))
                .orElseGet(() -> data.orElseThrow().resolve("dashboard-disclosures.jsonl")));
        Dashboard dashboard = builder.policy(rules).district(district).today(date).suppression(suppression)
                .disclosureLog(logFile).start();
        DeltaFolderWatcher watcher = watch.map(w -> DeltaFolderWatcher.of(dashboard.district(), w, o -> report(err, o))
                .start(Duration.ofMillis(watchInterval))).orElse(null);
        out.println("Dashboard for " + date + " at " + dashboard.uri() + " (data version " + district.current().number()
                + (watcher == null ? "" : ", watching " + watcher.folder()) + "; disclosure log " + dashboard.disclosureLog() + "); Ctrl-C to stop.");
        out.flush();
        LiveDistrict live = district;
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watcher != null) {
                watcher.close();
            }
            dashboard.close();
            live.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private OpenIdConnect openIdConnect(java.net.URI issuer) {
        OpenIdConnect.Builder b = OpenIdConnect.builder().issuer(issuer).staffClaim(staffClaim)
                .clientId(oidcClientId.orElseThrow(() -> new IllegalArgumentException("--oidc-issuer needs --oidc-client-id")))
                .extraScopes(oidcScopes.toArray(String[]::new));
        if (oidcClientSecretFile.isPresent()) {
            try {
                b.clientSecret(Files.readString(oidcClientSecretFile.get()).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --oidc-client-secret-file " + oidcClientSecretFile.get() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The district of the journal directory when it holds a snapshot (then resumed: snapshot and journal); else null. */
    private LiveDistrict resumed(Path dir, PrintWriter err) {
        try {
            LiveDistrict d = LiveDistrict.builder().journal(dir).build();
            if (data.isPresent()) {
                d.close();
                throw new IllegalArgumentException("--journal " + dir + " already holds a snapshot of the data; drop --data (the "
                        + "dashboard resumes from the journal) or use an empty journal directory");
            }
            err.println("Resumed from the journal in " + dir + " at version " + d.current().number());
            err.flush();
            return d;
        } catch (IllegalStateException noSnapshot) {
            return null;
        }
    }

    /** The data directory given, or a synthetic city generated into a temporary directory. */
    private Path dataDirectory(PrintWriter err) throws IOException {
        if (data.isPresent()) {
            return data.get();
        }
        Preset p = switch (preset) {
            case "tiny" -> Preset.TINY;
            case "district" -> Preset.DISTRICT;
            default -> throw new IllegalArgumentException("--preset must be tiny or district, was '" + preset + "'");
        };
        Path dir = Files.createTempDirectory("community-schools-dashboard-");
        err.println("Generating a synthetic city (" + preset + ", seed " + seed + ") into " + dir + " ...");
        err.flush();
        SyntheticCity.builder().preset(p).seed(seed).build().writeTo(dir);
        data = Optional.of(dir);
        return dir;
    }

    private static void report(PrintWriter err, DeltaFolderWatcher.Outcome o) {
        if (o.applied()) {
            err.println("Applied " + o.name() + ": data version " + o.version().getAsLong() + " (moved to " + o.movedTo() + ")");
        } else {
            err.println("Rejected " + o.name() + ": " + o.errors().size() + " error(s), nothing applied; see " + o.movedTo()
                    + DeltaFolderWatcher.ERRORS_SUFFIX);
        }
        err.flush();
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

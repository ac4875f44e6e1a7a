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
        Optional<OpenIdConnect> openIdConnect = oidcIssuer.map(this::openIdConnect);
        Dashboard.Builder builder = Dashboard.builder().port(port).bindAddress(bind).secureCookie(secureCookie)
                .sessionIdleTimeout(sessionIdle).sessionAbsoluteTimeout(sessionMax).maxSessions(maxSessions); // checked before any work
        publicUrl.ifPresent(builder::publicUri);
        openIdConnect.ifPresentOrElse(builder::openIdConnect, builder::demoSignIn);
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
        Dashboard dashboard = builder.policy(rules).data(d).today(date)
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

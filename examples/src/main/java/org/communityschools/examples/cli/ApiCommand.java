package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.server.DecisionService;
import org.communityschools.server.Identity;
import org.communityschools.server.RunningService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code api}: the decision and record service (OpenID AuthZEN 1.0, docs/service.md) on a district data directory, for
 * products not written in Java. Refuses to run without an identity provider configuration (issuer, audience, JWKS
 * address, as options or in a {@code --config} properties file), unless {@code --insecure-demo}, which authenticates
 * nobody and listens only on loopback. The data is live: changes submitted by a caller with the change scope are applied
 * and, with {@code --journal}, forced to disk first and replayed on the next start. Runs until interrupted (Ctrl-C).
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Serve the decision and record service (OpenID AuthZEN 1.0) on a data directory.")
public final class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the district data directory")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); put a TLS-terminating proxy in front")
    String bind;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "the change journal of the live data: submitted changes are forced to disk here before they are "
                    + "acknowledged and replayed on the next start (then --data is read only when DIR holds no snapshot); "
                    + "without it, submitted changes live in memory only")
    Optional<Path> journal;

    @Option(names = "--change-scope", paramLabel = "SCOPE",
            description = "the token scope that permits submitting changes (POST /data/v1/changes); unset, nobody may")
    Optional<String> changeScope;

    @Option(names = "--log", paramLabel = "FILE",
            description = "the disclosure log (default: api-disclosures.jsonl in the data directory)")
    Optional<Path> log;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file with issuer, audience, jwks-uri, staff-claim, client-claim, trusted-clients "
                    + "(comma-separated), change-scope and public-uri; options given on the command line win")
    Optional<Path> config;

    @Option(names = "--issuer", description = "the identity provider's issuer (the tokens' iss)")
    Optional<String> issuer;

    @Option(names = "--audience", description = "this service's audience at the provider (the tokens' aud)")
    Optional<String> audience;

    @Option(names = "--jwks-uri", paramLabel = "URI", description = "where the provider publishes its signing keys")
    Optional<URI> jwksUri;

    @Option(names = "--staff-claim", description = "the claim with a user's staff id (default: staff_id)")
    Optional<String> staffClaim;

    @Option(names = "--client-claim", description = "the claim naming the client (default: azp)")
    Optional<String> clientClaim;

    @Option(names = "--trusted-client", paramLabel = "CLIENT",
            description = "a client (enforcement point) that may ask about any staff member; repeatable")
    List<String> trustedClients = new ArrayList<>();

    @Option(names = "--public-uri", paramLabel = "URI", description = "the https address clients reach the service at")
    Optional<URI> publicUri;

    @Option(names = "--insecure-demo",
            description = "authenticate nobody (a demonstration on this machine only; refused beyond loopback)")
    boolean insecureDemo;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Properties file = config.map(ApiCommand::load).orElseGet(Properties::new);
        Identity identity = identity(file);
        Policy rules = policy.policy();
        LiveDistrict.Builder live = LiveDistrict.builder().dataElements(rules.catalog().dataElements());
        journal.ifPresent(live::journal);
        if (journal.isEmpty() || !holdsSnapshot(journal.get())) {
            live.data(DistrictDataReader.builder().dataElements(rules.catalog().dataElements()).build().read(data).data());
        }
        LiveDistrict district = live.build();
        LivePolicyEngine engine = LivePolicyEngine.builder().policy(rules).zone(AccessCommand.ZONE).district(district).build();
        DisclosureSink sink = DisclosureLogs.jsonLinesFile(log.orElse(data.resolve("api-disclosures.jsonl")));
        DecisionService.Builder b = DecisionService.builder().liveEngine(engine).disclosureLog(sink).identity(identity);
        publicUri.or(() -> Optional.ofNullable(file.getProperty("public-uri")).map(URI::create)).ifPresent(b::publicUri);
        RunningService running;
        try {
            running = b.build().start(bind, port);
        } catch (RuntimeException e) {
            sink.close();
            district.close();
            throw e;
        }
        out.println("Decision service at " + running.uri() + (identity.isInsecureDemo()
                ? " (INSECURE DEMO: nobody is authenticated)" : " for tokens of " + identity.issuer().orElseThrow())
                + ", data version " + district.current().number()
                + journal.map(j -> " (journal " + j + ")").orElse(" (changes in memory only)") + "; Ctrl-C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            sink.close();
            district.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private Identity identity(Properties file) {
        Optional<String> iss = issuer.or(() -> Optional.ofNullable(file.getProperty("issuer")));
        Optional<String> aud = audience.or(() -> Optional.ofNullable(file.getProperty("audience")));
        Optional<URI> jwks = jwksUri.or(() -> Optional.ofNullable(file.getProperty("jwks-uri")).map(URI::create));
        if (insecureDemo) {
            if (iss.isPresent() || aud.isPresent() || jwks.isPresent() || changeScope.isPresent()) {
                throw new IllegalArgumentException("--insecure-demo authenticates nobody; give it no identity provider settings");
            }
            return Identity.insecureDemo();
        }
        if (iss.isEmpty() || aud.isEmpty() || jwks.isEmpty()) {
            throw new IllegalArgumentException("the service needs an identity provider: --issuer, --audience and --jwks-uri "
                    + "(or issuer, audience, jwks-uri in --config FILE); --insecure-demo runs without one, on loopback only");
        }
        Identity.Builder id = Identity.builder().issuer(iss.get()).audience(aud.get()).jwksUri(jwks.get());
        staffClaim.or(() -> Optional.ofNullable(file.getProperty("staff-claim"))).ifPresent(id::staffClaim);
        clientClaim.or(() -> Optional.ofNullable(file.getProperty("client-claim"))).ifPresent(id::clientClaim);
        List<String> trusted = new ArrayList<>(trustedClients);
        if (trusted.isEmpty() && file.getProperty("trusted-clients") != null) {
            for (String c : file.getProperty("trusted-clients").split(",")) {
                if (!c.isBlank()) {
                    trusted.add(c.strip());
                }
            }
        }
        if (!trusted.isEmpty()) {
            id.trustedClients(trusted.toArray(String[]::new));
        }
        changeScope.or(() -> Optional.ofNullable(file.getProperty("change-scope"))).ifPresent(id::changeScope);
        return id.build();
    }

    /** Whether a journal directory holds a complete snapshot (docs/live-data.md: {@code snapshot-N.done}). */
    private static boolean holdsSnapshot(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("snapshot-\\d+\\.done"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
        return p;
    }
}

package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.server.DecisionService;
import org.communityschools.server.Identity;
import org.junit.jupiter.api.Test;

/** The dashboard mounted in a host's Javalin application beside the decision service, and its cookies behind TLS. */
class DashboardMountTest {
    @Test
    void theDashboardAndTheDecisionServiceShareOneJavalinApplication() {
        TestCity city = TestCity.get();
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        try {
            String issuer = provider.issuerUrl("district").toString();
            // docs/dashboard.md: one application, the dashboard for people and the AuthZEN service for other products
            Dashboard dashboard = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("mount"))
                    .openIdConnect(OpenIdConnect.builder().issuer(URI.create(issuer)).clientId("dashboard").build()).build();
            DecisionService service = DecisionService.builder()
                    .engine(PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(city.data)
                            .zone(java.time.ZoneId.of("America/New_York")).build())
                    .districtData(city.data).disclosureLog(DisclosureLogs.inMemory())
                    .identity(Identity.builder().issuer(issuer).audience("authzen").jwksUri(URI.create(provider.jwksUrl("district").toString())).build())
                    .build();
            Javalin host = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.host = "127.0.0.1";
                config.jetty.port = 0;
                service.registerOn(config);
                dashboard.registerOn(config);
            }).start();
            try (dashboard) {
                Client c = new Client(URI.create("http://127.0.0.1:" + host.port() + "/"));
                HttpResponse<String> signIn = c.get("/");
                assertThat(signIn.statusCode()).isEqualTo(200);
                assertThat(signIn.body()).contains("id=\"signin-button\"");
                assertThat(c.get("/.well-known/authzen-configuration").body()).contains("access_evaluation_endpoint");
                assertThat(c.get("/students").statusCode()).as("signed out: to the sign-in page").isEqualTo(303);
                assertThatThrownBy(dashboard::uri).isInstanceOf(IllegalStateException.class);
            } finally {
                host.stop();
            }
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void theDemoSignInIsNeverMountedNorServedBeyondLoopback() {
        TestCity city = TestCity.get();
        Dashboard.Builder demo = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("mount-demo"))
                .demoSignIn();
        try (Dashboard d = demo.build()) {
            assertThatThrownBy(() -> Javalin.create(d::registerOn)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("demo");
        }
        assertThatThrownBy(() -> demo.bindAddress("0.0.0.0").port(0).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("none")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("choose exactly one way of signing in");
    }

    @Test
    void behindATlsTerminatingProxyEveryCookieIsSecure() {
        TestCity city = TestCity.get();
        try (Dashboard d = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("tls")).port(0)
                .identityProvider(IdentityProvider.trustedHeader(city.data, "X-Remote-User"))
                .publicUri(URI.create("https://dashboard.district.example")).start()) {
            Client c = new Client(d.uri());
            c.get("/");
            HttpResponse<String> in = c.post("/signin", c.form(), "X-Remote-User", city.principal.value());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().firstValue("set-cookie").orElseThrow()).contains("; Secure").contains("; HttpOnly");
            HttpResponse<String> fromElsewhere = c.post("/signout", c.form(), "Origin", "http://" + d.uri().getRawAuthority());
            assertThat(fromElsewhere.statusCode()).as("only the public origin may post").isEqualTo(403);
            HttpResponse<String> out = c.post("/signout", c.form(), "Origin", "https://dashboard.district.example");
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("set-cookie").orElseThrow()).contains("Max-Age=0").contains("; Secure");
        }
    }

    @Test
    void signedTokensAreBoundToTheirPurposeAndExpiryAndPkceIsRfc7636() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-05T08:00:00Z"));
        SignedTokens tokens = new SignedTokens(clock);
        String t = tokens.issue("oidc", "state nonce verifier", java.time.Duration.ofMinutes(10));
        assertThat(tokens.verify("oidc", t)).contains("state nonce verifier");
        assertThat(tokens.verify("form", t)).as("another purpose").isEmpty();
        assertThat(new SignedTokens(clock).verify("oidc", t)).as("another dashboard's key").isEmpty();
        char last = t.charAt(t.length() - 1);
        assertThat(tokens.verify("oidc", t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A'))).as("tampered").isEmpty();
        assertThat(tokens.verify("oidc", "x" + t)).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(10));
        assertThat(tokens.verify("oidc", t)).as("at its expiry").isPresent();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(tokens.verify("oidc", t)).as("after it").isEmpty();
        // RFC 7636 Appendix B: the S256 challenge of its example verifier
        assertThat(SignedTokens.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(SignedTokens.codeVerifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theSessionStoreIsBoundedAndSweepsExpiredSessions() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-05T08:00:00Z"));
        Sessions sessions = new Sessions(java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(8), 2, clock);
        Sessions.Viewer v = new Sessions.Viewer(org.communityschools.core.model.StaffId.of("S-1"), "A B", java.util.Set.of(),
                java.util.List.of(), org.communityschools.privacy.policy.Purpose.of("instruction"), java.util.List.of(), false);
        Sessions.Session first = sessions.signIn(v, "");
        sessions.signIn(v, "");
        assertThatThrownBy(() -> sessions.signIn(v, "")).as("full of live sessions").isInstanceOf(IllegalStateException.class);
        clock.advance(java.time.Duration.ofMinutes(20));
        assertThat(sessions.find(first.id)).isPresent(); // first is kept alive, the second idles out at 30 minutes
        clock.advance(java.time.Duration.ofMinutes(11));
        assertThat(sessions.signIn(v, "")).as("the idle session was swept to make room").isNotNull();
        assertThat(sessions.size()).isEqualTo(2);
        assertThat(sessions.find(first.id)).isPresent();
    }
}

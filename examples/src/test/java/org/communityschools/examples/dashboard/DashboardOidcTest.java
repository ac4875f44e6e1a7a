package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.communityschools.core.model.StaffId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in at the HTTP level against a real provider started in-process (mock-oauth2-server 2.1.10, its
 * non-interactive mode: the authorization endpoint answers at once with a code for the user the test enqueues). The
 * test plays the browser: it follows the redirects itself, so that it can tamper with each step as an attacker would.
 * Session timeouts are tested on a clock the test moves.
 */
class DashboardOidcTest {
    static final String ISSUER_ID = "district";
    static final String CLIENT = "dashboard";
    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static TestCity city;
    private static MockOAuth2Server provider;
    private static Dashboard dashboard;

    @BeforeAll
    static void start() {
        city = TestCity.get();
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        dashboard = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("oidc-test"))
                .openIdConnect(oidc()).port(0).start();
    }

    private static OpenIdConnect oidc() {
        // docs/dashboard.md: signing in with the district's OpenID Connect provider
        return OpenIdConnect.builder().issuer(URI.create(provider.issuerUrl(ISSUER_ID).toString()))
                .clientId(CLIENT).staffClaim("staff_id").build();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        provider.shutdown();
    }

    /**
     * The provider will issue the next tokens to a user with this staff id (it takes the user from its queue when the
     * code is redeemed, so a test enqueues one only when a redemption is to succeed).
     */
    private static void nextUser(String staff) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "user-" + staff, JOSEObjectType.JWT.getType(),
                List.of(CLIENT), Map.of("staff_id", staff), 3600));
    }

    /** Opens the sign-in page and presses the button: the dashboard's redirect to the provider. */
    private static URI startSignIn(Client c) {
        c.get("/");
        HttpResponse<String> r = c.post("/signin", c.form());
        assertThat(r.statusCode()).isEqualTo(303);
        return URI.create(r.headers().firstValue("location").orElseThrow());
    }

    /** The provider's answer to an authorization request: the redirect back to the dashboard's callback, as a path. */
    private static String atProvider(URI authorization) {
        HttpResponse<String> r = get(authorization);
        assertThat(r.statusCode()).as("the provider redirects back").isEqualTo(302);
        URI back = URI.create(r.headers().firstValue("location").orElseThrow());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return PLAIN.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String withParam(String pathAndQuery, String name, String value) {
        return pathAndQuery.replaceAll("([?&]" + name + "=)[^&]*", "$1" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static Client signedIn(StaffId staff) {
        return signedIn(dashboard, staff);
    }

    private static Client signedIn(Dashboard d, StaffId staff) {
        Client c = new Client(d.uri());
        nextUser(staff.value());
        HttpResponse<String> back = c.get(atProvider(startSignIn(c)));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        c.get("/students"); // where the landing page moves on to: the forms now carry the session's CSRF token
        return c;
    }

    @Test
    void signsInThroughTheProviderWithPkceStateAndNonceAndOnlyThenGetsASession() {
        Client c = new Client(dashboard.uri());
        HttpResponse<String> page = c.get("/");
        assertThat(page.body()).doesNotContain("<select").doesNotContain("demo-sign-in");
        assertThat(page.headers().allValues("set-cookie")).as("no session before sign-in").isEmpty();
        URI authorization = startSignIn(c);
        assertThat(c.cookie).as("still no session while signing in").isNull();
        assertThat(c.others).containsKey(DashboardRoutes.SIGN_IN_COOKIE);
        Map<String, String> q = query(authorization);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge")
                .containsEntry("redirect_uri", dashboard.uri().resolve(DashboardRoutes.CALLBACK).toString());
        assertThat(q.get("state")).isNotEqualTo(q.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        // the S256 challenge is base64url(SHA-256(verifier)): 43 characters, never the verifier itself
        assertThat(q.get("code_challenge")).hasSize(43).doesNotContain(c.others.get(DashboardRoutes.SIGN_IN_COOKIE));

        nextUser(city.mentor.value());
        HttpResponse<String> back = c.get(atProvider(authorization));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("url=/students");
        assertThat(back.headers().allValues("set-cookie")).anyMatch(s -> s.startsWith(Dashboard.COOKIE + "=")
                && s.contains("HttpOnly") && s.contains("SameSite=Strict"));
        assertThat(c.others).as("the sign-in cookie is cleared").doesNotContainKey(DashboardRoutes.SIGN_IN_COOKIE);
        assertThat(c.get("/students").body()).contains(city.mentor.value());
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() {
        Client c = new Client(dashboard.uri());
        // no user enqueued: the provider takes one when it issues tokens, and no code may be redeemed here
        String callback = atProvider(startSignIn(c));
        HttpResponse<String> r = c.get(withParam(callback, "state", "forged-state"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("state");
        assertThat(c.cookie).isNull();
        Client stranger = new Client(dashboard.uri());
        assertThat(stranger.get(callback).statusCode()).as("a callback in a browser that did not start the sign-in").isEqualTo(403);
        assertThat(stranger.cookie).isNull();
    }

    @Test
    void aReplayedCallbackOrCodeIsRefused() {
        Client c = new Client(dashboard.uri());
        nextUser(city.principal.value());
        String callback = atProvider(startSignIn(c));
        String started = c.others.get(DashboardRoutes.SIGN_IN_COOKIE);
        assertThat(c.get(callback).statusCode()).isEqualTo(200);

        Client replay = new Client(dashboard.uri());
        replay.others.put(DashboardRoutes.SIGN_IN_COOKIE, started);
        HttpResponse<String> again = replay.get(callback);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("already completed");
        assertThat(replay.cookie).isNull();

        // the same code with a fresh sign-in's state: mock-oauth2-server 2.1.10 redeems a used code again, but without
        // the authorization request it was issued for, so the ID token it returns carries no nonce, and is refused
        Client fresh = new Client(dashboard.uri());
        URI authorization = startSignIn(fresh);
        String code = query(URI.create("http://x" + callback)).get("code");
        nextUser(city.principal.value());
        HttpResponse<String> oldCode = fresh.get(DashboardRoutes.CALLBACK + "?code=" + code + "&state=" + query(authorization).get("state"));
        assertThat(oldCode.statusCode()).isEqualTo(403);
        assertThat(oldCode.body()).contains("sign-in refused").contains("nonce");
        assertThat(fresh.cookie).isNull();
    }

    @Test
    void anIdTokenForAnotherNonceIsRefused() {
        Client c = new Client(dashboard.uri());
        URI authorization = startSignIn(c);
        // the provider is asked with another nonce (as if the ID token of another sign-in were injected); the PKCE
        // challenge is this browser's, so the code is redeemed and only the nonce can tell
        URI tampered = URI.create(authorization.toString().replaceAll("([?&]nonce=)[^&]*", "$1someone-elses-nonce"));
        nextUser(city.principal.value());
        HttpResponse<String> r = c.get(atProvider(tampered));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("nonce");
        assertThat(c.cookie).isNull();
    }

    @Test
    void aStaffIdThatIsNotInTheDataIsRefused() {
        Client c = new Client(dashboard.uri());
        nextUser("NOBODY");
        HttpResponse<String> r = c.get(atProvider(startSignIn(c)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("not a staff member");
        assertThat(c.cookie).isNull();
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutAndAtTheAbsoluteTimeout() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Dashboard timed = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("oidc-timeouts"))
                .openIdConnect(oidc()).sessionIdleTimeout(Duration.ofMinutes(30)).sessionAbsoluteTimeout(Duration.ofHours(8))
                .clock(clock).port(0).start()) {
            timeouts(timed, clock);
        }
    }

    private static void timeouts(Dashboard timed, MutableClock clock) {
        Client idle = signedIn(timed, city.principal);
        assertThat(idle.get("/students").statusCode()).isEqualTo(200);
        Client busy = signedIn(timed, city.mentor);
        clock.advance(Duration.ofMinutes(29));
        assertThat(busy.get("/students").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2)); // 31 minutes since the principal's last request
        assertThat(idle.get("/students").statusCode()).as("idle for 31 minutes").isEqualTo(303);
        assertThat(busy.get("/students").statusCode()).as("2 minutes idle").isEqualTo(200);
        // busy: a request every 29 minutes, never idle, until 8 hours after sign-in
        for (int i = 0; i < 15; i++) { // 31 + 15 * 29 = 466 minutes: 7 h 46 min
            clock.advance(Duration.ofMinutes(29));
            assertThat(busy.get("/students").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(15)); // 481 minutes after sign-in
        assertThat(busy.get("/students").statusCode()).as("past the absolute timeout").isEqualTo(303);
    }

    @Test
    void signingInAgainRenewsTheSessionId() {
        Client c = signedIn(city.principal);
        String first = c.cookie;
        nextUser(city.principal.value());
        assertThat(c.get(atProvider(startSignIn(c))).statusCode()).isEqualTo(200);
        assertThat(c.cookie).isNotNull().isNotEqualTo(first);
        Client old = new Client(dashboard.uri());
        old.cookie = first;
        assertThat(old.get("/students").statusCode()).as("the previous session ended").isEqualTo(303);
    }

    @Test
    void signOutEndsTheSessionAndTheProvidersSession() {
        Client c = signedIn(city.principal);
        String session = c.cookie;
        HttpResponse<String> out = c.post("/signout", c.form());
        assertThat(out.statusCode()).isEqualTo(303);
        URI endSession = URI.create(out.headers().firstValue("location").orElseThrow());
        assertThat(endSession.toString()).startsWith(provider.endSessionEndpointUrl(ISSUER_ID).toString());
        assertThat(query(endSession)).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", dashboard.uri().toString());
        assertThat(c.cookie).as("the cookie is cleared").isNull();
        HttpResponse<String> atProvider = get(endSession);
        assertThat(atProvider.headers().firstValue("location")).as("the provider sends the browser back")
                .contains(dashboard.uri().toString());
        Client replay = new Client(dashboard.uri());
        replay.cookie = session;
        assertThat(replay.get("/students").statusCode()).isEqualTo(303);
    }

    @Test
    void anonymousRequestsGetNoCookie() {
        Client c = new Client(dashboard.uri());
        for (String path : List.of("/", "/students", "/trends", "/interventions", "/log", "/student/abc", "/static/dashboard.css",
                DashboardRoutes.CALLBACK + "?code=x&state=y", "/nowhere")) {
            assertThat(c.get(path).headers().allValues("set-cookie")).as(path).isEmpty();
        }
        assertThat(c.post("/students/find", c.form("student_id", "S1")).headers().allValues("set-cookie")).isEmpty();
        assertThat(dashboard.sessions.size()).as("nothing held for them").isLessThanOrEqualTo(20);
    }

    @Test
    void formsMayPostToTheProviderAndNowhereElse() {
        String csp = new Client(dashboard.uri()).get("/").headers().firstValue("content-security-policy").orElseThrow();
        URI issuer = URI.create(provider.issuerUrl(ISSUER_ID).toString());
        assertThat(csp).contains("form-action 'self' " + issuer.getScheme() + "://" + issuer.getRawAuthority() + ";")
                .contains("frame-ancestors 'none'");
    }
}

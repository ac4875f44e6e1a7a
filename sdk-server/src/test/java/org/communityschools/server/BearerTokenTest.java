package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.post;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens from a real OpenID Connect provider started in-process (mock-oauth2-server), checked as the service
 * checks them: signature against the published keys (and their rotation), algorithm, issuer, audience, expiry; then
 * who may ask about whom.
 */
class BearerTokenTest {
    static final String ISSUER_ID = "district";
    static final String AUDIENCE = "community-schools-api";
    static final String SIS = "district-sis";

    private MockOAuth2Server provider;
    private RunningService service;

    @BeforeEach
    void startProvider() {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopAll() {
        if (service != null) {
            service.close();
        }
        provider.shutdown();
    }

    private RunningService startService(String issuer) {
        Identity identity = Identity.builder().issuer(issuer).audience(AUDIENCE)
                .jwksUri(provider.jwksUrl(ISSUER_ID).uri()).trustedClients(SIS).build();
        service = DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA)
                .disclosureLog(DisclosureLogs.inMemory()).identity(identity).clock(Fixture.CLOCK)
                .build().start("127.0.0.1", 0);
        return service;
    }

    private RunningService startService() {
        return startService(provider.issuerUrl(ISSUER_ID).toString());
    }

    /** A token the provider issues to a user of the client {@code client} with these claims. */
    static String token(MockOAuth2Server provider, String client, Map<String, Object> claims, String audience, long expiry) {
        return provider.issueToken(ISSUER_ID, client, new DefaultOAuth2TokenCallback(ISSUER_ID, "user-1", "JWT",
                List.of(audience), claims, expiry)).serialize();
    }

    private String userToken(String staffId) {
        return token(provider, "teacher-portal", Map.of("staff_id", staffId, "azp", "teacher-portal"), AUDIENCE, 3600);
    }

    private Fixture.Reply evaluate(String token, String staffId) {
        return post(service.uri(), "/access/v1/evaluation", EvaluationEndpointTest.evaluation(staffId,
                Fixture.STUDENT.value(), Fixture.PURPOSE, ""), "Authorization", "Bearer " + token);
    }

    private static void assertRefused(Fixture.Reply r, String why) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.body()).contains(why);
    }

    @Test
    void aUserMayAskAboutThemselves() {
        startService();

        Fixture.Reply r = evaluate(userToken(Fixture.VIEWER.value()), Fixture.VIEWER.value());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("decision").booleanValue()).isTrue();
    }

    @Test
    void aTokenRememberedAsVerifiedIsRefusedOnceItExpires() throws Exception {
        Identity identity = Identity.builder().issuer(provider.issuerUrl(ISSUER_ID).toString()).audience(AUDIENCE)
                .jwksUri(provider.jwksUrl(ISSUER_ID).uri()).clockSkew(java.time.Duration.ZERO).build();
        service = DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA)
                .disclosureLog(DisclosureLogs.inMemory()).identity(identity).clock(Fixture.CLOCK)
                .build().start("127.0.0.1", 0);
        String shortLived = token(provider, "teacher-portal", Map.of("staff_id", Fixture.VIEWER.value(),
                "azp", "teacher-portal"), AUDIENCE, 10);
        assertThat(evaluate(shortLived, Fixture.VIEWER.value()).status()).isEqualTo(200);
        assertThat(evaluate(shortLived, Fixture.VIEWER.value()).status()).isEqualTo(200);

        // a wait, not a timing assertion: the token's exp (whole seconds) must pass
        long exp = SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().getTime();
        Thread.sleep(Math.max(0, exp - System.currentTimeMillis()) + 1_100);

        assertRefused(evaluate(shortLived, Fixture.VIEWER.value()), "refused");
    }

    @Test
    void aUserMayNotAskAboutAnotherStaffMember() {
        startService();

        Fixture.Reply r = evaluate(userToken(Fixture.STRANGER.value()), Fixture.VIEWER.value());

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("a user token may ask only about its own subject");
    }

    @Test
    void aUserIsToldTheSameForAMissingAndAForbiddenStudent() {
        startService();
        String token = userToken(Fixture.STRANGER.value());

        Fixture.Reply forbidden = evaluate(token, Fixture.STRANGER.value());
        Fixture.Reply missing = post(service.uri(), "/access/v1/evaluation", EvaluationEndpointTest.evaluation(
                Fixture.STRANGER.value(), "NOSUCH0001", Fixture.PURPOSE, ""), "Authorization", "Bearer " + token);

        assertThat(forbidden.status()).isEqualTo(200);
        assertThat(forbidden.json().get("decision").booleanValue()).isFalse();
        assertThat(missing.body()).isEqualTo(forbidden.body());
    }

    @Test
    void aTrustedClientMayAskAboutAnyStaffMember() {
        startService();
        String token = token(provider, SIS, Map.of("azp", SIS), AUDIENCE, 3600);

        assertThat(evaluate(token, Fixture.VIEWER.value()).status()).isEqualTo(200);
        assertThat(evaluate(token, Fixture.STRANGER.value()).status()).isEqualTo(200);
    }

    @Test
    void anUntrustedClientWithoutAStaffIdMayAskAboutNobody() {
        startService();
        String token = token(provider, "some-app", Map.of("azp", "some-app"), AUDIENCE, 3600);

        assertThat(evaluate(token, Fixture.VIEWER.value()).status()).isEqualTo(403);
    }

    @Test
    void onlyATrustedClientMaySearchForSubjects() {
        startService();
        String request = Fixture.json("{'subject':{'type':'staff'},'resource':{'type':'student','id':'"
                + Fixture.STUDENT.value() + "','properties':{'field':'identity.name'}},'action':{'name':'view'}}");

        Fixture.Reply user = post(service.uri(), "/access/v1/search/subject", request,
                "Authorization", "Bearer " + userToken(Fixture.VIEWER.value()));

        assertThat(user.status()).isEqualTo(403);
        assertThat(user.body()).contains("only to a trusted enforcement point");
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        startService();

        Fixture.Reply r = post(service.uri(), "/access/v1/evaluation", EvaluationEndpointTest.evaluation(
                Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, ""));

        assertRefused(r, "a bearer token is required");
    }

    @Test
    void anExpiredTokenIsRefused() {
        startService();
        String token = token(provider, "teacher-portal", Map.of("staff_id", Fixture.VIEWER.value()), AUDIENCE, -600);

        assertRefused(evaluate(token, Fixture.VIEWER.value()), "Expired JWT");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        startService();
        String token = token(provider, "teacher-portal", Map.of("staff_id", Fixture.VIEWER.value()), "another-api", 3600);

        assertRefused(evaluate(token, Fixture.VIEWER.value()), "aud claim rejected");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        startService("https://idp.other-district.invalid/" + ISSUER_ID);

        assertRefused(evaluate(userToken(Fixture.VIEWER.value()), Fixture.VIEWER.value()), "iss");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        startService();
        String token = new PlainJWT(claims(provider.issuerUrl(ISSUER_ID).toString())).serialize();

        assertRefused(evaluate(token, Fixture.VIEWER.value()), "refused");
    }

    @Test
    void aTokenSignedByAKeyTheProviderDoesNotPublishIsRefused() throws Exception {
        startService();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-published").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
                claims(provider.issuerUrl(ISSUER_ID).toString()));
        jwt.sign(new RSASSASigner(stranger));

        assertRefused(evaluate(jwt.serialize(), Fixture.VIEWER.value()), "refused");
    }

    @Test
    void afterTheProviderRotatesItsKeyNewTokensAreAcceptedAndTokensOfTheRetiredKeyAreNot() throws Exception {
        provider.shutdown();
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        provider = providerWithKey(first);
        provider.start(InetAddress.getLoopbackAddress(), 0);
        int port = provider.baseUrl().port();
        startService();
        String before = userToken(Fixture.VIEWER.value());
        assertThat(evaluate(before, Fixture.VIEWER.value()).status()).isEqualTo(200);

        provider.shutdown();
        provider = providerWithKey(second);
        startOnSamePort(provider, port);
        String after = userToken(Fixture.VIEWER.value());

        // mock-oauth2-server names every key of an issuer by the issuer id, so its rotation keeps the key id
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        assertThat(evaluate(after, Fixture.VIEWER.value()).status()).isEqualTo(200);
        assertRefused(evaluate(before, Fixture.VIEWER.value()), "refused");
    }

    /** The provider's address is the issuer: restart on the same port, once the old listener has let it go. */
    private static void startOnSamePort(MockOAuth2Server p, int port) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                p.start(InetAddress.getLoopbackAddress(), port);
                return;
            } catch (RuntimeException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static MockOAuth2Server providerWithKey(JWK key) {
        // Netty (not the default MockWebServer, which refuses to reuse an address) so that it can restart on its port.
        return new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(key)), (Instant) null), java.util.Set.of(),
                new no.nav.security.mock.oauth2.http.NettyWrapper()));
    }

    private static JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("user-1")
                .claim("staff_id", Fixture.VIEWER.value()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
    }

    static URI jwks(MockOAuth2Server provider) {
        return provider.jwksUrl(ISSUER_ID).uri();
    }
}

package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks (OpenID Connect Core 1.0 section 3.1.3.7) on tokens the provider signs with its own keys but with
 * one thing wrong each, and on tokens it did not sign: the provider's authorization endpoint always issues a good one.
 */
class OidcClientTest {
    private static final String ISSUER_ID = "district";
    private static final String CLIENT = "dashboard";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static MockOAuth2Server provider;
    private static OidcClient client;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        client = new OidcClient(OpenIdConnect.builder().issuer(URI.create(provider.issuerUrl(ISSUER_ID).toString()))
                .clientId(CLIENT).build(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    private static String token(List<String> audience, Map<String, Object> claims, long expirySeconds) {
        return token(CLIENT, audience, claims, expirySeconds);
    }

    /** A token the provider issues to {@code client} (its {@code azp}). */
    private static String token(String client, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        return provider.issueToken(ISSUER_ID, client, new DefaultOAuth2TokenCallback(ISSUER_ID, "user-1", JOSEObjectType.JWT.getType(),
                audience, claims, expirySeconds)).serialize();
    }

    private static String refusal(String idToken) {
        try {
            client.validate(idToken, NONCE);
        } catch (Dashboard.Refused e) {
            assertThat(e.status).isEqualTo(403);
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aTokenOfTheProviderForThisClientAndNonceIsAccepted() {
        JWTClaimsSet claims = client.validate(token(List.of(CLIENT), Map.of("nonce", NONCE, "staff_id", "SCH0004-P1"), 3600), NONCE);
        assertThat(claims.getClaim("staff_id")).isEqualTo("SCH0004-P1");
        assertThat(claims.getSubject()).isEqualTo("user-1");
    }

    @Test
    void anotherAudienceAnExpiredTokenAndAMissingOrOtherNonceAreRefused() {
        assertThat(refusal(token(List.of("another-client"), Map.of("nonce", NONCE), 3600))).contains("aud");
        assertThat(refusal(token(List.of(CLIENT), Map.of("nonce", NONCE), -600))).contains("xpired");
        assertThat(refusal(token(List.of(CLIENT), Map.of(), 3600))).contains("nonce");
        assertThat(refusal(token(List.of(CLIENT), Map.of("nonce", "another"), 3600))).contains("nonce");
        // the authorized party, when named, must be this client
        assertThat(refusal(token("another-client", List.of(CLIENT, "another-client"), Map.of("nonce", NONCE), 3600))).contains("azp");
        assertThat(client.validate(token(List.of(CLIENT, "another-client"), Map.of("nonce", NONCE), 3600), NONCE)).isNotNull();
    }

    @Test
    void anUnsignedTokenOrOneSignedByAnotherKeyIsRefused() throws Exception {
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(provider.issuerUrl(ISSUER_ID).toString()).audience(CLIENT)
                .subject("user-1").issueTime(now).expirationTime(new Date(now.getTime() + 3_600_000)).claim("nonce", NONCE).build();
        assertThat(refusal(new PlainJWT(claims).serialize())).as("alg: none").contains("not valid");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(ISSUER_ID).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ISSUER_ID).build(), claims);
        forged.sign(new RSASSASigner(stranger));
        assertThat(refusal(forged.serialize())).as("signed by a key the provider does not publish").contains("not valid");
        assertThatThrownBy(() -> client.validate("not a token", NONCE)).isInstanceOf(Dashboard.Refused.class)
                .hasMessageContaining("not a JWT");
    }
}

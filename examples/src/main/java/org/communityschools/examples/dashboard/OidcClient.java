package org.communityschools.examples.dashboard;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relying party side of OpenID Connect Core 1.0's authorization code flow, for {@link OpenIdConnect}: the
 * provider's endpoints from its discovery document, the authorization request (with PKCE S256, RFC 7636), the token
 * request, the ID token's validation with Nimbus JOSE+JWT (section 3.1.3.7: signature by a key of the provider's JWKS
 * with an allowed algorithm, {@code iss} exactly the issuer, {@code aud} containing the client id and {@code azp} the
 * client id when present or when there are several audiences, {@code exp} in the future, {@code iat} present, the
 * {@code nonce} of this sign-in) and the RP-initiated logout address. Thread-safe.
 */
final class OidcClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OpenIdConnect config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final Optional<URI> endSessionEndpoint;
    private final JWKSource<SecurityContext> keys;

    /**
     * Reads the provider's discovery document.
     *
     * @throws IllegalStateException when it cannot be read, names another issuer, or lacks a required endpoint
     */
    OidcClient(OpenIdConnect config, Clock clock) {
        this.config = config;
        this.clock = clock;
        String base = config.issuer().toString();
        URI discovery = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/.well-known/openid-configuration");
        Map<String, Object> doc;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the identity provider's discovery document " + discovery + " answered " + r.statusCode());
            }
            doc = JSONObjectUtils.parse(r.body());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the identity provider's discovery document " + discovery + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + discovery, e);
        }
        // OpenID Connect Discovery 1.0 section 4.3: the issuer in the document is exactly the one configured
        if (!config.issuer().toString().equals(doc.get("issuer"))) {
            throw new IllegalStateException("the discovery document at " + discovery + " names the issuer " + doc.get("issuer")
                    + ", not " + config.issuer());
        }
        this.authorizationEndpoint = endpoint(doc, "authorization_endpoint", discovery).orElseThrow(() -> missing("authorization_endpoint", discovery));
        this.tokenEndpoint = endpoint(doc, "token_endpoint", discovery).orElseThrow(() -> missing("token_endpoint", discovery));
        URI jwks = endpoint(doc, "jwks_uri", discovery).orElseThrow(() -> missing("jwks_uri", discovery));
        this.endSessionEndpoint = endpoint(doc, "end_session_endpoint", discovery);
        try {
            this.keys = JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), new DefaultResourceRetriever(5_000, 5_000, 256 * 1024))
                    .retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the provider's jwks_uri is not a URL: " + jwks, e);
        }
    }

    private static IllegalStateException missing(String name, URI discovery) {
        return new IllegalStateException("the discovery document at " + discovery + " has no " + name);
    }

    private static Optional<URI> endpoint(Map<String, Object> doc, String name, URI discovery) {
        Object v = doc.get(name);
        if (v == null) {
            return Optional.empty();
        }
        URI u;
        try {
            u = URI.create(v.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the discovery document at " + discovery + " has a malformed " + name + ": " + v, e);
        }
        boolean loopback = u.getHost() != null && Dashboard.isLoopback(u.getHost());
        if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
            throw new IllegalStateException("the provider's " + name + " must use https (http only on loopback), was " + u);
        }
        return Optional.of(u);
    }

    /** The origins (scheme, host, port) the browser is sent to: for the pages' {@code form-action} policy. */
    Set<String> origins() {
        Set<String> out = new java.util.TreeSet<>();
        out.add(origin(authorizationEndpoint));
        endSessionEndpoint.ifPresent(u -> out.add(origin(u)));
        return out;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** Where the browser goes to sign in (section 3.1.2.1), with PKCE's S256 challenge of {@code verifier}. */
    URI authorizationRequest(URI redirectUri, String state, String nonce, String verifier) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", String.join(" ", config.scopes()));
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", SignedTokens.challenge(verifier));
        q.put("code_challenge_method", "S256");
        return withQuery(authorizationEndpoint, q);
    }

    /** Where the browser goes to end the provider's session too, when the provider offers it (RP-Initiated Logout 1.0). */
    Optional<URI> endSession(String idToken, URI postLogoutRedirect) {
        return endSessionEndpoint.map(e -> {
            Map<String, String> q = new LinkedHashMap<>();
            if (!idToken.isEmpty()) {
                q.put("id_token_hint", idToken);
            }
            q.put("client_id", config.clientId());
            q.put("post_logout_redirect_uri", postLogoutRedirect.toString());
            return withQuery(e, q);
        });
    }

    private static URI withQuery(URI endpoint, Map<String, String> q) {
        String s = endpoint.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + form(q));
    }

    private static String form(Map<String, String> q) {
        return q.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** What a successful sign-in yields: the staff claim's value and the raw ID token (for the logout hint). */
    record SignedIn(String staff, String idToken) {}

    /**
     * Exchanges the authorization code at the token endpoint (with the PKCE verifier) and validates the ID token.
     *
     * @throws Dashboard.Refused 403 with the reason when the provider refuses the code or the ID token is not valid
     */
    SignedIn redeem(String code, URI redirectUri, String verifier, String nonce) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri.toString());
        f.put("code_verifier", verifier);
        f.put("client_id", config.clientId());
        HttpRequest.Builder req = HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(f)));
        config.clientSecret().ifPresent(secret -> req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> answer;
        int status;
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            answer = JSONObjectUtils.parse(r.body());
        } catch (IOException | ParseException e) {
            throw new Dashboard.Refused(503, "sign-in failed: the identity provider's token endpoint could not be read ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Dashboard.Refused(503, "sign-in interrupted");
        }
        if (status != 200 || !(answer.get("id_token") instanceof String idToken)) {
            Object error = answer.get("error");
            throw new Dashboard.Refused(403, "sign-in refused: the identity provider did not accept the authorization code ("
                    + (error == null ? "HTTP " + status : error) + "); sign in again");
        }
        JWTClaimsSet claims = validate(idToken, nonce);
        Object staff = claims.getClaim(config.staffClaim());
        if (!(staff instanceof String s) || s.isBlank()) {
            throw new Dashboard.Refused(403, "sign-in refused: the ID token has no " + config.staffClaim() + " claim (the staff id)");
        }
        return new SignedIn(s, idToken);
    }

    /** The claims of a valid ID token for this sign-in's {@code nonce}; a {@link Dashboard.Refused} 403 otherwise. */
    JWTClaimsSet validate(String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        Set<JWSAlgorithm> algorithms = config.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(Set.of(config.clientId()),
                new JWTClaimsSet.Builder().issuer(config.issuer().toString()).build(), Set.of("sub", "exp", "iat", "nonce"), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) config.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = p.process(idToken, null);
        } catch (ParseException e) {
            throw new Dashboard.Refused(403, "sign-in refused: the ID token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new Dashboard.Refused(403, "sign-in refused: the ID token is not valid (" + e.getMessage() + ")");
        }
        if (!SignedTokens.same(nonce, claims.getClaim("nonce") instanceof String n ? n : null)) {
            throw new Dashboard.Refused(403, "sign-in refused: the ID token's nonce is not the one of this sign-in (a replayed token)");
        }
        List<String> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !config.clientId().equals(azp)) {
            throw new Dashboard.Refused(403, "sign-in refused: the ID token was issued to another client (azp)");
        }
        return claims;
    }
}

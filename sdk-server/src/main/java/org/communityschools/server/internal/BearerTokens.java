package org.communityschools.server.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityschools.core.model.StaffId;
import org.communityschools.server.Identity;
import org.jspecify.annotations.Nullable;

/**
 * Verifies OAuth 2.0 bearer tokens (RFC 6750) that are JWTs, with Nimbus JOSE+JWT: the signature with a key the
 * identity provider publishes (fetched from its JWKS, cached, fetched again when a token names an unknown key id so
 * that rotation works), an allowed asymmetric algorithm (unsigned {@code alg: none} tokens and HMAC are refused), the
 * issuer, the audience, {@code exp} (required) and {@code nbf}. Thread-safe.
 */
final class BearerTokens {
    /** The least time between two forced fetches of the keys (after a signature failed with a known key id). */
    private static final java.time.Duration REFETCH_INTERVAL = java.time.Duration.ofSeconds(30);

    private final Identity identity;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicReference<@Nullable DefaultJWTProcessor<SecurityContext>> processor =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile java.time.@Nullable Instant lastRefetch;
    /** Tokens verified before, with who they name and the instants they are valid within (a bounded cache). */
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    /** The most verified tokens remembered; when full, the memory is emptied. */
    static final int MAX_VERIFIED = 10_000;
    /** How long a verified token is taken without checking its signature again (at most until it expires). */
    static final java.time.Duration REVERIFY_AFTER = java.time.Duration.ofSeconds(60);

    private record Verified(Caller caller, java.time.Instant notBefore, java.time.Instant expires) {}

    BearerTokens(Identity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
        if (!identity.isInsecureDemo()) {
            processor.set(newProcessor());
        }
    }

    /**
     * A processor with a fresh key cache. Nimbus fetches the keys again by itself when a token names an unknown key id
     * (the usual rotation); a provider that rotates its key under the same key id is met by {@link #authenticate}
     * building a new processor once, at most every {@link #REFETCH_INTERVAL}.
     */
    private DefaultJWTProcessor<SecurityContext> newProcessor() {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(identity.jwksUri().orElseThrow().toURL(),
                            new DefaultResourceRetriever(2_000, 2_000, 256 * 1024))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS address is not a URL: " + identity.jwksUri().orElseThrow(), e);
        }
        Set<JWSAlgorithm> algorithms = identity.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(identity.audience().orElseThrow()),
                new JWTClaimsSet.Builder().issuer(identity.issuer().orElseThrow()).build(),
                Set.of("exp"), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) identity.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private JWTClaimsSet verify(String token) throws ParseException, BadJOSEException, JOSEException {
        DefaultJWTProcessor<SecurityContext> p = java.util.Objects.requireNonNull(processor.get());
        try {
            return p.process(token, null);
        } catch (com.nimbusds.jose.proc.BadJWSException e) {
            java.time.Instant now = clock.instant();
            java.time.Instant last = lastRefetch;
            if (last != null && now.isBefore(last.plus(REFETCH_INTERVAL))) {
                throw e;
            }
            lastRefetch = now;
            DefaultJWTProcessor<SecurityContext> fresh = newProcessor();
            processor.set(fresh);
            // the provider's keys changed under a known key id: tokens verified with the old key are checked again
            verified.clear();
            return fresh.process(token, null);
        }
    }

    /** The caller a request's {@code Authorization} header names; 401 when it is missing or the token is refused. */
    Caller authenticate(@Nullable String authorization) {
        if (identity.isInsecureDemo()) {
            return Caller.DEMO;
        }
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("a bearer token is required (Authorization: Bearer <token>)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("the Authorization header must carry a bearer token (RFC 6750)");
        }
        String token = authorization.substring(7).trim();
        Verified known = verified.get(token);
        if (known != null) {
            java.time.Instant now = clock.instant();
            if (!now.isBefore(known.notBefore()) && now.isBefore(known.expires())) {
                return known.caller();
            }
            verified.remove(token);
        }
        JWTClaimsSet claims;
        try {
            claims = verify(token);
        } catch (ParseException e) {
            throw ApiException.unauthorized("the bearer token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw ApiException.unauthorized("the bearer token was refused: " + e.getMessage());
        }
        Optional<String> client = claim(claims, identity.clientClaim());
        Optional<StaffId> staff = claim(claims, identity.staffClaim()).map(s -> {
            try {
                return StaffId.of(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.unauthorized("the token's " + identity.staffClaim() + " claim is not a staff id");
            }
        });
        boolean trusted = client.filter(identity.trustedClients()::contains).isPresent();
        boolean changes = identity.changeScope().filter(scope -> scopes(claims).contains(scope)).isPresent();
        Caller caller = new Caller(staff, client, trusted, changes);
        remember(token, claims, caller);
        return caller;
    }

    /**
     * Remembers a verified token for {@link #REVERIFY_AFTER} at most, and never past its expiry (as the claims verifier
     * allows it: {@code exp} plus the clock skew), so that a client sending the same token again costs a map lookup
     * instead of a signature check. A key the provider withdraws ends the tokens it signed within that minute, or at
     * once when a token with the same key id fails to verify (the forced refetch empties this memory).
     */
    private void remember(String token, JWTClaimsSet claims, Caller caller) {
        if (claims.getExpirationTime() == null) {
            return;
        }
        java.time.Duration skew = identity.clockSkew();
        java.time.Instant expires = claims.getExpirationTime().toInstant().plus(skew);
        java.time.Instant recheck = clock.instant().plus(REVERIFY_AFTER);
        expires = expires.isBefore(recheck) ? expires : recheck;
        java.time.Instant notBefore = claims.getNotBeforeTime() == null ? java.time.Instant.MIN
                : claims.getNotBeforeTime().toInstant().minus(skew);
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, notBefore, expires));
    }

    /** The token's scopes: its {@code scope} claim split at spaces (RFC 9068, 2.2.3) and its {@code scp} array. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> out = new java.util.HashSet<>();
        Object scope = claims.getClaim("scope");
        if (scope instanceof String s) {
            out.addAll(java.util.Arrays.asList(s.trim().split(" +")));
        }
        Object scp = claims.getClaim("scp");
        if (scp instanceof java.util.List<?> list) {
            list.forEach(x -> {
                if (x instanceof String s) {
                    out.add(s);
                }
            });
        } else if (scp instanceof String s) {
            out.addAll(java.util.Arrays.asList(s.trim().split(" +")));
        }
        return out;
    }

    private static Optional<String> claim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(s -> !s.isBlank());
        } catch (ParseException e) {
            throw ApiException.unauthorized("the token's " + name + " claim must be a string");
        }
    }
}

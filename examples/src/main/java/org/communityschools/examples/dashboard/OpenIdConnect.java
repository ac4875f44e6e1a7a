package org.communityschools.examples.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the dashboard signs people in with the district's OpenID Connect provider: the authorization code flow with PKCE
 * (S256), {@code state} and {@code nonce} checked, the ID token's signature verified against the provider's published
 * keys, its issuer, audience (this client id), expiry and nonce checked. The provider's endpoints come from its
 * discovery document ({@code ISSUER/.well-known/openid-configuration}), read when the dashboard starts; the staff id
 * is the {@linkplain Builder#staffClaim staff claim} of the ID token, which must name a staff member of
 * {@code staff.csv}. Sign-out also ends the provider's session when it publishes an {@code end_session_endpoint}
 * (OpenID Connect RP-Initiated Logout 1.0). See docs/dashboard.md. Immutable and thread-safe.
 */
public final class OpenIdConnect {
    private final URI issuer;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String staffClaim;
    private final List<String> scopes;
    private final Set<String> algorithms;
    private final Duration clockSkew;

    private OpenIdConnect(Builder b) {
        this.issuer = b.issuer;
        this.clientId = b.clientId;
        this.clientSecret = Optional.ofNullable(b.clientSecret);
        this.staffClaim = b.staffClaim;
        this.scopes = b.scopes;
        this.algorithms = b.algorithms;
        this.clockSkew = b.clockSkew;
    }

    /** A builder; the issuer and the client id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The issuer identifier: the provider's discovery document is at this address plus {@code /.well-known/openid-configuration}. */
    public URI issuer() {
        return issuer;
    }

    /** This dashboard's client id at the provider: the audience its ID tokens must name. */
    public String clientId() {
        return clientId;
    }

    /** The client secret ({@code client_secret_basic}); empty for a public client, which PKCE alone protects. */
    public Optional<String> clientSecret() {
        return clientSecret;
    }

    /** The ID token claim that carries the staff id of {@code staff.csv}. */
    public String staffClaim() {
        return staffClaim;
    }

    /** The scopes asked for, {@code openid} first. */
    public List<String> scopes() {
        return scopes;
    }

    /** The JWS algorithms an ID token may be signed with, sorted. */
    public Set<String> algorithms() {
        return algorithms;
    }

    /** The clock skew allowed on the ID token's {@code exp} and {@code iat}. */
    public Duration clockSkew() {
        return clockSkew;
    }

    @Override
    public String toString() {
        // never the secret
        return "OpenIdConnect[issuer " + issuer + ", client " + clientId + (clientSecret.isPresent() ? " (confidential)" : " (public)")
                + ", staff claim " + staffClaim + ", scopes " + scopes + "]";
    }

    /** Builds an {@link OpenIdConnect}. Not thread-safe. */
    public static final class Builder {
        private URI issuer;
        private String clientId;
        private String clientSecret;
        private String staffClaim = "staff_id";
        private List<String> scopes = List.of("openid");
        private Set<String> algorithms = Collections.unmodifiableSet(new TreeSet<>(Set.of("ES256", "PS256", "RS256")));
        private Duration clockSkew = Duration.ofSeconds(60);

        private Builder() {}

        /** The issuer identifier, exactly as the provider publishes it; https, or http on loopback (for tests). */
        public Builder issuer(URI issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && issuer.getHost() != null
                    && Dashboard.isLoopback(issuer.getHost()))) {
                throw new IllegalArgumentException("the issuer must use https (http only on loopback), was " + issuer);
            }
            if (issuer.getQuery() != null || issuer.getFragment() != null) {
                throw new IllegalArgumentException("the issuer has no query or fragment (OpenID Connect Discovery 1.0), was " + issuer);
            }
            this.issuer = issuer;
            return this;
        }

        /** This dashboard's client id at the provider. */
        public Builder clientId(String clientId) {
            this.clientId = nonBlank(clientId, "clientId");
            return this;
        }

        /** The client secret of a confidential client (sent as {@code client_secret_basic}); none unless set. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = nonBlank(clientSecret, "clientSecret");
            return this;
        }

        /** The ID token claim that carries the staff id; {@code staff_id} unless set ({@code sub} when the subject is the staff id). */
        public Builder staffClaim(String claim) {
            this.staffClaim = nonBlank(claim, "staffClaim");
            return this;
        }

        /** Scopes to ask for besides {@code openid} (for example {@code profile}, or one the provider needs to release the staff claim). */
        public Builder extraScopes(String... scopes) {
            List<String> out = new java.util.ArrayList<>(List.of("openid"));
            for (String s : scopes) {
                String v = nonBlank(s, "scope");
                if (v.contains(" ")) {
                    throw new IllegalArgumentException("a scope has no spaces, was '" + v + "'");
                }
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
            this.scopes = List.copyOf(out);
            return this;
        }

        /** The JWS algorithms allowed (RFC 7518 names, asymmetric only); ES256, PS256 and RS256 unless set. */
        public Builder algorithms(String... names) {
            Set<String> known = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
            Set<String> out = new TreeSet<>();
            for (String n : names) {
                if (!known.contains(Objects.requireNonNull(n, "algorithm"))) {
                    throw new IllegalArgumentException("an allowed algorithm must be one of " + new TreeSet<>(known) + ", was '" + n + "'");
                }
                out.add(n);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("allow at least one algorithm");
            }
            this.algorithms = Collections.unmodifiableSet(out);
            return this;
        }

        /** The clock skew allowed on {@code exp} and {@code iat}, 0 to 5 minutes; 60 seconds unless set. */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("the clock skew must be between 0 and 5 minutes, was " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /** The configuration; throws {@link IllegalStateException} naming what is missing. */
        public OpenIdConnect build() {
            if (issuer == null || clientId == null) {
                throw new IllegalStateException("an OpenID Connect configuration needs " + (issuer == null ? "issuer(...)" : "")
                        + (issuer == null && clientId == null ? " and " : "") + (clientId == null ? "clientId(...)" : ""));
            }
            return new OpenIdConnect(this);
        }

        private static String nonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}

package org.communityschools.server;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How the decision service authenticates its callers: OAuth 2.0 bearer tokens (RFC 6750) that are JWTs (RFC 7519)
 * signed by the district's identity provider, checked against the keys it publishes (its JWKS), or, for a demonstration
 * on one's own machine only, nobody at all ({@link #insecureDemo()}).
 *
 * <p>A token is accepted when its signature verifies with a published key whose algorithm is allowed (never
 * {@code none}; keys are fetched again when a token names an unknown key id, so the provider may rotate its keys), its
 * {@code iss} is the configured issuer, its {@code aud} contains the configured audience, it has an {@code exp} in the
 * future and any {@code nbf} in the past (allowing {@link Builder#clockSkew the clock skew}).
 *
 * <p>The caller is then either a <b>trusted client</b> (an enforcement point such as a student information system,
 * named by the {@link Builder#clientClaim client claim}, by default {@code azp}, and listed in
 * {@link Builder#trustedClients}), which may ask about any staff member, or a <b>user</b>, whose staff id is the
 * {@link Builder#staffClaim staff claim} (by default {@code staff_id}) and who may ask only about themselves.
 *
 * <p>Submitting changes to live district data is a permission of its own: the token must carry the
 * {@link Builder#changeScope change scope} in its {@code scope} claim (a space-separated string, RFC 9068) or its
 * {@code scp} claim (an array); no token has it unless a scope is configured, and neither being a trusted client nor
 * a staff member grants it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Identity {
    private static final Identity INSECURE_DEMO = new Identity(null);

    private final @Nullable Builder settings;

    private Identity(@Nullable Builder settings) {
        this.settings = settings;
    }

    /** {@return a builder of an identity provider configuration; issuer, audience and JWKS address are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No authentication: every caller may ask about any staff member. For a demonstration on one's own machine: a
     * service with this identity refuses to listen beyond the loopback interface, and says so in every response
     * ({@code X-Insecure-Demo: true}).
     *
     * @return the identity that authenticates nobody
     */
    public static Identity insecureDemo() {
        return INSECURE_DEMO;
    }

    /** {@return whether this is the {@linkplain #insecureDemo() insecure demo}} */
    public boolean isInsecureDemo() {
        return settings == null;
    }

    /** {@return the expected issuer ({@code iss}); empty for the insecure demo} */
    public Optional<String> issuer() {
        return settings == null ? Optional.empty() : Optional.of(settings.issuer);
    }

    /** {@return the audience a token must name ({@code aud}); empty for the insecure demo} */
    public Optional<String> audience() {
        return settings == null ? Optional.empty() : Optional.of(settings.audience);
    }

    /**
     * Where the provider publishes its signing keys; empty for the insecure demo.
     *
     * @return the provider's JSON Web Key Set URI; empty for the insecure demo
     */
    public Optional<URI> jwksUri() {
        return settings == null ? Optional.empty() : Optional.of(settings.jwksUri);
    }

    /** {@return the claim that carries a user's staff id} */
    public String staffClaim() {
        return settings == null ? Builder.DEFAULT_STAFF_CLAIM : settings.staffClaim;
    }

    /** {@return the claim that names the client (application) the token was issued to} */
    public String clientClaim() {
        return settings == null ? Builder.DEFAULT_CLIENT_CLAIM : settings.clientClaim;
    }

    /** {@return the clients that may ask about any staff member, sorted} */
    public Set<String> trustedClients() {
        return settings == null ? Set.of() : settings.trustedClients;
    }

    /** {@return the scope a token must carry to submit changes; empty when none is configured (then no token may)} */
    public Optional<String> changeScope() {
        return settings == null ? Optional.empty() : Optional.ofNullable(settings.changeScope);
    }

    /** {@return the JWS algorithms a token may be signed with (RFC 7518 names), sorted} */
    public Set<String> algorithms() {
        return settings == null ? Set.of() : settings.algorithms;
    }

    /** {@return the clock skew allowed when checking {@code exp} and {@code nbf}} */
    public Duration clockSkew() {
        return settings == null ? Duration.ZERO : settings.clockSkew;
    }

    @Override
    public String toString() {
        return settings == null ? "Identity[insecure demo]"
                : "Identity[issuer " + settings.issuer + ", audience " + settings.audience + ", jwks " + settings.jwksUri
                + ", staff claim " + settings.staffClaim + ", trusted clients " + settings.trustedClients
                + (settings.changeScope == null ? "" : ", change scope " + settings.changeScope) + "]";
    }

    /**
     * Builds an {@link Identity}. Each setting is set once (a second call throws {@link IllegalStateException}); issuer,
     * audience and JWKS address are required. Not thread-safe.
     */
    public static final class Builder {
        static final String DEFAULT_STAFF_CLAIM = "staff_id";
        static final String DEFAULT_CLIENT_CLAIM = "azp";
        private static final Set<String> KNOWN_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                "ES256", "ES384", "ES512", "EdDSA");

        private @Nullable String issuer;
        private @Nullable String audience;
        private @Nullable URI jwksUri;
        private String staffClaim = DEFAULT_STAFF_CLAIM;
        private boolean staffClaimSet;
        private String clientClaim = DEFAULT_CLIENT_CLAIM;
        private boolean clientClaimSet;
        private Set<String> trustedClients = Set.of();
        private boolean trustedClientsSet;
        private Set<String> algorithms = Set.of("ES256", "PS256", "RS256");
        private boolean algorithmsSet;
        private Duration clockSkew = Duration.ofSeconds(30);
        private boolean clockSkewSet;
        private @Nullable String changeScope;

        private Builder() {}

        /**
         * The issuer identifier tokens must carry in {@code iss}, exactly as the provider publishes it.
         *
         * @param issuer the issuer identifier tokens must carry in {@code iss}, exactly as the provider publishes it
         * @return this builder
         */
        public Builder issuer(String issuer) {
            once(this.issuer == null, "issuer");
            this.issuer = nonBlank(issuer, "issuer");
            return this;
        }

        /**
         * The audience tokens must name in {@code aud}: this service's identifier at the provider.
         *
         * @param audience the audience tokens must name in {@code aud}
         * @return this builder
         */
        public Builder audience(String audience) {
            once(this.audience == null, "audience");
            this.audience = nonBlank(audience, "audience");
            return this;
        }

        /**
         * Where the provider publishes its signing keys (its {@code jwks_uri}); https, or http on loopback for tests.
         *
         * @param jwksUri the provider's JSON Web Key Set URI
         * @return this builder
         */
        public Builder jwksUri(URI jwksUri) {
            once(this.jwksUri == null, "jwksUri");
            Objects.requireNonNull(jwksUri, "jwksUri");
            String scheme = jwksUri.getScheme();
            boolean loopback = jwksUri.getHost() != null && (jwksUri.getHost().equals("localhost")
                    || jwksUri.getHost().startsWith("127.") || jwksUri.getHost().equals("[::1]"));
            if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
                throw new IllegalArgumentException("the JWKS address must use https (http only on loopback), was " + jwksUri);
            }
            this.jwksUri = jwksUri;
            return this;
        }

        /**
         * The claim that carries a user's staff id; {@code staff_id} unless set.
         *
         * @param claim the claim that carries a user's staff id
         * @return this builder
         */
        public Builder staffClaim(String claim) {
            once(!staffClaimSet, "staffClaim");
            this.staffClaim = nonBlank(claim, "staffClaim");
            staffClaimSet = true;
            return this;
        }

        /**
         * The claim that names the client the token was issued to; {@code azp} unless set.
         *
         * @param claim the claim that names the client the token was issued to
         * @return this builder
         */
        public Builder clientClaim(String claim) {
            once(!clientClaimSet, "clientClaim");
            this.clientClaim = nonBlank(claim, "clientClaim");
            clientClaimSet = true;
            return this;
        }

        /**
         * The clients (enforcement points) that may ask about any staff member; none unless set.
         *
         * @param clients the clients (enforcement points) that may ask about any staff member
         * @return this builder
         */
        public Builder trustedClients(String... clients) {
            once(!trustedClientsSet, "trustedClients");
            Set<String> out = new TreeSet<>();
            for (String c : clients) {
                out.add(nonBlank(c, "trusted client"));
            }
            this.trustedClients = java.util.Collections.unmodifiableSet(out);
            trustedClientsSet = true;
            return this;
        }

        /**
         * The OAuth 2.0 scope that permits submitting changes to live district data (for example
         * {@code district.changes}, granted by the provider to the SIS's synchronization client only); unset, no token
         * may submit changes.
         *
         * @param scope the scope, printable ASCII without spaces, quotes or backslashes (RFC 6749, 3.3)
         * @return this builder
         */
        public Builder changeScope(String scope) {
            once(this.changeScope == null, "changeScope");
            this.changeScope = nonBlank(scope, "changeScope");
            if (scope.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\' || c >= 0x7f)) {
                throw new IllegalArgumentException("a scope is printable ASCII without spaces, quotes or backslashes (RFC 6749, 3.3)");
            }
            return this;
        }

        /**
         * {@return the JWS algorithms allowed, by RFC 7518 name; ES256, PS256 and RS256 unless set} Never {@code none}
         * or HMAC.
         *
         * @param names the JWS algorithms allowed, by RFC 7518 name
         */
        public Builder algorithms(String... names) {
            once(!algorithmsSet, "algorithms");
            Set<String> out = new TreeSet<>();
            for (String n : names) {
                if (!KNOWN_ALGORITHMS.contains(Objects.requireNonNull(n, "algorithm"))) {
                    throw new IllegalArgumentException("an allowed algorithm must be one of " + new TreeSet<>(KNOWN_ALGORITHMS)
                            + " (asymmetric signatures only), was '" + n + "'");
                }
                out.add(n);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("allow at least one algorithm");
            }
            this.algorithms = java.util.Collections.unmodifiableSet(out);
            algorithmsSet = true;
            return this;
        }

        /**
         * The clock skew allowed on {@code exp} and {@code nbf}, from 0 to 5 minutes; 30 seconds unless set.
         *
         * @param skew the clock skew allowed on {@code exp} and {@code nbf}, from 0 to 5 minutes
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            once(!clockSkewSet, "clockSkew");
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("the clock skew must be between 0 and 5 minutes, was " + skew);
            }
            this.clockSkew = skew;
            clockSkewSet = true;
            return this;
        }

        /** {@return the identity configuration; throws {@link IllegalStateException} naming what is missing} */
        public Identity build() {
            List<String> missing = new java.util.ArrayList<>();
            if (issuer == null) {
                missing.add("issuer(...)");
            }
            if (audience == null) {
                missing.add("audience(...)");
            }
            if (jwksUri == null) {
                missing.add("jwksUri(...)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("an identity provider configuration needs " + String.join(", ", missing));
            }
            Builder copy = new Builder();
            copy.issuer = issuer;
            copy.audience = audience;
            copy.jwksUri = jwksUri;
            copy.staffClaim = staffClaim;
            copy.clientClaim = clientClaim;
            copy.trustedClients = trustedClients;
            copy.algorithms = algorithms;
            copy.clockSkew = clockSkew;
            copy.changeScope = changeScope;
            return new Identity(copy);
        }

        private static void once(boolean unset, String name) {
            if (!unset) {
                throw new IllegalStateException(name + " is already set; set each setting once");
            }
        }

        private static String nonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        @Override
        public String toString() {
            return "Identity.Builder" + Arrays.asList(issuer, audience, jwksUri);
        }
    }
}

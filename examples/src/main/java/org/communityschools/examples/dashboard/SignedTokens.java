package org.communityschools.examples.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived values the dashboard hands to a browser that has no session yet, signed so that it can check them when
 * they come back without keeping anything on the server: the sign-in form's CSRF token, and the cookie that carries
 * an OpenID Connect sign-in's {@code state}, {@code nonce} and PKCE verifier between the redirect to the provider and
 * its callback. A token is {@code base64url(purpose|expiry|payload).base64url(HMAC-SHA256)} under a random 256-bit
 * key made when the dashboard starts (a restart invalidates every token, which costs one more click). The purpose is
 * signed too, so a token issued for one use is refused for another. Thread-safe.
 */
final class SignedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    SignedTokens(Clock clock) {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.clock = clock;
    }

    /** A token for {@code purpose} carrying {@code payload} (no {@code |} in the purpose), valid for {@code ttl}. */
    String issue(String purpose, String payload, Duration ttl) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String body = B64.encodeToString((purpose + "|" + expiry + "|" + payload).getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The payload of a token issued for {@code purpose} by this dashboard and not yet expired; empty otherwise. */
    Optional<String> verify(String purpose, String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        String text;
        try {
            text = new String(B64D.decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // the signature is compared as the text issued: base64url's unused low bits of the last character are not
        // ignored, so no other spelling of the same MAC is accepted
        byte[] expected = B64.encodeToString(mac(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(purpose)) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return clock.instant().getEpochSecond() > expiry ? Optional.empty() : Optional.of(parts[2]);
    }

    /** A random 192-bit value, base64url: session ids, CSRF tokens, {@code state}, {@code nonce}. */
    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** A PKCE code verifier (RFC 7636 section 4.1): 256 random bits, 43 base64url characters. */
    static String codeVerifier() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))) (RFC 7636 section 4.2). */
    static String challenge(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares two tokens in time independent of where they differ; false when {@code given} is null. */
    static boolean same(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}

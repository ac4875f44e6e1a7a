package org.communityschools.privacy.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Checkpoint} signed with a {@link CheckpointKey}: the sequence number and chain hash at the head of a
 * disclosure log, when and on what occasion it was taken, the id of the key, and an HMAC-SHA-256 over all of these.
 * The role of a signed tree head in Certificate Transparency (RFC 6962 section 3.5): kept apart from the log, it
 * shows later that the log still reaches this head with the same history. It holds nothing personal.
 *
 * <p>The MAC is computed over this domain-separated encoding, in ASCII, each value followed by {@code \n}:
 * <pre>
 * org.communityschools.disclosure-checkpoint.v1
 * sequence        (decimal)
 * hash            (64 lower-case hexadecimal digits)
 * at              (Instant.toString, ISO-8601 UTC)
 * occasion        (interval, on-demand, opened, closed)
 * key id
 * </pre>
 * and written as 64 lower-case hexadecimal digits. {@link #toString()} is the checkpoint's line in a checkpoint file,
 * {@code {"seq":12,"hash":"…","at":"…","occasion":"closed","key_id":"…","mac":"…"}}, and {@link #parse} reads it
 * back. Anyone can construct or parse a checkpoint; only {@link #isAuthentic(CheckpointKey)} says whether the key's
 * holder signed it. Immutable and thread-safe.
 *
 * @param head     the sequence number and chain hash at the head of the log
 * @param at       when the checkpoint was taken
 * @param occasion why it was taken
 * @param keyId    the id of the key that signed it
 * @param mac      the HMAC-SHA-256, 64 lower-case hexadecimal digits
 */
public record SignedCheckpoint(Checkpoint head, Instant at, Occasion occasion, String keyId, String mac) {
    /** The domain-separation line that starts every signed encoding. */
    public static final String DOMAIN = "org.communityschools.disclosure-checkpoint.v1";

    private static final Pattern LINE = Pattern.compile("\\{\"seq\":(\\d{1,18}),\"hash\":\"([0-9a-f]{64})\","
            + "\"at\":\"([0-9T:.Z+-]{1,40})\",\"occasion\":\"([a-z-]{1,20})\",\"key_id\":\"([A-Za-z0-9._-]{1,64})\","
            + "\"mac\":\"([0-9a-f]{64})\"}");

    /** Why a checkpoint was taken. */
    public enum Occasion {
        /** Every N entries, as configured on the sink. */
        INTERVAL,
        /** On request: {@link DisclosureSink#writeCheckpoint()}, {@link DisclosureLogs#writeCheckpoint}. */
        ON_DEMAND,
        /** A sink opened the log and is about to append after this head. */
        OPENED,
        /**
         * A sink closed the log at this head. Nothing may follow it unless a later {@link #OPENED} checkpoint records
         * that a sink reopened the log: lines after a closing checkpoint are reported as
         * {@link LogDefect.Kind#APPENDED_AFTER_CLOSE}.
         */
        CLOSED;

        /** {@return the occasion's name in the encoding: lower case, '-' for '_'} */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Occasion ofLabel(String label) {
            for (Occasion o : values()) {
                if (o.label().equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("occasion must be interval, on-demand, opened or closed, was '" + label + "'");
        }
    }

    /**
     * Checks the values' forms (not the MAC: see {@link #isAuthentic}).
     *
     * @param head the sequence number and chain hash at the head of the log
     * @param at when the checkpoint was taken
     * @param occasion why it was taken
     * @param keyId the id of the key that signed it
     * @param mac the HMAC-SHA-256, 64 lower-case hexadecimal digits
     */
    public SignedCheckpoint {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
        CheckpointKey.checkKeyId(keyId);
        if (!mac.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("mac must be 64 lower-case hexadecimal digits");
        }
    }

    /**
     * Signs {@code head} under {@code key}.
     *
     * @param head the head of the log
     * @param at the instant the checkpoint states
     * @param occasion why it is signed
     * @param key the key to sign with
     * @return the signed checkpoint
     */
    public static SignedCheckpoint sign(Checkpoint head, Instant at, Occasion occasion, CheckpointKey key) {
        Objects.requireNonNull(key, "key");
        String mac = HexFormat.of().formatHex(key.mac(encoding(head, at, occasion, key.keyId())));
        return new SignedCheckpoint(head, at, occasion, key.keyId(), mac);
    }

    /**
     * Whether {@code key} signed this checkpoint: the key ids match and the MAC matches the encoding of the values
     * (compared in constant time).
     *
     * @param key a key
     * @return true when {@code key} signed this checkpoint
     */
    public boolean isAuthentic(CheckpointKey key) {
        Objects.requireNonNull(key, "key");
        if (!keyId.equals(key.keyId())) {
            return false;
        }
        byte[] expected = key.mac(encoding(head, at, occasion, keyId));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(mac));
    }

    private static byte[] encoding(Checkpoint head, Instant at, Occasion occasion, String keyId) {
        return (DOMAIN + "\n" + head.sequence() + "\n" + head.hash() + "\n" + at + "\n" + occasion.label() + "\n"
                + keyId + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The checkpoint's line in a checkpoint file, without its line end; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return "{\"seq\":" + head.sequence() + ",\"hash\":\"" + head.hash() + "\",\"at\":\"" + at + "\",\"occasion\":\""
                + occasion.label() + "\",\"key_id\":\"" + keyId + "\",\"mac\":\"" + mac + "\"}";
    }

    /**
     * Reads a line written by {@link #toString()}, exactly: the members in that order, no white space.
     *
     * @param line a line of a checkpoint store
     * @return the checkpoint
     * @throws IllegalArgumentException saying which rule the line breaks
     */
    public static SignedCheckpoint parse(String line) {
        Objects.requireNonNull(line, "line");
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("a checkpoint is one JSON object {\"seq\",\"hash\",\"at\",\"occasion\","
                    + "\"key_id\",\"mac\"} in this order without white space");
        }
        SignedCheckpoint c;
        try {
            c = new SignedCheckpoint(new Checkpoint(Long.parseLong(m.group(1)), m.group(2)), Instant.parse(m.group(3)),
                    Occasion.ofLabel(m.group(4)), m.group(5), m.group(6));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be an ISO-8601 UTC instant", e);
        }
        if (!c.toString().equals(line)) {
            throw new IllegalArgumentException("the checkpoint is not in canonical form (seq without leading zeros, "
                    + "at as Instant.toString writes it)");
        }
        return c;
    }
}

package org.communityschools.privacy.disclosure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key that signs {@linkplain SignedCheckpoint checkpoints} of a disclosure log with HMAC-SHA-256
 * (RFC 2104, FIPS 198-1), and the id that names it in each checkpoint. The host keeps the key apart from the log and
 * from the checkpoints: whoever holds it can sign any head. A key has at least {@value #MINIMUM_KEY_BYTES} bytes
 * (256 bits, the output size of SHA-256, as RFC 2104 section 3 recommends) and is not one repeated byte. Immutable
 * and thread-safe; {@link #toString()} shows the key id only.
 */
public final class CheckpointKey {
    /** The shortest key accepted, in bytes. */
    public static final int MINIMUM_KEY_BYTES = 32;

    private final String keyId;
    private final SecretKeySpec key;

    private CheckpointKey(String keyId, SecretKeySpec key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * A key from its bytes.
     *
     * @param keyId 1–64 letters, digits, dots, hyphens or underscores; names the key, never contains it
     * @param key   at least {@value #MINIMUM_KEY_BYTES} random bytes (copied)
     * @return the key
     * @throws IllegalArgumentException when the key id is malformed or the key too short or one repeated byte
     */
    public static CheckpointKey of(String keyId, byte[] key) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        checkKeyId(keyId);
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("a checkpoint key needs at least " + MINIMUM_KEY_BYTES
                    + " bytes (256 bits), had " + key.length);
        }
        boolean trivial = true;
        for (byte b : key) {
            trivial &= b == key[0];
        }
        if (trivial) {
            throw new IllegalArgumentException("a checkpoint key must be random, not one repeated byte");
        }
        return new CheckpointKey(keyId, new SecretKeySpec(key.clone(), "HmacSHA256"));
    }

    /**
     * A key from a key file: one line holding the key in hexadecimal (at least 64 digits) or base64 (RFC 4648, at
     * least 44 characters), such as the output of {@code openssl rand -base64 32}. White space around it is ignored.
     *
     * @param keyId 1–64 letters, digits, dots, hyphens or underscores; names the key, never contains it
     * @param file the key file
     * @return the key
     * @throws IllegalArgumentException  naming the file and the rule when the file's content is not such a key
     * @throws DisclosureLogException    when the file cannot be read
     */
    public static CheckpointKey fromFile(String keyId, Path file) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new DisclosureLogException("no key file at " + file, e);
        } catch (IOException e) {
            throw new DisclosureLogException("cannot read the key file " + file
                    + " (it must be ASCII: the key in hexadecimal or base64)", e);
        }
        byte[] key;
        if (text.matches("([0-9a-fA-F]{2})+")) {
            key = HexFormat.of().parseHex(text);
        } else {
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key file " + file + " line 1 must hold the key in hexadecimal "
                        + "or base64, and nothing else");
            }
        }
        try {
            return of(keyId, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key file " + file + " line 1: " + e.getMessage(), e);
        }
    }

    /** Checks the form of a key id: 1–64 letters, digits, '.', '-' or '_'. */
    static void checkKeyId(String keyId) {
        if (!keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a key id is 1-64 letters, digits, '.', '-' or '_', was '" + keyId + "'");
        }
    }

    /** {@return the id that names this key in the checkpoints it signs} */
    public String keyId() {
        return keyId;
    }

    /** HMAC-SHA-256 of {@code message} under this key. */
    byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointKey[" + keyId + "]";
    }
}

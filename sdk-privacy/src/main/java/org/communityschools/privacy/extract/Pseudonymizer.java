package org.communityschools.privacy.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.communityschools.core.internal.write.CsvFileWriter;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * Makes the research id that replaces a student id in an extract (34 CFR 99.31(b)(2): a record
 * code not derived from personal information in a way others can reproduce). There are exactly two ways, and no way
 * to configure a plain hash of the student id (which anyone can recompute over all ids):
 * <ul>
 *   <li>{@link #hmacSha256(String, byte[])}: HMAC-SHA-256 under a per-project secret key of at least 128 bits, the
 *       first 128 bits of the MAC as 32 hex digits; the key id is recorded in the manifest so the district can
 *       re-link with the key it keeps. The same key always gives the same research id; another key another id.</li>
 *   <li>{@link #randomTokens()}: a fresh random 128-bit token per student, and a crosswalk (student id to token)
 *       that the district keeps and never sends ({@link #writeCrosswalk(Path)}).</li>
 * </ul>
 * Thread-safe. The key never leaves the object ({@link #toString()} shows only the method and key id).
 */
public final class Pseudonymizer {
    /** How research ids are made. There is deliberately no plain-hash method. */
    public enum Method {
        /** HMAC-SHA-256 under a per-project key (RFC 2104, FIPS 198-1), truncated to 128 bits. */
        HMAC_SHA_256,
        /** A random 128-bit token per student with a crosswalk the district keeps. */
        RANDOM_TOKEN
    }

    /** The smallest key accepted: 16 bytes (128 bits). */
    public static final int MINIMUM_KEY_BYTES = 16;

    private static final HexFormat HEX = HexFormat.of();

    private final Method method;
    private final Optional<String> keyId;
    private final @Nullable SecretKeySpec key;
    private final @Nullable SecureRandom random;
    private final Map<StudentId, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    private Pseudonymizer(Method method, Optional<String> keyId, @Nullable SecretKeySpec key, @Nullable SecureRandom random) {
        this.method = method;
        this.keyId = keyId;
        this.key = key;
        this.random = random;
    }

    /**
     * HMAC-SHA-256 research ids under {@code key}, recorded as {@code keyId}.
     *
     * @param keyId 1–64 letters, digits, dots, hyphens or underscores; names the key, never contains it
     * @param key   the per-project secret, at least {@value #MINIMUM_KEY_BYTES} bytes and not one repeated byte
     * @return the pseudonymizer
     * @throws IllegalArgumentException when the key is too short or trivial, or the key id malformed
     */
    public static Pseudonymizer hmacSha256(String keyId, byte[] key) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        if (!keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a key id is 1-64 letters, digits, '.', '-' or '_', was '" + keyId + "'");
        }
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("an HMAC key needs at least " + MINIMUM_KEY_BYTES + " bytes (128 bits), had "
                    + key.length + "; a short or empty key makes the research id a plain hash anyone can recompute");
        }
        boolean trivial = true;
        for (byte b : key) {
            trivial &= b == key[0];
        }
        if (trivial) {
            throw new IllegalArgumentException("an HMAC key must be random, not one repeated byte");
        }
        return new Pseudonymizer(Method.HMAC_SHA_256, Optional.of(keyId), new SecretKeySpec(key.clone(), "HmacSHA256"), null);
    }

    /**
     * Random-token research ids from a new {@link SecureRandom}.
     *
     * @return the pseudonymizer
     */
    public static Pseudonymizer randomTokens() {
        return randomTokens(new SecureRandom());
    }

    /**
     * Random-token research ids from {@code random} (a seeded generator only in tests).
     *
     * @param random the source of the tokens
     * @return the pseudonymizer
     */
    public static Pseudonymizer randomTokens(SecureRandom random) {
        return new Pseudonymizer(Method.RANDOM_TOKEN, Optional.empty(), null, Objects.requireNonNull(random, "random"));
    }

    /** {@return the method} */
    public Method method() {
        return method;
    }

    /** {@return the key id, present exactly for {@link Method#HMAC_SHA_256}} */
    public Optional<String> keyId() {
        return keyId;
    }

    /**
     * {@return the research id of {@code student}: 32 lower-case hex digits (128 bits)}
     *
     * @param student the student
     */
    public String pseudonym(StudentId student) {
        Objects.requireNonNull(student, "student");
        if (method == Method.HMAC_SHA_256) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] out = mac.doFinal(student.value().getBytes(StandardCharsets.UTF_8));
                return HEX.formatHex(out, 0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
            }
        }
        return tokens.computeIfAbsent(student, s -> {
            while (true) {
                byte[] b = new byte[16];
                Objects.requireNonNull(random).nextBytes(b);
                String token = HEX.formatHex(b);
                if (issued.add(token)) {
                    return token;
                }
            }
        });
    }

    /**
     * The crosswalk from student id to research id, for the district to keep: every token issued so far, in student
     * id order. Empty for HMAC ids (the district re-links with its key).
     *
     * @return each student id and its research id
     */
    public Map<StudentId, String> crosswalk() {
        Map<StudentId, String> out = new LinkedHashMap<>();
        tokens.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(StudentId::value)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Writes the crosswalk as CSV ({@code student_id,research_id}) for the district to keep apart from the extract.
     * A student id a spreadsheet would run as a formula (or one starting with {@code '}) is written with {@code '} in
     * front ({@link org.communityschools.core.data.CsvCells#neutralize}); a program re-linking the ids reads each cell
     * back with {@link org.communityschools.core.data.CsvCells#restore}. Refuses to overwrite an existing file.
     *
     * @param file the file to write
     */
    public void writeCrosswalk(Path file) {
        Objects.requireNonNull(file, "file");
        if (method != Method.RANDOM_TOKEN) {
            throw new IllegalStateException("only random-token research ids have a crosswalk; HMAC ids are re-linked with the key");
        }
        StringBuilder sb = new StringBuilder("student_id,research_id\n");
        crosswalk().forEach((s, t) -> CsvFileWriter.appendNeutralizedRow(sb, s.value(), t));
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crosswalk " + file + " (an existing file is never overwritten)", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[" + method + keyId.map(k -> ", key id " + k).orElse("") + "]";
    }
}

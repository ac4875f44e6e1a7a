package org.communityschools.interop.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one rule by which an identifier of another standard becomes a model identifier (1–32 characters, no
 * whitespace): runs of whitespace become {@code _}; an identifier longer than 32 characters keeps its first 23
 * characters, a hyphen and 8 hex digits of its SHA-256, so that it stays unique and recognizable. Used by the Ed-Fi
 * and OneRoster imports; callers report {@code id.shortened} when the result differs in length. Stateless.
 */
public final class Ids {
    private Ids() {}

    /** The model identifier for {@code value}. */
    public static String of(String value) {
        String v = value.strip().replaceAll("\\s+", "_");
        if (v.length() <= 32) {
            return v;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
            return v.substring(0, 23) + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

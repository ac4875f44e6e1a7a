package org.communityschools.privacy.internal.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.EmergencyDetails;
import org.communityschools.privacy.internal.IsoText;

/**
 * The body of a disclosure entry written as bytes into a buffer of the thread, without a Jackson generator, when every
 * text of the entry is plain: printable ASCII ({@code ' '} to {@code '~'}) other than {@code "}, {@code \} and
 * {@code /}, which the generator copies as they are, so that the bytes are the generator's (no escape to decide). An
 * entry with any other character (a non-ASCII purpose, a quote...) is left to the generator: {@link #write} answers
 * -1. Every disclosed view appends an entry, and creating a generator for it was a third of the entry's hashing.
 * Not thread-safe: one instance per thread.
 */
final class PlainBody {
    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] KIND_AT = ascii("\",\"kind\":\"disclosure\",\"at\":\"");
    private static final byte[] REQUESTER = ascii("\",\"requester\":\"");
    private static final byte[] REQUESTER_ORGANIZATION = ascii("\",\"requester_organization\":\"");
    private static final byte[] STUDENT = ascii("\",\"student\":\"");
    private static final byte[] FIELDS = ascii("\",\"fields\":[");
    private static final byte[] PURPOSE = ascii("],\"purpose\":\"");
    private static final byte[] LEGAL_BASIS = ascii("\",\"legal_basis\":\"");
    private static final byte[] AGREEMENT = ascii("\",\"agreement\":\"");
    private static final byte[] CONSENT = ascii("\",\"consent\":\"");
    private static final byte[] FERPA_RECORD = ascii("\",\"ferpa_record\":");
    private static final byte[] EMERGENCY = ascii(",\"emergency\":{\"threat\":\"");
    private static final byte[] RECIPIENTS = ascii("\",\"recipients\":[");
    private static final byte[] RECORD_COUNTS = ascii(",\"record_counts\":{");
    private static final byte[] MASKS = ascii(",\"masks\":{");
    private static final byte[] CONTENT_DIGEST = ascii(",\"content_digest\":\"");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private byte[] b = new byte[1024];
    private int n;
    private final char[] text = new char[IsoText.INSTANT_CHARS];

    /** {@return the buffer holding the last body written (its first {@link #write} bytes)} */
    byte[] bytes() {
        return b;
    }

    /**
     * Writes the body of entry {@code seq} after {@code prev} as {@code LogCodec.disclosureBody} does, into
     * {@link #bytes()}.
     *
     * @return the number of bytes written, or -1 when a text is not plain (the buffer then holds nothing of use)
     */
    int write(long seq, String prev, Disclosure d) {
        n = 0;
        raw(SEQ);
        digits(seq);
        raw(PREV);
        if (!plain(prev)) {
            return -1;
        }
        raw(KIND_AT);
        int len = IsoText.instant(d.at(), text);
        if (len < 0) {
            if (!plain(d.at().toString())) {
                return -1;
            }
        } else {
            room(len);
            for (int i = 0; i < len; i++) {
                b[n++] = (byte) text[i];
            }
        }
        raw(REQUESTER);
        boolean ok = plain(d.requester().value());
        raw(REQUESTER_ORGANIZATION);
        ok &= plain(d.requesterOrganization().value());
        raw(STUDENT);
        ok &= plain(d.student().value());
        raw(FIELDS);
        boolean first = true;
        for (FieldPath f : d.fields()) {
            if (!first) {
                one(',');
            }
            first = false;
            ok &= quoted(f.value());
        }
        raw(PURPOSE);
        ok &= plain(d.purpose());
        raw(LEGAL_BASIS);
        ok &= plain(d.legalBasis().name());
        if (d.agreementId().isPresent()) {
            raw(AGREEMENT);
            ok &= plain(d.agreementId().get().value());
        }
        if (d.consentId().isPresent()) {
            raw(CONSENT);
            ok &= plain(d.consentId().get().value());
        }
        raw(FERPA_RECORD);
        raw(d.isFerpaRecord() ? TRUE : FALSE);
        if (d.emergency().isPresent()) {
            EmergencyDetails e = d.emergency().get();
            raw(EMERGENCY);
            ok &= plain(e.threat());
            raw(RECIPIENTS);
            first = true;
            for (String r : e.recipients()) {
                if (!first) {
                    one(',');
                }
                first = false;
                ok &= quoted(r);
            }
            one(']');
            one('}');
        }
        if (!d.recordCounts().isEmpty()) {
            raw(RECORD_COUNTS);
            first = true;
            for (Map.Entry<FieldPath, Integer> c : d.recordCounts().entrySet()) {
                if (!first) {
                    one(',');
                }
                first = false;
                ok &= quoted(c.getKey().value());
                one(':');
                digits(c.getValue().intValue());
            }
            one('}');
        }
        if (!d.masks().isEmpty()) {
            raw(MASKS);
            first = true;
            for (Map.Entry<FieldPath, String> m : d.masks().entrySet()) {
                if (!first) {
                    one(',');
                }
                first = false;
                ok &= quoted(m.getKey().value());
                one(':');
                ok &= quoted(m.getValue());
            }
            one('}');
        }
        if (d.contentDigest().isPresent()) {
            raw(CONTENT_DIGEST);
            ok &= plain(d.contentDigest().get());
            one('"');
        }
        one('}');
        return ok ? n : -1;
    }

    /** Writes {@code s} between quotes; false when it is not plain. */
    private boolean quoted(String s) {
        one('"');
        boolean ok = plain(s);
        one('"');
        return ok;
    }

    /** Writes {@code s} as it is; false (and nothing reliable written) when it is not plain. */
    private boolean plain(String s) {
        int len = s.length();
        room(len);
        byte[] buf = b;
        int at = n;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\' || c == '/') {
                return false;
            }
            buf[at++] = (byte) c;
        }
        n = at;
        return true;
    }

    /** Writes a whole number as {@link Long#toString(long)} does. */
    private void digits(long v) {
        if (v >= 0 && v < 10) {
            one((char) ('0' + v));
            return;
        }
        String s = Long.toString(v);
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            b[n++] = (byte) s.charAt(i);
        }
    }

    private void one(char c) {
        room(1);
        b[n++] = (byte) c;
    }

    private void raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, b, n, bytes.length);
        n += bytes.length;
    }

    private void room(int more) {
        if (n + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

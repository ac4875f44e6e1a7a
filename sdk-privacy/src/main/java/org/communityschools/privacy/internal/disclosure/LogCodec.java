package org.communityschools.privacy.internal.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.EmergencyDetails;
import org.communityschools.privacy.internal.IsoText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a log line and its hash (docs/privacy-disclosure-log.md). A line is the JSON object written
 * here, byte for byte: keys in a fixed order, no white space, UTF-8, Jackson's minimal escaping. Its hash is
 * {@code SHA-256(DOMAIN || body)}, where body is the line without its {@code hash} member; the body holds the previous
 * line's hash in {@code prev}, which makes the chain. Reading a line re-renders it and requires the same text, so no
 * byte of a line can change without detection. Thread-safe.
 */
public final class LogCodec {
    /** The {@code prev} of the first line. */
    public static final String GENESIS = "0".repeat(64);
    /** The domain-separation prefix of every hashed body. */
    public static final String DOMAIN = "org.communityschools.disclosure-log.v1\n";
    /** The longest line accepted when reading, in bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LogCodec() {}

    /** A line read back: its sequence number, links, and either a disclosure or a repair record. */
    public record Line(long seq, String prev, String hash, Optional<Disclosure> disclosure) {}

    /** A line that is not a valid, canonical log line; the message says why without quoting it. */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    /** The body (the line without {@code hash}) of a disclosure entry. */
    public static String disclosureBody(long seq, String prev, Disclosure d) {
        // written straight to the generator, without a tree: the same members in the same order as a tree would give
        // (every view appends at least one entry, so this is on the path of every disclosed view)
        return MAPPER.writeValueAsString(new DisclosureBody(seq, prev, d));
    }

    /**
     * The chain hash of the body of a disclosure entry, {@code hash(disclosureBody(seq, prev, d))}, from the body
     * written once as UTF-8 bytes straight into the digest (for a sink that keeps no text, such as the in-memory one).
     */
    public static String disclosureHash(long seq, String prev, Disclosure d) {
        // an entry is hashed for every disclosed view: the thread's digest and text buffer, reset here, instead of a
        // new digest per entry; a generator straight from the factory, since the body needs no serialization context
        Scratch scratch = SCRATCH.get();
        MessageDigest md = scratch.md;
        md.reset();
        md.update(DOMAIN_BYTES);
        int plain = scratch.plain.write(seq, prev, d);
        if (plain >= 0) {
            // every text plain ASCII: the generator's bytes, written without one (PlainBody)
            md.update(scratch.plain.bytes(), 0, plain);
            return hex(md.digest());
        }
        DigestOutput out = DigestOutput.hashing(md);
        try (JsonGenerator g = out.generator(ObjectWriteContext.empty())) {
            new DisclosureBody(seq, prev, d).write(g, scratch.text);
        }
        return out.hexDigest();
    }

    /**
     * What hashing an entry reuses on a thread: a SHA-256 digest, a buffer for the text of an instant, and the writer
     * of plain bodies.
     */
    private static final class Scratch {
        final MessageDigest md = sha256();
        final char[] text = new char[IsoText.INSTANT_CHARS];
        final PlainBody plain = new PlainBody();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The members of a disclosure entry's body, in their canonical order. */
    private static final class DisclosureBody extends JacksonSerializable.Base {
        /** The members' names and the kind, quoted and encoded once (the generator copies their bytes; the same text). */
        private static final SerializableString N_SEQ = new SerializedString("seq");
        private static final SerializableString N_PREV = new SerializedString("prev");
        private static final SerializableString N_KIND = new SerializedString("kind");
        private static final SerializableString N_AT = new SerializedString("at");
        private static final SerializableString N_REQUESTER = new SerializedString("requester");
        private static final SerializableString N_REQUESTER_ORGANIZATION = new SerializedString("requester_organization");
        private static final SerializableString N_STUDENT = new SerializedString("student");
        private static final SerializableString N_FIELDS = new SerializedString("fields");
        private static final SerializableString N_PURPOSE = new SerializedString("purpose");
        private static final SerializableString N_LEGAL_BASIS = new SerializedString("legal_basis");
        private static final SerializableString N_AGREEMENT = new SerializedString("agreement");
        private static final SerializableString N_CONSENT = new SerializedString("consent");
        private static final SerializableString N_FERPA_RECORD = new SerializedString("ferpa_record");
        private static final SerializableString N_EMERGENCY = new SerializedString("emergency");
        private static final SerializableString N_THREAT = new SerializedString("threat");
        private static final SerializableString N_RECIPIENTS = new SerializedString("recipients");
        private static final SerializableString N_RECORD_COUNTS = new SerializedString("record_counts");
        private static final SerializableString N_MASKS = new SerializedString("masks");
        private static final SerializableString N_CONTENT_DIGEST = new SerializedString("content_digest");
        private static final SerializableString DISCLOSURE = new SerializedString("disclosure");

        private final long seq;
        private final String prev;
        private final Disclosure d;

        DisclosureBody(long seq, String prev, Disclosure d) {
            this.seq = seq;
            this.prev = prev;
            this.d = d;
        }

        @Override
        public void serialize(JsonGenerator g, SerializationContext ctxt) {
            write(g, new char[IsoText.INSTANT_CHARS]);
        }

        /** Writes the body; {@code text} is a buffer of {@link IsoText#INSTANT_CHARS} for the instant. */
        void write(JsonGenerator g, char[] text) {
            g.writeStartObject();
            g.writeName(N_SEQ);
            g.writeNumber(seq);
            string(g, N_PREV, prev);
            g.writeName(N_KIND);
            g.writeString(DISCLOSURE);
            g.writeName(N_AT);
            int n = IsoText.instant(d.at(), text);
            if (n < 0) {
                g.writeString(d.at().toString());
            } else {
                g.writeString(text, 0, n);
            }
            string(g, N_REQUESTER, d.requester().value());
            string(g, N_REQUESTER_ORGANIZATION, d.requesterOrganization().value());
            string(g, N_STUDENT, d.student().value());
            g.writeName(N_FIELDS);
            g.writeStartArray();
            for (FieldPath f : d.fields()) {
                g.writeString(f.value());
            }
            g.writeEndArray();
            string(g, N_PURPOSE, d.purpose());
            string(g, N_LEGAL_BASIS, d.legalBasis().name());
            if (d.agreementId().isPresent()) {
                string(g, N_AGREEMENT, d.agreementId().get().value());
            }
            if (d.consentId().isPresent()) {
                string(g, N_CONSENT, d.consentId().get().value());
            }
            g.writeName(N_FERPA_RECORD);
            g.writeBoolean(d.isFerpaRecord());
            if (d.emergency().isPresent()) {
                EmergencyDetails e = d.emergency().get();
                g.writeName(N_EMERGENCY);
                g.writeStartObject();
                string(g, N_THREAT, e.threat());
                g.writeName(N_RECIPIENTS);
                g.writeStartArray();
                for (String r : e.recipients()) {
                    g.writeString(r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            if (!d.recordCounts().isEmpty()) {
                g.writeName(N_RECORD_COUNTS);
                g.writeStartObject();
                for (var c : d.recordCounts().entrySet()) {
                    g.writeName(c.getKey().value());
                    g.writeNumber(c.getValue().intValue());
                }
                g.writeEndObject();
            }
            if (!d.masks().isEmpty()) {
                g.writeName(N_MASKS);
                g.writeStartObject();
                for (var m : d.masks().entrySet()) {
                    string(g, m.getKey().value(), m.getValue());
                }
                g.writeEndObject();
            }
            if (d.contentDigest().isPresent()) {
                string(g, N_CONTENT_DIGEST, d.contentDigest().get());
            }
            g.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
            serialize(g, ctxt);
        }

        private static void string(JsonGenerator g, SerializableString name, String value) {
            g.writeName(name);
            g.writeString(value);
        }

        private static void string(JsonGenerator g, String name, String value) {
            g.writeName(name);
            g.writeString(value);
        }
    }

    /** The body of a repair record. */
    public static String repairBody(long seq, String prev, Instant at, long droppedBytes, String droppedSha256) {
        ObjectNode n = head(seq, prev, "repair");
        n.put("at", at.toString());
        n.put("dropped_bytes", droppedBytes);
        n.put("dropped_sha256", droppedSha256);
        return MAPPER.writeValueAsString(n);
    }

    private static ObjectNode head(long seq, String prev, String kind) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seq", seq);
        n.put("prev", prev);
        n.put("kind", kind);
        return n;
    }

    /** The chain hash of a body: SHA-256 over the domain prefix and the body's UTF-8 bytes, lower-case hex. */
    public static String hash(String body) {
        MessageDigest md = sha256();
        md.update(DOMAIN_BYTES);
        md.update(body.getBytes(StandardCharsets.UTF_8));
        return hex(md.digest());
    }

    /**
     * A new SHA-256 digest: a clone of a prototype, which costs less than a provider lookup (a digest is made for every
     * appended entry and every disclosed view).
     */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    /** The prototype of {@link #sha256()}, never used itself. */
    private static final MessageDigest SHA_256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lower-case hex of bytes (as {@link HexFormat#of()} writes it; one digest per view and per log entry). */
    public static String hex(byte[] bytes) {
        byte[] out = new byte[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** The line (without its line end) for a body and its hash. */
    public static String line(String body, String hash) {
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /**
     * Reads one line (without its line end) and checks it is canonical and matches its own hash; chaining and
     * sequence are the caller's business.
     */
    public static Line parse(byte[] bytes) throws BadLine {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadLine("invalid UTF-8");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new BadLine("no JSON object");
        }
        if (n == null || !n.isObject()) {
            throw new BadLine("no JSON object");
        }
        long seq = number(n, "seq");
        String prev = hashField(n, "prev");
        String hash = hashField(n, "hash");
        String kind = text(n, "kind");
        String body;
        Optional<Disclosure> disclosure;
        try {
            switch (kind) {
                case "disclosure" -> {
                    Disclosure d = disclosure(n);
                    body = disclosureBody(seq, prev, d);
                    disclosure = Optional.of(d);
                }
                case "repair" -> {
                    body = repairBody(seq, prev, Instant.parse(text(n, "at")), number(n, "dropped_bytes"),
                            hashField(n, "dropped_sha256"));
                    disclosure = Optional.empty();
                }
                default -> throw new BadLine("unknown kind of line");
            }
        } catch (RuntimeException e) {
            throw new BadLine("unreadable: " + e.getClass().getSimpleName());
        }
        if (!line(body, hash).equals(text)) {
            throw new BadLine("not in canonical form");
        }
        if (!hash(body).equals(hash)) {
            throw new BadLine("its hash does not match its content");
        }
        return new Line(seq, prev, hash, disclosure);
    }

    private static Disclosure disclosure(JsonNode n) throws BadLine {
        List<FieldPath> fields = new ArrayList<>();
        JsonNode fs = n.get("fields");
        if (fs == null || !fs.isArray()) {
            throw new BadLine("fields missing");
        }
        for (JsonNode f : fs) {
            fields.add(FieldPath.of(f.stringValue()));
        }
        Optional<EmergencyDetails> emergency = Optional.empty();
        JsonNode em = n.get("emergency");
        if (em != null) {
            List<String> recipients = new ArrayList<>();
            JsonNode rs = em.get("recipients");
            if (rs == null || !rs.isArray()) {
                throw new BadLine("recipients missing");
            }
            for (JsonNode r : rs) {
                recipients.add(r.stringValue());
            }
            emergency = Optional.of(new EmergencyDetails(text(em, "threat"), recipients));
        }
        java.util.TreeMap<FieldPath, Integer> counts = new java.util.TreeMap<>();
        JsonNode rc = n.get("record_counts");
        if (rc != null) {
            if (!rc.isObject()) {
                throw new BadLine("record_counts is not an object");
            }
            for (java.util.Map.Entry<String, JsonNode> e : rc.properties()) {
                if (!e.getValue().isInt()) {
                    throw new BadLine("a record count is not a whole number");
                }
                counts.put(FieldPath.of(e.getKey()), e.getValue().intValue());
            }
        }
        java.util.TreeMap<FieldPath, String> masks = new java.util.TreeMap<>();
        JsonNode ms = n.get("masks");
        if (ms != null) {
            if (!ms.isObject()) {
                throw new BadLine("masks is not an object");
            }
            for (java.util.Map.Entry<String, JsonNode> e : ms.properties()) {
                if (!e.getValue().isString()) {
                    throw new BadLine("a mask is not a string");
                }
                masks.put(FieldPath.of(e.getKey()), e.getValue().stringValue());
            }
        }
        return new Disclosure(Instant.parse(text(n, "at")), StaffId.of(text(n, "requester")),
                OrganizationId.of(text(n, "requester_organization")), StudentId.of(text(n, "student")), fields,
                text(n, "purpose"), LegalBasis.valueOf(text(n, "legal_basis")),
                optionalText(n, "agreement").map(AgreementId::of), optionalText(n, "consent").map(ConsentId::of),
                emergency, counts, masks, optionalText(n, "content_digest"));
    }

    private static String text(JsonNode n, String name) throws BadLine {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            throw new BadLine(name + " missing or not a string");
        }
        return v.stringValue();
    }

    private static Optional<String> optionalText(JsonNode n, String name) throws BadLine {
        return n.has(name) ? Optional.of(text(n, name)) : Optional.empty();
    }

    private static long number(JsonNode n, String name) throws BadLine {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadLine(name + " missing or not an integer");
        }
        return v.longValue();
    }

    private static String hashField(JsonNode n, String name) throws BadLine {
        String v = text(n, name);
        if (!v.matches("[0-9a-f]{64}")) {
            throw new BadLine(name + " is not 64 lower-case hexadecimal digits");
        }
        return v;
    }
}

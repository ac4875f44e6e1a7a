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
import tools.jackson.core.JacksonException;
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
    private static final HexFormat HEX = HexFormat.of();

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
        ObjectNode n = head(seq, prev, "disclosure");
        n.put("at", d.at().toString());
        n.put("requester", d.requester().value());
        n.put("requester_organization", d.requesterOrganization().value());
        n.put("student", d.student().value());
        ArrayNode fields = n.putArray("fields");
        d.fields().forEach(f -> fields.add(f.value()));
        n.put("purpose", d.purpose());
        n.put("legal_basis", d.legalBasis().name());
        d.agreementId().ifPresent(a -> n.put("agreement", a.value()));
        d.consentId().ifPresent(c -> n.put("consent", c.value()));
        n.put("ferpa_record", d.isFerpaRecord());
        d.emergency().ifPresent(e -> {
            ObjectNode em = n.putObject("emergency");
            em.put("threat", e.threat());
            ArrayNode rs = em.putArray("recipients");
            e.recipients().forEach(rs::add);
        });
        if (!d.recordCounts().isEmpty()) {
            ObjectNode rc = n.putObject("record_counts");
            d.recordCounts().forEach((f, c) -> rc.put(f.value(), c.intValue()));
        }
        if (!d.masks().isEmpty()) {
            ObjectNode ms = n.putObject("masks");
            d.masks().forEach((f, t) -> ms.put(f.value(), t));
        }
        d.contentDigest().ifPresent(x -> n.put("content_digest", x));
        return MAPPER.writeValueAsString(n);
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
        return HEX.formatHex(md.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lower-case hex of bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

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

package org.communityschools.core.internal.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.internal.json.RecordCodec;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.RecordKey;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code agreements.json} of a delta directory: the array of agreement versions of the data directory's format, each
 * object with one more key, {@code op}: {@code upsert} (the object is an agreement version, read with every field rule
 * of {@link AgreementsFile}: it adds the version or replaces the version with the same {@code agreement_id} and
 * {@code version}) or {@code delete} (only {@code agreement_id} and {@code version} are read). Each change is located
 * at the line where its object starts; a field rule broken inside an upsert object is reported at that line too.
 * Stateless.
 */
public final class DeltaAgreements {
    private static final String FILE = DataFile.AGREEMENTS.fileName();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The changes read, and the violations (errors reject the delta). */
    public record Read(List<Change> changes, List<Violation> violations) {}

    private DeltaAgreements() {}

    /** Reads {@code file}, accepting the data elements {@code known}. */
    public static Read read(Path file, DataElements known) {
        List<Change> changes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                violations.add(error(p.currentTokenLocation(), RecordCodec.STRUCTURE, Optional.empty(), Optional.empty(),
                        FILE + " must be a JSON array of agreement objects, each with an op"));
                return new Read(changes, violations);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                TokenStreamLocation at = p.currentTokenLocation();
                JsonNode node = p.readValueAsTree();
                if (!(node instanceof ObjectNode object)) {
                    violations.add(error(at, RecordCodec.STRUCTURE, Optional.empty(), Optional.empty(),
                            "each element of " + FILE + " must be an agreement object"));
                    continue;
                }
                element(object, at, known, changes, violations);
            }
        } catch (StreamReadException e) {
            violations.add(error(e.getLocation(), AgreementsFile.SYNTAX, Optional.empty(), Optional.empty(),
                    FILE + " is not well-formed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(changes, violations);
    }

    private static void element(ObjectNode object, TokenStreamLocation at, DataElements known, List<Change> changes,
                                List<Violation> violations) {
        long line = Math.max(0, at.getLineNr());
        JsonNode opNode = object.remove("op");
        String op = opNode != null && opNode.isString() ? opNode.asString() : "";
        ChangeOrigin origin = new ChangeOrigin(FILE, line);
        switch (op) {
            case "upsert" -> {
                AgreementsFile.Result r = AgreementsFile.read(new StringReader("[" + MAPPER.writeValueAsString(object) + "]"),
                        known);
                for (Violation v : r.violations()) {
                    violations.add(new Violation(v.severity(), FILE, line, Math.max(0, at.getColumnNr()), v.field(),
                            v.value(), v.rule(), v.message()));
                }
                if (!r.hasErrors()) {
                    for (AgreementsFile.ParsedAgreement a : r.agreements()) {
                        changes.add(new Change.Upsert(a.agreement(), RecordKey.of(a.agreement()), origin));
                    }
                }
            }
            case "delete" -> {
                JsonNode id = object.get("agreement_id");
                JsonNode version = object.get("version");
                if (id == null || !id.isString() || id.asString().isBlank()) {
                    violations.add(error(at, "field.required", Optional.of("agreement_id"), Optional.empty(),
                            "agreement_id is a key and must be given in a delete"));
                } else if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
                    violations.add(error(at, version == null ? "field.required" : "field.format", Optional.of("version"),
                            Optional.ofNullable(version).map(JsonNode::toString), "version is a key and must be a whole number in a delete"));
                } else {
                    changes.add(new Change.Delete(new RecordKey(DataFile.AGREEMENTS,
                            List.of(id.asString(), Integer.toString(version.intValue()))), origin));
                }
            }
            default -> violations.add(error(at, "delta.op", Optional.of("op"), Optional.ofNullable(opNode).map(JsonNode::toString),
                    "op must be upsert or delete"));
        }
    }

    private static Violation error(TokenStreamLocation at, String rule, Optional<String> field, Optional<String> value,
                                   String message) {
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null || line == 0 ? 0 : Math.max(0, at.getColumnNr());
        return new Violation(Severity.ERROR, FILE, line, column, field, value, rule, message);
    }
}

package org.communityschools.core.internal.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.DataSharingAgreement;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code agreements.json}: a JSON array of agreement objects whose keys are the "columns" of
 * {@link DataFile#AGREEMENTS}, mapped by {@link DomainCodecs#AGREEMENT} (the same mapping as the JSON module).
 * Reading reports every problem as a {@link Violation} located at the offending value (1-based line and column,
 * counted in characters); signatories' names are personal data and appear as {@code <redacted>}. Writing is
 * deterministic: agreements sorted by id then version, set-valued fields sorted, two-space indentation,
 * {@code \n} line ends. Stateless and thread-safe.
 */
public final class AgreementsFile {
    private AgreementsFile() {}

    /** The file name within a district data directory. */
    public static final String FILE_NAME = DataFile.AGREEMENTS.fileName();
    /** Rule code: the file is not well-formed JSON. */
    public static final String SYNTAX = "json.syntax";
    /** Rule code: two agreements have the same id and version. */
    public static final String UNIQUE = "unique.id";
    /** Rule code: the file is not UTF-8. */
    public static final String ENCODING = "json.encoding";
    /** Rule code: the file exceeds a limit of the JSON parser (nesting depth, length of a string or number). */
    public static final String LIMIT = "json.limit";
    /** Rule code: an agreement object (or a signatory in it) has a key that is not part of the format. */
    public static final String UNKNOWN_KEY = "agreement.unknown-key";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer().with(prettyPrinter());

    /** Two-space indentation, {@code "key": value}, {@code \n} line ends on every platform. */
    public static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /**
     * An agreement read from the file with the position of its opening brace.
     *
     * @param agreement the agreement
     * @param line      the 1-based line of its opening {@code {}
     * @param column    the 1-based column of its opening {@code {}
     */
    public record ParsedAgreement(DataSharingAgreement agreement, long line, int column) {
        /** Checks that nothing is missing. */
        public ParsedAgreement {
            Objects.requireNonNull(agreement, "agreement");
        }
    }

    /**
     * What a read found: the valid agreements in file order and every violation (errors and warnings) in file order.
     * An agreement with any error is not among the agreements.
     *
     * @param agreements  the valid agreements
     * @param violations  the problems found
     * @param rejectedIds the agreement ids of the rejected objects whose id could be read (so that their other
     *                    versions can be rejected too)
     */
    public record Result(List<ParsedAgreement> agreements, List<Violation> violations, Set<String> rejectedIds) {
        /** Copies the collections. */
        public Result {
            agreements = List.copyOf(agreements);
            violations = List.copyOf(violations);
            rejectedIds = Set.copyOf(rejectedIds);
        }

        /** A result in which no object was rejected by id. */
        public Result(List<ParsedAgreement> agreements, List<Violation> violations) {
            this(agreements, violations, Set.of());
        }

        /** Whether any violation is an error. */
        public boolean hasErrors() {
            return violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
        }
    }

    /**
     * Reads {@code file} (UTF-8) with the {@link DataElements#standard() standard} data elements, reporting every
     * problem; throws {@link UncheckedIOException} when it cannot be read.
     */
    public static Result read(Path file) {
        return read(file, DataElements.standard());
    }

    /**
     * Reads {@code file} (UTF-8), whose agreements may name the {@code known} data elements, reporting every problem
     * (bytes that are not UTF-8 too, rule {@link #ENCODING}); throws {@link UncheckedIOException} when it cannot be read.
     */
    public static Result read(Path file, DataElements known) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(known, "known");
        try (InputStream in = Files.newInputStream(file)) {
            return read(new StrictUtf8Reader(new BufferedInputStream(in)), known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads UTF-8 JSON from {@code in} (not closed) with the standard data elements, reporting every problem. */
    public static Result read(InputStream in) {
        Objects.requireNonNull(in, "in");
        return read(new StrictUtf8Reader(in), DataElements.standard());
    }

    /** Reads JSON text from {@code reader} (not closed) with the standard data elements, reporting every problem. */
    public static Result read(Reader reader) {
        return read(reader, DataElements.standard());
    }

    /** As {@link #read(Reader)}, accepting {@code known} data elements (a delta directory's agreements). */
    public static Result read(Reader reader, DataElements known) {
        Objects.requireNonNull(reader, "reader");
        RecordCodec<DataSharingAgreement> codec = known.equals(DataElements.standard()) ? DomainCodecs.AGREEMENT
                : DomainCodecs.agreement(known);
        List<Violation> violations = new ArrayList<>();
        List<ParsedAgreement> agreements = new ArrayList<>();
        Set<String> rejectedIds = new HashSet<>();
        try (JsonParser p = MAPPER.createParser(new NonClosingReader(reader))) {
            try {
                readArray(p, codec, violations, agreements, rejectedIds);
            } catch (StreamConstraintsException e) {
                TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                String original = Objects.requireNonNullElse(e.getOriginalMessage(), "");
                String what = original.contains("nesting depth")
                        ? "nests arrays and objects deeper than the parser's limit of "
                                + MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth() + " levels"
                        : "exceeds a limit of the JSON parser (" + original + ")";
                return new Result(List.of(), List.of(violation(Severity.ERROR, LIMIT, at, Optional.empty(), Optional.empty(),
                        FILE_NAME + " " + what + "; nothing is read")));
            }
        } catch (StreamReadException e) {
            Violation syntax = violation(Severity.ERROR, SYNTAX, e.getLocation(), Optional.empty(), Optional.empty(),
                    FILE_NAME + " is not well-formed JSON: " + e.getOriginalMessage());
            return new Result(List.of(), List.of(syntax));
        } catch (JacksonIOException e) {
            if (e.getCause() instanceof StrictUtf8Reader.InvalidEncoding bad) {
                Violation encoding = new Violation(Severity.ERROR, FILE_NAME, bad.line(), bad.column(), Optional.empty(),
                        Optional.empty(), ENCODING, FILE_NAME + " must be encoded in UTF-8; the bytes at line " + bad.line()
                        + ", column " + bad.column() + " are not; nothing is read");
                return new Result(List.of(), List.of(encoding));
            }
            throw new UncheckedIOException(e.getCause());
        }
        return new Result(agreements, violations, rejectedIds);
    }

    /** Reads the array of agreements, adding the valid ones and every violation; an object with any error is left out. */
    private static void readArray(JsonParser p, RecordCodec<DataSharingAgreement> codec, List<Violation> violations,
                                  List<ParsedAgreement> agreements, Set<String> rejectedIds) {
        long[] errors = new long[1];
        Reporter reporter = Reporter.of((severity, rule, location, field, value, message) -> {
            if (severity == Severity.WARNING && rule.equals(RecordCodec.UNKNOWN)) {
                // the CSV files ignore unknown columns; an agreement is a legal text, and a misspelt key would drop a term
                severity = Severity.ERROR;
                rule = UNKNOWN_KEY;
                message = message.replace(" is ignored", " is not part of the agreement format");
            }
            if (severity == Severity.ERROR) {
                errors[0]++;
            }
            violations.add(violation(severity, rule, location, field, value, message));
        });
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            violations.add(violation(Severity.ERROR, RecordCodec.STRUCTURE, p.currentTokenLocation(), Optional.empty(),
                    Optional.empty(), FILE_NAME + " must be a JSON array of agreement objects"));
            return;
        }
        Map<String, ParsedAgreement> seen = new HashMap<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
            TokenStreamLocation start = p.currentTokenLocation();
            long errorsBefore = errors[0];
            DataSharingAgreement a = codec.read(p, reporter, got -> got.value("agreement_id")
                    .ifPresent(id -> rejectedIds.add(((AgreementId) id).value())));
            if (a == null) {
                continue;
            }
            if (errors[0] > errorsBefore) {
                rejectedIds.add(a.id().value());
                continue;
            }
            ParsedAgreement parsed = new ParsedAgreement(a, start.getLineNr(), start.getColumnNr());
            ParsedAgreement first = seen.putIfAbsent(a.id().value() + "\u0000" + a.version(), parsed);
            if (first != null) {
                violations.add(violation(Severity.ERROR, UNIQUE, start, Optional.of("agreement_id"), Optional.of(a.id().value()),
                        "agreement_id and version must be unique: agreement " + a.id() + " version " + a.version()
                                + " is also at line " + first.line()));
                rejectedIds.add(a.id().value());
                continue;
            }
            agreements.add(parsed);
        }
        if (p.nextToken() != null) {
            violations.add(violation(Severity.ERROR, SYNTAX, p.currentTokenLocation(), Optional.empty(), Optional.empty(),
                    "nothing may follow the array of agreements"));
        }
    }

    private static Violation violation(Severity severity, String rule, TokenStreamLocation location, Optional<String> field,
                                       Optional<String> value, String message) {
        long line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null || line == 0 ? 0 : Math.max(0, location.getColumnNr());
        return new Violation(severity, FILE_NAME, line, column, field, value, rule, message);
    }

    /** Writes the agreements to {@code file} (UTF-8), replacing it. */
    public static void write(List<DataSharingAgreement> agreements, Path file) {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(agreements, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the agreements as UTF-8 JSON to {@code out} (flushed, not closed): sorted by id then version, set-valued
     * fields sorted, pretty-printed with {@code \n} line ends and a final newline.
     */
    public static void write(List<DataSharingAgreement> agreements, OutputStream out) {
        Objects.requireNonNull(agreements, "agreements");
        Objects.requireNonNull(out, "out");
        List<DataSharingAgreement> sorted = new ArrayList<>(agreements);
        sorted.sort(Comparator.comparing(DataSharingAgreement::id).thenComparingInt(DataSharingAgreement::version));
        try {
            JsonGenerator g = WRITER.createGenerator(new NonClosingOutputStream(out));
            g.writeStartArray();
            for (DataSharingAgreement a : sorted) {
                DomainCodecs.AGREEMENT.write(a, g);
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    private static final class NonClosingReader extends java.io.FilterReader {
        NonClosingReader(Reader in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the reader
        }
    }

    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}

package org.communityschools.core.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.DataSharingAgreement;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
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
     * @param agreements the valid agreements
     * @param violations the problems found
     */
    public record Result(List<ParsedAgreement> agreements, List<Violation> violations) {
        /** Copies the lists. */
        public Result {
            agreements = List.copyOf(agreements);
            violations = List.copyOf(violations);
        }

        /** Whether any violation is an error. */
        public boolean hasErrors() {
            return violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
        }
    }

    /** Reads {@code file} (UTF-8), reporting every problem; throws {@link UncheckedIOException} when it cannot be read. */
    public static Result read(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads UTF-8 JSON from {@code in} (not closed), reporting every problem. */
    public static Result read(InputStream in) {
        Objects.requireNonNull(in, "in");
        return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Reads JSON text from {@code reader} (not closed), reporting every problem. */
    public static Result read(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        List<Violation> violations = new ArrayList<>();
        List<ParsedAgreement> agreements = new ArrayList<>();
        Reporter reporter = Reporter.of((severity, rule, location, field, value, message) ->
                violations.add(violation(severity, rule, location, field, value, message)));
        try (JsonParser p = MAPPER.createParser(new NonClosingReader(reader))) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                violations.add(violation(Severity.ERROR, RecordCodec.STRUCTURE, p.currentTokenLocation(), Optional.empty(),
                        Optional.empty(), FILE_NAME + " must be a JSON array of agreement objects"));
                return new Result(List.of(), violations);
            }
            Map<String, ParsedAgreement> seen = new HashMap<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                TokenStreamLocation start = p.currentTokenLocation();
                DataSharingAgreement a = DomainCodecs.AGREEMENT.read(p, reporter);
                if (a == null) {
                    continue;
                }
                ParsedAgreement parsed = new ParsedAgreement(a, start.getLineNr(), start.getColumnNr());
                ParsedAgreement first = seen.putIfAbsent(a.id().value() + "\u0000" + a.version(), parsed);
                if (first != null) {
                    violations.add(violation(Severity.ERROR, UNIQUE, start, Optional.of("agreement_id"), Optional.of(a.id().value()),
                            "agreement_id and version must be unique: agreement " + a.id() + " version " + a.version()
                                    + " is also at line " + first.line()));
                    continue;
                }
                agreements.add(parsed);
            }
            if (p.nextToken() != null) {
                violations.add(violation(Severity.ERROR, SYNTAX, p.currentTokenLocation(), Optional.empty(), Optional.empty(),
                        "nothing may follow the array of agreements"));
            }
        } catch (StreamReadException e) {
            Violation syntax = violation(Severity.ERROR, SYNTAX, e.getLocation(), Optional.empty(), Optional.empty(),
                    FILE_NAME + " is not well-formed JSON: " + e.getOriginalMessage());
            return new Result(List.of(), List.of(syntax));
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
        return new Result(agreements, violations);
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

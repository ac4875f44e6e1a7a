package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A valid directory mutated at random (bytes, cells, rows) is either read, giving records that survive writing and
 * reading again unchanged, or refused with violations that each name a file of the directory, a rule and (but for
 * whole-file rules) a line: never another exception. Mutations that RFC 4180 says change nothing (line ends, quoting,
 * a byte order mark) give the same records as the original.
 */
class DirectoryMutationProperties {
    /** Rules about a whole file or a set of rows, reported without a line. */
    private static final List<String> WHOLE_FILE_RULES = List.of("file.unreadable");
    private static final String[] CELL_ALPHABET = {"a", "Z", "7", "-", " ", ",", "\"", "\n", "\r\n", "\u0000", "\t",
            "\u00e9", "\ufeff", "2017-09-08", "S1", "K1", "D1", ""};

    private final DistrictDataReader reader = DistrictDataReader.builder().lenient(false).build();

    @Property(tries = 100)
    void aMutatedDirectoryIsReadConsistentlyOrRefusedWithLocatedErrors(@ForAll("seeds") long seed) throws IOException {
        Path dir = Files.createTempDirectory("mutated");
        try {
            Fixture.valid().writeTo(dir);
            String mutation = mutate(dir, new Random(seed));
            ReadResult read;
            try {
                read = reader.read(dir);
            } catch (DataValidationException e) {
                Statistics.collect("refused");
                assertThat(e.errorCount()).as(mutation).isPositive();
                assertThat(e.violations()).as(mutation).isNotEmpty().allSatisfy(v -> {
                    assertThat(dir.resolve(v.file())).as(v.toString()).isRegularFile();
                    assertThat(v.rule()).as(v.toString()).matches("[a-z-]+(\\.[a-z-]+)+");
                    assertThat(v.line() > 0 || WHOLE_FILE_RULES.contains(v.rule())).as(v.toString()).isTrue();
                    assertThat(v.message()).as(v.toString()).isNotBlank();
                });
                return;
            }
            Statistics.collect("read");
            assertThat(fingerprint(read.data())).as(mutation).isEqualTo(fingerprint(reread(read.data())));
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 20)
    void lineEndsQuotingAndAByteOrderMarkChangeNoRecord(@ForAll("seeds") long seed) throws IOException {
        Path original = Fixture.valid().writeTo(Files.createTempDirectory("original"));
        Path dir = Fixture.valid().writeTo(Files.createTempDirectory("rewritten"));
        try {
            Random random = new Random(seed);
            for (Path file : csvFiles(dir)) {
                String text = Files.readString(file);
                List<String> lines = List.of(text.split("\n"));
                StringBuilder b = new StringBuilder(random.nextBoolean() ? "\ufeff" : "");
                for (String line : lines) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.split(",", -1)) {
                        cells.add(random.nextBoolean() ? "\"" + cell + "\"" : cell);
                    }
                    b.append(String.join(",", cells)).append(random.nextBoolean() ? "\r\n" : "\n");
                }
                Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            }
            assertThat(fingerprint(reader.read(dir).data())).isEqualTo(fingerprint(reader.read(original).data()));
        } finally {
            delete(dir);
            delete(original);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Applies one random mutation of a byte, a cell or a row, and says which. */
    private static String mutate(Path dir, Random random) throws IOException {
        List<Path> files = csvFiles(dir);
        Path file = files.get(random.nextInt(files.size()));
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        switch (random.nextInt(3)) {
            case 0 -> {
                int at = random.nextInt(bytes.length);
                byte[] interesting = {0, '"', ',', '\n', '\r', (byte) 0xff, (byte) 0xc3, (byte) 0x80, '\t', 'x'};
                byte b = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int kind = random.nextInt(4);
                out.write(bytes, 0, at);
                if (kind != 3) {
                    out.write(b);
                }
                int from = kind == 0 ? at : kind == 3 ? bytes.length : at + 1;
                out.write(bytes, Math.min(from, bytes.length), bytes.length - Math.min(from, bytes.length));
                Files.write(file, out.toByteArray());
                return name + ": byte " + at + (kind == 0 ? " inserted " : kind == 3 ? " truncated " : " set to ") + (b & 0xff);
            }
            case 1 -> {
                List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
                int row = random.nextInt(lines.size());
                String[] cells = lines.get(row).split(",", -1);
                int cell = random.nextInt(cells.length);
                StringBuilder value = new StringBuilder();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    value.append(CELL_ALPHABET[random.nextInt(CELL_ALPHABET.length)]);
                }
                boolean quote = random.nextBoolean();
                cells[cell] = quote ? "\"" + value.toString().replace("\"", "\"\"") + "\"" : value.toString();
                lines.set(row, String.join(",", cells));
                Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                return name + ": line " + (row + 1) + " cell " + (cell + 1) + " set to " + (quote ? "quoted " : "")
                        + value.toString().replace("\u0000", "\\0").replace("\n", "\\n").replace("\r", "\\r");
            }
            default -> {
                List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
                int row = random.nextInt(lines.size());
                int other = random.nextInt(lines.size());
                int kind = random.nextInt(3);
                switch (kind) {
                    case 0 -> lines.add(other, lines.get(row));
                    case 1 -> lines.remove(row);
                    default -> {
                        String t = lines.get(row);
                        lines.set(row, lines.get(other));
                        lines.set(other, t);
                    }
                }
                Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                return name + ": line " + (row + 1) + (kind == 0 ? " copied before line " + (other + 1)
                        : kind == 1 ? " removed" : " swapped with line " + (other + 1));
            }
        }
    }

    /** The directory {@code data} writes, as one text: equal texts, equal records. */
    private static String fingerprint(DistrictData data) throws IOException {
        Path dir = Files.createTempDirectory("fingerprint");
        try {
            DistrictDataWriter.write(data, dir);
            StringBuilder b = new StringBuilder();
            for (Path f : csvFiles(dir)) {
                b.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
            return b.toString();
        } finally {
            delete(dir);
        }
    }

    private DistrictData reread(DistrictData data) throws IOException {
        Path dir = Files.createTempDirectory("reread");
        try {
            DistrictDataWriter.write(data, dir);
            return reader.read(dir).data();
        } finally {
            delete(dir);
        }
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

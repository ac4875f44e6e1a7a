package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.communityschools.privacy.publication.CellStatus;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.Release;
import org.communityschools.privacy.publication.ReleaseLedger;
import org.communityschools.privacy.publication.SuppressionEntry;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code publish}: protects any CSV of counts for publication with sdk-privacy's engine (NCES 2011-603): primary
 * and complementary suppression, the exact audit, optionally together with earlier releases in a ledger. A count
 * given as a marker in the input ({@code s}, {@code *}, the preset's markers, or those of {@code --markers}) was
 * suppressed at the source and stays suppressed; any other count that is not a whole number (a negative or a decimal
 * count, a typo) is an error located at its line and column.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Protect a CSV table of counts for publication: small-cell and complementary suppression, audited "
                + "(with --ledger, together with earlier releases). A count given as a marker in the input (s, *, the preset's "
                + "or --markers) stays suppressed; any other count that is not a whole number is an error. Writes the protected table (CSV or JSON) and reports on stderr what was suppressed and why.")
final class PublishCommand implements Callable<Integer> {
    static final String TOTAL = "TOTAL";

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "TABLE.csv", description = "the table of counts (CSV with a header)")
    Path in;

    @Option(names = "--key", required = true, paramLabel = "COLS",
            description = "the key column, or two separated by a comma (rows, then columns of the table)")
    String key;

    @Option(names = "--count", required = true, paramLabel = "COL", description = "the column of counts (numerators)")
    String count;

    @Option(names = "--size", required = true, paramLabel = "COL", description = "the column of group sizes (denominators)")
    String size;

    @Option(names = "--parent", paramLabel = "COL",
            description = "the column naming each row's total (another row's key; empty for a top-level row). "
                    + "Without it the rows are members of a TOTAL row that is added and published")
    Optional<String> parent;

    @Option(names = "--where", paramLabel = "COL=VALUE",
            description = "keep only the input rows whose column has this value; repeat for several values (or) or columns (and)")
    List<String> where = new ArrayList<>();

    @Option(names = "--preset", required = true, description = "nysed, nyc-doe, nyc-doe-attendance or n10")
    String preset;

    @Option(names = "--markers", paramLabel = "M,M", split = ",",
            description = "the values that mark a count suppressed at the source (default: the preset's markers, and * and s); "
                    + "any other count that is not a whole number is an error")
    List<String> markers = new ArrayList<>();

    @Option(names = "--min-size", paramLabel = "N", description = "override the preset's minimum group size n")
    Optional<Integer> minSize;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "audit together with the releases in this ledger (JSON Lines) and add this release to it")
    Optional<Path> ledger;

    @Option(names = "--measure", paramLabel = "TEXT",
            description = "what the table counts, linking it to earlier releases in the ledger (default: COUNT of SIZE)")
    Optional<String> measure;

    @Option(names = "--release-id", paramLabel = "ID", description = "the id of this release in the ledger (default: the output file name)")
    Optional<String> releaseId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the protected table, .csv or .json")
    Path out;

    @Option(names = "--format", description = "csv or json (default: by the extension of --out, else csv)")
    Optional<String> format;

    @Override
    public Integer call() {
        String fmt = format.orElse(out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "json" : "csv");
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, was '" + fmt + "'");
        }
        SuppressionRules rules = SuppressionRules.forName(preset);
        if (minSize.isPresent()) {
            if (minSize.get() < 1) {
                throw new IllegalArgumentException("--min-size must be at least 1, was " + minSize.get());
            }
            SuppressionRules.Builder b = SuppressionRules.builder().name(rules.name() + "-n" + minSize.get())
                    .minimumGroupSize(minSize.get()).minimumCount(rules.minimumCount())
                    .minimumRangeWidth(rules.minimumRangeWidth()).markers(rules.markers())
                    .complementaryOrder(rules.complementaryOrder()).widenUntilProtected(rules.widenUntilProtected());
            rules.rateCoding().ifPresent(b::rateCoding);
            rules = b.build();
        }
        List<String> keys = List.of(key.split(",", -1)).stream().map(String::trim).toList();
        if (keys.size() > 2 || keys.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--key takes one or two column names separated by a comma, was '" + key + "'");
        }
        Map<String, java.util.Set<String>> filters = new LinkedHashMap<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--where takes COL=VALUE, was '" + w + "'");
            }
            filters.computeIfAbsent(w.substring(0, eq), c -> new LinkedHashSet<>()).add(w.substring(eq + 1));
        }
        java.util.Set<String> inputMarkers = new java.util.HashSet<>(markers);
        if (markers.isEmpty()) {
            inputMarkers.addAll(List.of("s", "*", rules.markers().smallGroup(), rules.markers().suppressed()));
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean large = Files.isRegularFile(in) && sizeOf(in) > LARGE_INPUT_BYTES; // progress for large tables only
        if (large) {
            err.println("reading " + in + " (" + sizeOf(in) / 1_000_000 + " MB) ...");
            err.flush();
        }
        Input input = Input.read(in, keys, count, size, parent, filters, inputMarkers);
        CountTable table = input.table();
        String m = measure.orElse(count + " of " + size);
        ReleaseLedger before = ledger.map(ReleaseLedger::read).orElse(ReleaseLedger.empty());
        if (large) {
            err.println("protecting " + table.cells().size() + " cells under " + rules.name() + " (a flat table is audited "
                    + "in linear time; other tables are refused past the audit's limit, see docs/publication.md) ...");
            err.flush();
        }
        ProtectedTable result = ledger.isPresent() ? TableProtector.protect(table, rules, before, m)
                : TableProtector.protect(table, rules);
        if (result.status() == ProtectedTable.Status.REFUSED) {
            throw new IllegalArgumentException("the release is refused by the audit: " + String.join("; ", result.refusals()));
        }
        Table output = output(keys, result);
        StringWriter text = new StringWriter();
        output.write(new PrintWriter(text), fmt);
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        for (SuppressionEntry e : result.report()) {
            err.println("suppressed " + label(e.key().row(), e.key().column(), keys.size()) + ": " + e.reason()
                    + ", could be " + e.range().lower() + " to " + e.range().upper());
        }
        err.println(result.report().size() + " of " + result.cells().size() + " cells suppressed under " + rules.name()
                + (table.withheld().isEmpty() ? "" : " (" + table.withheld().size() + " already suppressed in the input)")
                + "; wrote " + out);
        if (ledger.isPresent()) {
            String id = releaseId.orElse(out.getFileName().toString());
            before.with(Release.of(id, m, result)).write(ledger.get());
            err.println("recorded release '" + id + "' of '" + m + "' in " + ledger.get());
        }
        err.flush();
        return 0;
    }

    /** Inputs above this size get progress lines on stderr. */
    private static final long LARGE_INPUT_BYTES = 1_000_000;

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the read that follows reports the problem with its location
        }
    }

    private static String label(String row, String column, int keys) {
        return keys == 1 ? row : row + "/" + column;
    }

    private static Table output(List<String> keys, ProtectedTable result) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(List.of("count", "group_size", "percent"));
        Table t = new Table(columns);
        for (ProtectedCell c : result.cells()) {
            List<Object> row = new ArrayList<>();
            row.add(c.key().row());
            if (keys.size() == 2) {
                row.add(c.key().column());
            }
            String marker = c.marker().orElse("");
            if (c.status() == CellStatus.PUBLISHED) {
                row.add(c.count().orElseThrow());
                row.add(c.groupSize().orElseThrow());
                row.add(c.rate().map(r -> r.toPercentString(1)).orElse(""));
            } else {
                row.add(marker);
                row.add(c.status() == CellStatus.SUPPRESSED ? marker : c.groupSize().orElseThrow());
                row.add(marker);
            }
            t.add(row.toArray());
        }
        return t;
    }

    /** The input file read into a table. */
    record Input(CountTable table) {
        static Input read(Path file, List<String> keys, String countColumn, String sizeColumn, Optional<String> parentColumn,
                Map<String, java.util.Set<String>> filters, java.util.Set<String> markers) {
            List<List<String>> rows = CsvInput.read(file);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty file, a header is needed");
            }
            List<String> header = rows.get(0);
            int rk = column(file, header, keys.get(0), "--key");
            int ck = keys.size() == 2 ? column(file, header, keys.get(1), "--key") : -1;
            int cc = column(file, header, countColumn, "--count");
            int sc = column(file, header, sizeColumn, "--size");
            int pc = parentColumn.map(p -> column(file, header, p, "--parent")).orElse(-1);
            Map<Integer, java.util.Set<String>> keep = new LinkedHashMap<>();
            filters.forEach((c, values) -> keep.put(column(file, header, c, "--where"), values));
            Map<List<String>, long[]> cells = new LinkedHashMap<>(); // {count or -1 when withheld, size}
            LinkedHashSet<String> rowLabels = new LinkedHashSet<>();
            LinkedHashSet<String> colLabels = new LinkedHashSet<>();
            Map<String, String> parents = new HashMap<>();
            for (int i = 1; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                int line = i + 1;
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException(file + " line " + line + ": " + r.size() + " values for "
                            + header.size() + " columns");
                }
                if (keep.entrySet().stream().anyMatch(f -> !f.getValue().contains(r.get(f.getKey()).trim()))) {
                    continue;
                }
                String rl = r.get(rk).trim();
                String cl = ck < 0 ? "count" : r.get(ck).trim();
                if (rl.isEmpty() || cl.isEmpty() || rl.equals(TOTAL) || cl.equals(TOTAL)) {
                    throw new IllegalArgumentException(file + " line " + line + ": a key must be present and not " + TOTAL);
                }
                long sizeValue = number(file, line, sizeColumn, r.get(sc)).orElseThrow(() -> new IllegalArgumentException(
                        file + ":" + line + ":" + (sc + 1) + ": a group size (column " + sizeColumn + ") must be a whole number, was '"
                                + r.get(sc) + "'"));
                Optional<Long> countValue = number(file, line, countColumn, r.get(cc));
                if (countValue.isEmpty() && !markers.contains(r.get(cc).trim())) {
                    throw new IllegalArgumentException(file + ":" + line + ":" + (cc + 1) + ": a count must be a whole number "
                            + "or a marker of a value suppressed at the source (" + String.join(", ", new java.util.TreeSet<>(markers))
                            + "; set them with --markers), was '" + r.get(cc).trim() + "'");
                }
                if (countValue.isPresent() && countValue.get() > sizeValue) {
                    throw new IllegalArgumentException(file + " line " + line + " column " + countColumn
                            + ": the count exceeds the group size (" + countValue.get() + " > " + sizeValue + ")");
                }
                if (cells.put(List.of(rl, cl), new long[] {countValue.orElse(-1L), sizeValue}) != null) {
                    throw new IllegalArgumentException(file + " line " + line + ": key " + rl + (ck < 0 ? "" : "/" + cl)
                            + " appears twice");
                }
                rowLabels.add(rl);
                colLabels.add(cl);
                if (pc >= 0) {
                    String p = r.get(pc).trim();
                    String was = parents.put(rl, p);
                    if (was != null && !was.equals(p)) {
                        throw new IllegalArgumentException(file + " line " + line + ": row " + rl + " has two parents");
                    }
                }
            }
            if (cells.isEmpty()) {
                throw new IllegalArgumentException(file + ": no row to publish" + (filters.isEmpty() ? "" : " matches --where"));
            }
            Dimension rowDim = dimension(file, keys.get(0), rowLabels, pc >= 0 ? parents : null);
            Dimension colDim = ck < 0 ? Dimension.single("measure", "count")
                    : colLabels.size() == 1 ? Dimension.single(keys.get(1), colLabels.iterator().next())
                    : Dimension.flat(keys.get(1), TOTAL, List.copyOf(colLabels));
            return new Input(build(file, rowDim, colDim, cells));
        }

        private static Dimension dimension(Path file, String name, LinkedHashSet<String> labels, Map<String, String> parents) {
            if (parents == null) {
                return Dimension.flat(name, TOTAL, List.copyOf(labels));
            }
            List<String> roots = labels.stream().filter(l -> parents.get(l).isEmpty()).toList();
            for (String l : labels) {
                String p = parents.get(l);
                if (!p.isEmpty() && !labels.contains(p)) {
                    throw new IllegalArgumentException(file + ": row " + l + " names parent '" + p + "', which is no row of the table");
                }
            }
            String root = roots.size() == 1 ? roots.get(0) : TOTAL;
            Dimension.Builder b = Dimension.builder(name, root);
            Map<String, List<String>> members = new HashMap<>(); // in file order; each row added once: linear
            for (String l : labels) {
                if (!l.equals(root)) {
                    members.computeIfAbsent(parents.get(l).isEmpty() ? TOTAL : parents.get(l), k -> new ArrayList<>()).add(l);
                }
            }
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(root));
            int added = 1;
            while (!todo.isEmpty()) {
                String p = todo.poll();
                for (String l : members.getOrDefault(p, List.of())) {
                    b.child(p, l);
                    todo.add(l);
                    added++;
                }
            }
            if (added != labels.size() + (root.equals(TOTAL) ? 1 : 0)) {
                throw new IllegalArgumentException(file + ": the parents of the rows form a cycle");
            }
            return b.build();
        }

        private static CountTable build(Path file, Dimension rows, Dimension cols, Map<List<String>, long[]> cells) {
            int nr = rows.size();
            int nc = cols.size();
            long[][] count = new long[nr][nc];
            long[][] group = new long[nr][nc];
            boolean[][] known = new boolean[nr][nc];
            boolean[][] withheld = new boolean[nr][nc];
            for (Map.Entry<List<String>, long[]> e : cells.entrySet()) {
                int r = rows.indexOf(e.getKey().get(0));
                int c = cols.indexOf(e.getKey().get(1));
                known[r][c] = true;
                withheld[r][c] = e.getValue()[0] < 0;
                count[r][c] = Math.max(0, e.getValue()[0]);
                group[r][c] = e.getValue()[1];
            }
            // totals the input does not hold: the sum of their members, withheld when a member is
            for (int r = nr - 1; r >= 0; r--) {
                for (int c = nc - 1; c >= 0; c--) {
                    if (known[r][c]) {
                        continue;
                    }
                    List<int[]> parts = new ArrayList<>();
                    if (!rows.childrenOf(r).isEmpty()) {
                        for (int k : rows.childrenOf(r)) {
                            parts.add(new int[] {k, c});
                        }
                    } else if (!cols.childrenOf(c).isEmpty()) {
                        for (int k : cols.childrenOf(c)) {
                            parts.add(new int[] {r, k});
                        }
                    } else {
                        throw new IllegalArgumentException(file + ": no row for " + rows.labels().get(r)
                                + (nc == 1 ? "" : "/" + cols.labels().get(c)) + "; every combination of the keys must be present");
                    }
                    long cs = 0;
                    long gs = 0;
                    boolean anyWithheld = false;
                    for (int[] p : parts) {
                        cs += count[p[0]][p[1]];
                        gs += group[p[0]][p[1]];
                        anyWithheld |= withheld[p[0]][p[1]];
                    }
                    known[r][c] = true;
                    withheld[r][c] = anyWithheld;
                    count[r][c] = anyWithheld ? 0 : cs;
                    group[r][c] = gs;
                }
            }
            CountTable.Builder b = CountTable.builder(rows, cols);
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    if (withheld[r][c]) {
                        b.withheld(rows.labels().get(r), cols.labels().get(c), group[r][c]);
                    } else {
                        b.cell(rows.labels().get(r), cols.labels().get(c), count[r][c], group[r][c]);
                    }
                }
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }

        private static int column(Path file, List<String> header, String name, String option) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(file + ": no column '" + name + "' for " + option + "; the header has " + header);
            }
            return i;
        }

        /**
         * A whole number, plain or with thousands separators as published files write them ({@code 1,092}), or empty
         * for anything else (a marker of a value suppressed at the source, such as {@code s}).
         */
        private static Optional<Long> number(Path file, int line, String column, String text) {
            String t = text.trim();
            if (t.matches("[0-9]{1,3}(,[0-9]{3}){1,4}")) {
                t = t.replace(",", "");
            }
            if (!t.matches("[0-9]{1,15}")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(t));
        }
    }
}

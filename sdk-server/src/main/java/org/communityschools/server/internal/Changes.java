package org.communityschools.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.DeltaDirectory;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change submission endpoint: a batch of changes to the live district data in JSON, the rows of a delta directory
 * (docs/data-directory.md, "Delta directories") one change each:
 * {@code {"changes": [{"op": "upsert", "file": "consents.csv", "record": {COLUMN: TEXT, ...}}, {"op": "delete",
 * "file": "student_staff.csv", "record": {KEY COLUMN: TEXT, ...}}]}}, each cell as the text the CSV
 * file would hold. The rows go through the reader's own field rules (they are written as a delta directory and read
 * by {@link DeltaDirectory}), then the batch through the cross-record rules of {@link LiveDistrict#apply}, which
 * journals it and forces it to disk before the answer. A broken rule is a 400 listing every violation located at its
 * change (0-based index), column and rule code, and nothing is applied. Thread-safe (the district serializes writers).
 */
final class Changes {
    /** The most changes one submission may carry. */
    static final int MAX_CHANGES = 10_000;
    /** The origin of a submitted change: {@code changes}, at its 1-based place in the batch. */
    static final String SOURCE = "changes";

    private final LiveDistrict district;

    Changes(LiveDistrict district) {
        this.district = district;
    }

    /** Applies a submission; {@code {"data_version": N, "applied": COUNT}}. */
    ObjectNode submit(Caller caller, ObjectNode request) {
        caller.checkMayChange();
        JsonNode items = request.get("changes");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("changes is required: an array of changes");
        }
        if (items.size() > MAX_CHANGES) {
            throw ApiException.badRequest("changes holds " + items.size() + " items; at most " + MAX_CHANGES + " are accepted");
        }
        List<Violation> errors = new ArrayList<>();
        List<Row> rows = rows((ArrayNode) items, errors);
        if (!errors.isEmpty()) {
            throw rejected(errors, Map.of());
        }
        return apply(read(rows, district.current().data()), Map.of());
    }

    /**
     * Applies a delta directory sent as a zip ({@code application/zip}): its entries are files of the directory
     * (by name, at its root or in one folder; {@code agreements.json} is not read), at most {@link #MAX_UNZIPPED}
     * bytes in all. A violation is located at its {@code file} and {@code line} of the delta directory.
     */
    ObjectNode submitZip(Caller caller, byte[] zip) {
        caller.checkMayChange();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("submitted-delta");
            unzip(zip, dir);
            ChangeBatch batch;
            try {
                batch = DeltaDirectory.read(dir, district.current().data());
            } catch (BatchRejectedException e) {
                throw rejected(e.violations(), null);
            }
            return apply(batch, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** The most bytes the files of a zipped delta directory may hold once unzipped. */
    static final long MAX_UNZIPPED = 64L * 1024 * 1024;

    private static void unzip(byte[] zip, Path dir) throws IOException {
        long total = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                boolean known = java.util.Arrays.stream(DataFile.values())
                        .anyMatch(f -> f != DataFile.AGREEMENTS && f.fileName().equals(name));
                if (!known || e.getName().chars().filter(c -> c == '/').count() > 1) {
                    throw ApiException.badRequest("the zip's entry '" + Requests.clip(e.getName()) + "' is not a CSV "
                            + "file of the district data directory (at the root or in one folder)");
                }
                if (!seen.add(name)) {
                    throw ApiException.badRequest("the zip holds " + name + " twice");
                }
                try (java.io.OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                    byte[] buffer = new byte[65536];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        total += n;
                        if (total > MAX_UNZIPPED) {
                            throw new ApiException(413, "the zip's files hold more than " + MAX_UNZIPPED + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw ApiException.badRequest("the body is not a readable zip file");
        }
        if (seen.isEmpty()) {
            throw ApiException.badRequest("the zip holds no file of the district data directory");
        }
    }

    /** Applies a read batch: journaled and on disk before the answer; 400 listing the cross-record violations. */
    private ObjectNode apply(ChangeBatch batch, Map<String, Integer> indexOf) {
        DistrictVersion v;
        try {
            v = district.apply(batch);
        } catch (BatchRejectedException e) {
            throw rejected(e.violations(), indexOf);
        } catch (UncheckedIOException e) {
            throw new ApiException(503, "the change journal could not be written, so nothing was applied");
        }
        ObjectNode out = Json.object();
        out.put("data_version", v.number());
        out.put("applied", batch.size());
        return out;
    }

    /** One change as a row of its delta file. */
    private record Row(int index, DataFile file, String op, Map<String, String> cells) {}

    private static List<Row> rows(ArrayNode items, List<Violation> errors) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode n = items.get(i);
            if (!n.isObject()) {
                errors.add(error(i, null, "change.shape", "a change must be a JSON object"));
                continue;
            }
            ObjectNode o = (ObjectNode) n;
            String op = text(o.get("op"));
            if (!"upsert".equals(op) && !"delete".equals(op)) {
                errors.add(error(i, "op", "delta.op", "op must be upsert or delete"));
            }
            String name = text(o.get("file"));
            DataFile file = null;
            for (DataFile f : DataFile.values()) {
                if (f != DataFile.AGREEMENTS && f.fileName().equals(name)) {
                    file = f;
                }
            }
            if (file == null) {
                errors.add(error(i, "file", "change.file", "file must name a CSV file of the district data directory "
                        + "such as consents.csv (agreements are changed in code)"));
            }
            JsonNode record = o.get("record");
            if (record == null || !record.isObject()) {
                errors.add(error(i, "record", "change.shape", "record must be a JSON object of column names and cell texts"));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (Map.Entry<String, JsonNode> cell : record.properties()) {
                JsonNode v = cell.getValue();
                if (file != null && !file.columns().contains(cell.getKey())) {
                    errors.add(error(i, cell.getKey(), "change.unknown-column", "'" + Requests.clip(cell.getKey())
                            + "' is not a column of " + file.fileName()));
                } else if (!v.isNull() && !v.isString()) {
                    errors.add(error(i, cell.getKey(), "change.cell-type",
                            "a cell must be a string (the text the CSV file would hold) or null (empty)"));
                } else if (!v.isNull() && v.stringValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                    // the reader's rule; also keeps every change on one line of its delta file
                    errors.add(error(i, cell.getKey(), "field.control-character",
                            cell.getKey() + " must not contain a control character other than tab (such as a line break)"));
                } else {
                    cells.put(cell.getKey(), v.isNull() ? "" : v.stringValue());
                }
            }
            if (file != null && op != null && (op.equals("upsert") || op.equals("delete"))) {
                rows.add(new Row(i, file, op, cells));
            }
        }
        return rows;
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.stringValue() : null;
    }

    /**
     * The rows written as a delta directory (every column of each file, cells quoted) and read back by the reader's
     * field rules, as a batch whose changes are located at their places in the submission.
     */
    private static ChangeBatch read(List<Row> rows, org.communityschools.core.data.DistrictData data) {
        Map<DataFile, List<Row>> byFile = new EnumMap<>(DataFile.class);
        rows.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        Map<String, Integer> indexOf = new HashMap<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("submitted-changes");
            for (Map.Entry<DataFile, List<Row>> e : byFile.entrySet()) {
                DataFile file = e.getKey();
                try (Writer w = Files.newBufferedWriter(dir.resolve(file.fileName()), StandardCharsets.UTF_8)) {
                    w.write("op");
                    for (String c : file.columns()) {
                        w.write(',' + c);
                    }
                    w.write("\r\n");
                    long line = 1;
                    for (Row r : e.getValue()) {
                        line++;
                        indexOf.put(file.fileName() + ":" + line, r.index());
                        w.write(r.op());
                        for (String c : file.columns()) {
                            w.write(',');
                            w.write(quoted(r.cells().getOrDefault(c, "")));
                        }
                        w.write("\r\n");
                    }
                }
            }
            ChangeBatch batch;
            try {
                batch = DeltaDirectory.read(dir, data);
            } catch (BatchRejectedException ex) {
                throw rejected(ex.violations(), indexOf);
            }
            List<Change> located = new ArrayList<>();
            for (Change c : batch.changes()) {
                int index = indexOf.get(c.origin().source() + ":" + c.origin().position());
                ChangeOrigin origin = new ChangeOrigin(SOURCE, index + 1L);
                located.add(c instanceof Change.Upsert u ? new Change.Upsert(u.record(), u.key(), origin)
                        : new Change.Delete(c.key(), origin));
            }
            located.sort(Comparator.comparingLong(c -> c.origin().position()));
            return ChangeBatch.of(located);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static String quoted(String cell) {
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind holds only what the caller sent
        }
    }

    private static Violation error(int index, String field, String rule, String message) {
        return new Violation(Severity.ERROR, SOURCE, index + 1L, 0, java.util.Optional.ofNullable(field),
                java.util.Optional.empty(), rule, message);
    }

    /**
     * A 400 whose JSON body lists every error: {@code {"error": ..., "violations": [{"change": INDEX, "field": COLUMN,
     * "rule": CODE, "message": ...}]}}. A violation is located by {@code indexOf} (file and line of the delta
     * directory), or it already names the submission ({@link #SOURCE} and the 1-based place); with {@code indexOf}
     * null (a zipped delta directory), by {@code "file"} and {@code "line"} instead of {@code "change"}.
     */
    private static ApiException rejected(List<Violation> violations, Map<String, Integer> indexOf) {
        ObjectNode body = Json.object();
        List<Violation> errors = violations.stream().filter(v -> v.severity() == Severity.ERROR).toList();
        body.put("error", errors.size() + " error(s) in the batch of changes; nothing was applied");
        ArrayNode list = body.putArray("violations");
        for (Violation v : errors) {
            ObjectNode o = list.addObject();
            if (indexOf == null) {
                o.put("file", v.file());
                o.put("line", v.line());
                v.field().ifPresent(f -> o.put("field", f));
                o.put("rule", v.rule());
                o.put("message", v.message());
                continue;
            }
            Integer index = v.file().equals(SOURCE) ? Integer.valueOf((int) v.line() - 1) : indexOf.get(v.file() + ":" + v.line());
            if (index != null && index >= 0) {
                o.put("change", index);
            }
            v.field().ifPresent(f -> o.put("field", f));
            o.put("rule", v.rule());
            o.put("message", v.message());
        }
        return ApiException.withJson(400, body.get("error").stringValue(), Json.bytes(body));
    }
}

package org.communityschools.privacy.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.privacy.publication.internal.PriorKnowledge;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tables released so far ({@link Release}s), so that a new table is audited together with them and differencing
 * between releases is caught (NCES 2011-603 on
 * disclosure through multiple releases). Pass it to
 * {@link TableProtector#protect(CountTable, SuppressionRules, ReleaseLedger, String)}, then add the published result
 * with {@link #with(Release)}.
 *
 * <p>Persisted as JSON Lines, one release per line ({@link #read(Path)}, {@link #write(Path)}):
 * <pre>{@code
 * {"id":"2025-01","measure":"chronic absence 2024-25",
 *  "rows":{"name":"Subgroup","labels":["All students","Hispanic"],"parents":[-1,0]},
 *  "columns":{"name":"measure","labels":["count"],"parents":[-1]},
 *  "cells":[44,[0,17]]}
 * }</pre>
 * A cell is its published count, or {@code [lower, upper]}, the range its release's audit left open. The file holds
 * no hidden value, only what readers of the releases already know; keep it with the publications. Immutable and
 * thread-safe.
 */
public final class ReleaseLedger {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ReleaseLedger EMPTY = new ReleaseLedger(List.of());

    private final List<Release> releases;

    private ReleaseLedger(List<Release> releases) {
        this.releases = List.copyOf(releases);
        Set<String> ids = new LinkedHashSet<>();
        for (Release r : this.releases) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("release ids must be unique in a ledger, duplicate '" + r.id() + "'");
            }
        }
    }

    /** {@return the ledger of nothing released yet} */
    public static ReleaseLedger empty() {
        return EMPTY;
    }

    /**
     * {@return a ledger of these releases, in release order; ids must be unique}
     *
     * @param releases the releases
     */
    public static ReleaseLedger of(List<Release> releases) {
        return new ReleaseLedger(Objects.requireNonNull(releases, "releases"));
    }

    /** {@return the releases, oldest first} */
    public List<Release> releases() {
        return releases;
    }

    /**
     * {@return the release with this id}
     *
     * @param id a release id
     */
    public Optional<Release> release(String id) {
        return releases.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * {@return this ledger with {@code release} added last; its id must be new}
     *
     * @param release the new release
     */
    public ReleaseLedger with(Release release) {
        List<Release> all = new ArrayList<>(releases);
        all.add(Objects.requireNonNull(release, "release"));
        return new ReleaseLedger(all);
    }

    /**
     * The joint audit of everything in the ledger: for each release (by id) the range of each of its hidden cells
     * given all releases of its measure together. A range narrower than the one recorded for the release shows that
     * the releases, read together, say more than each alone: a differencing disclosure.
     *
     * @return each release's id and the audited ranges of its hidden cells
     * @throws IllegalArgumentException when releases of one measure contradict each other
     */
    public Map<String, Map<CellKey, AuditedRange>> audit() {
        Map<String, Map<CellKey, AuditedRange>> out = new LinkedHashMap<>();
        releases.forEach(r -> out.put(r.id(), new LinkedHashMap<>()));
        for (String measure : releases.stream().map(Release::measure).distinct().toList()) {
            List<Release> same = releases.stream().filter(r -> r.measure().equals(measure)).toList();
            long[][][] ranges = PriorKnowledge.auditReleases(measure, releases);
            for (int r = 0; r < same.size(); r++) {
                for (int j = 0; j < ranges[r].length; j++) {
                    if (ranges[r][j] != null) {
                        out.get(same.get(r).id()).put(same.get(r).cells().get(j).key(),
                                new AuditedRange(ranges[r][j][0], ranges[r][j][1]));
                    }
                }
            }
        }
        out.replaceAll((id, m) -> java.util.Collections.unmodifiableMap(m));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Reads a ledger file; an absent file is the empty ledger.
     *
     * @param file the ledger file
     * @return the ledger
     */
    public static ReleaseLedger read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            return EMPTY;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release ledger " + file, e);
        }
        List<Release> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(release(MAPPER.readTree(lines.get(i))));
            } catch (JacksonException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
                throw new IllegalArgumentException("release ledger " + file + " line " + (i + 1)
                        + ": not a release (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
        }
        return new ReleaseLedger(out);
    }

    /**
     * Writes the ledger to {@code file} as JSON Lines, replacing it atomically where the file system allows.
     *
     * @param file the ledger file
     */
    public void write(Path file) {
        Objects.requireNonNull(file, "file");
        StringBuilder sb = new StringBuilder();
        for (Release r : releases) {
            sb.append(MAPPER.writeValueAsString(json(r))).append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ledger", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release ledger " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ReleaseLedger" + releases.stream().map(Release::id).toList();
    }

    private static ObjectNode json(Release r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("measure", r.measure());
        n.set("rows", json(r.rows()));
        n.set("columns", json(r.columns()));
        ArrayNode cells = n.putArray("cells");
        for (ReleasedCell c : r.cells()) {
            if (c.isPublished()) {
                cells.add(c.count().orElseThrow());
            } else {
                cells.addArray().add(c.range().lower()).add(c.range().upper());
            }
        }
        return n;
    }

    private static ObjectNode json(Dimension d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", d.name());
        ArrayNode labels = n.putArray("labels");
        d.labels().forEach(labels::add);
        ArrayNode parents = n.putArray("parents");
        for (int i = 0; i < d.size(); i++) {
            parents.add(d.parentOf(i));
        }
        return n;
    }

    private static Release release(JsonNode n) {
        Dimension rows = dimension(field(n, "rows"));
        Dimension columns = dimension(field(n, "columns"));
        JsonNode cells = field(n, "cells");
        List<ReleasedCell> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : cells) {
            CellKey key = CellKey.of(rows.labels().get(i / columns.size()), columns.labels().get(i % columns.size()));
            if (c.isArray()) {
                out.add(new ReleasedCell(key, Optional.empty(), new AuditedRange(c.get(0).longValue(), c.get(1).longValue())));
            } else if (c.isIntegralNumber()) {
                out.add(new ReleasedCell(key, Optional.of(c.longValue()), new AuditedRange(c.longValue(), c.longValue())));
            } else {
                throw new IllegalArgumentException("a cell is a count or [lower, upper]");
            }
            i++;
        }
        return new Release(field(n, "id").stringValue(), field(n, "measure").stringValue(), rows, columns, out);
    }

    private static Dimension dimension(JsonNode n) {
        JsonNode labels = field(n, "labels");
        JsonNode parents = field(n, "parents");
        if (labels.size() == 0 || labels.size() != parents.size() || parents.get(0).intValue() != -1) {
            throw new IllegalArgumentException("a dimension needs labels and parents, the root first");
        }
        Dimension.Builder b = Dimension.builder(field(n, "name").stringValue(), labels.get(0).stringValue());
        for (int i = 1; i < labels.size(); i++) {
            int p = parents.get(i).intValue();
            if (p < 0 || p >= i) {
                throw new IllegalArgumentException("a dimension lists a parent before its members");
            }
            b.child(labels.get(p).stringValue(), labels.get(i).stringValue());
        }
        Dimension d = b.build();
        if (!d.labels().equals(toList(labels))) {
            throw new IllegalArgumentException("a dimension's labels must be in pre-order");
        }
        return d;
    }

    private static List<String> toList(JsonNode labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(l -> out.add(l.stringValue()));
        return out;
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }
}

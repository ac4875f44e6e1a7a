package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Student;
import org.communityschools.interop.DescriptorMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the pages an Ed-Fi ODS/API returned for its change queries (a folder per resource holding the resource pages,
 * {@code deletes*.json} and {@code keyChanges*.json}, and {@code availableChangeVersions.json}) into one
 * {@link ChangeBatch}, mapping every changed record through the {@link Importer} seeded with the district the changes
 * apply to. Key values of deletes and key changes become {@link RecordKey}s by {@link ChangeQueryKeys}. The rules are in
 * docs/interop-edfi.md, "Change queries". Not thread-safe; one reader reads once.
 */
public final class ChangeQueryReader {
    /** The resources whose changes are mapped: the ones that change during the school year. */
    private static final Set<String> SUPPORTED = Set.of("Student", "Staff", "StudentSchoolAssociation", "StudentSchoolAttendanceEvent",
            "StudentEducationOrganizationAssociation", "StaffEducationOrganizationAssignmentAssociation",
            "StaffEducationOrganizationEmploymentAssociation");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private final DescriptorMapping mapping;
    private final DayShare partialDefault;
    private final ReadLimits limits;
    private final Issues issues = new Issues();
    private final Map<String, Long> counts = new TreeMap<>();
    private long highest = -1;
    private Optional<Node> unversioned = Optional.empty();   // the first resource record without a changeVersion

    /** What was read: the batch, the change version to continue after, the warnings and the records read by resource. */
    public record Outcome(ChangeBatch batch, long changeVersion, List<Violation> warnings, Map<String, Long> recordsRead) {}

    private record Page(String resource, String element, Path file, String label) {}

    private record Located(Object record, ChangeOrigin origin) {}

    /**
     * A reader.
     *
     * @param mapping        the descriptor mapping
     * @param partialDefault the share of the day for a Partial event without EventDuration
     * @param limits         the limits of each file
     */
    public ChangeQueryReader(DescriptorMapping mapping, DayShare partialDefault, ReadLimits limits) {
        this.mapping = mapping;
        this.partialDefault = partialDefault;
        this.limits = limits;
    }

    /**
     * Reads {@code dir} against {@code data}.
     *
     * @param applied the highest change version already applied (records at or below it are skipped), -1 for none
     * @throws BatchRejectedException with every error when a file or record breaks a rule; nothing is returned then
     */
    public Outcome read(Path dir, DistrictData data, long applied) {
        List<Page> pages = new ArrayList<>();
        for (Path f : list(dir, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))) {
            if (!f.getFileName().toString().equals("availableChangeVersions.json")) {
                issues.add(Severity.ERROR, f.getFileName().toString(), 0, 0, Optional.empty(), Optional.empty(),
                        "edfi-changes.unsupported-resource", "the pages of a resource go in a folder named after it ("
                                + "students/page-1.json); only availableChangeVersions.json is read beside the folders");
            }
        }
        for (Path folder : list(dir, Files::isDirectory)) {
            String resource = folder.getFileName().toString();
            Optional<String> element = JsonRecords.elementOf(resource + ".json");
            for (Path f : list(folder, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))) {
                String label = resource + "/" + f.getFileName();
                String kind = kind(f);
                if (element.isEmpty() || !supported(element.get())) {
                    issues.add(Severity.ERROR, label, 0, 0, Optional.empty(), Optional.of(resource), "edfi-changes.unsupported-resource",
                            "changes of the resource " + resource + " are not read (" + String.join(", ", supportedResources())
                                    + " are); apply them by a fresh import");
                    continue;
                }
                pages.add(new Page(resource, element.get(), f, label));
            }
        }
        ChangeQueryKeys keys = new ChangeQueryKeys(mapping, data, issues);
        // key changes first: a StudentUniqueId change tells the importer whose record the new id continues
        List<Node> keyChanges = new ArrayList<>();
        pages.stream().filter(p -> kind(p.file()).equals("keyChanges")).forEach(p -> readPage(p, applied, keyChanges::add));
        Map<String, String> renamed = new HashMap<>();
        for (Node n : keyChanges) {
            if (n.name().equals("Student")) {
                Optional<String> before = n.path("OldKeyValues", "StudentUniqueId").flatMap(Node::text);
                Optional<String> now = n.path("NewKeyValues", "StudentUniqueId").flatMap(Node::text);
                if (before.isPresent() && now.isPresent()) {
                    renamed.put(now.get(), before.get());
                }
            }
        }
        Importer importer = new Importer(Importer.Format.JSON, mapping, Optional.empty(), partialDefault, false, limits, issues);
        importer.seed(data, renamed);
        Map<RecordKey, Located> upserts = new LinkedHashMap<>();
        pages.stream().filter(p -> kind(p.file()).equals("page"))
                .sorted(Comparator.comparingInt((Page p) -> p.element().equals("Student") || p.element().equals("Staff") ? 0 : 1))
                .forEach(p -> readPage(p, applied, n -> {
                    for (Object r : importer.mapChanged(n)) {
                        upsert(upserts, r, origin(n));
                    }
                }));
        importer.changedStaff().forEach((id, s) -> upsert(upserts, s, importer.staffNode(id).map(ChangeQueryReader::origin)
                .orElse(new ChangeOrigin("staffs", 0))));
        Map<RecordKey, Change.Delete> deletes = new LinkedHashMap<>();
        for (Node n : keyChanges) {
            Optional<RecordKey> before = keys.of(n.name(), n.child("OldKeyValues").orElse(n));
            Optional<RecordKey> now = keys.of(n.name(), n.child("NewKeyValues").orElse(n));
            if (before.isPresent() && now.isPresent() && !before.equals(now)) {
                delete(deletes, upserts, keys, before.get(), n);
            }
        }
        pages.stream().filter(p -> kind(p.file()).equals("deletes")).forEach(p -> readPage(p, applied, n ->
                keys.of(n.name(), n.child("KeyValues").orElse(n)).ifPresent(k -> delete(deletes, upserts, keys, k, n))));
        available(dir);
        if (issues.errorCount() > 0) {
            throw new BatchRejectedException(issues.sorted().stream().filter(v -> v.severity() == Severity.ERROR).toList());
        }
        List<Change> changes = new ArrayList<>(deletes.values());
        upserts.values().forEach(u -> changes.add(new Change.Upsert(u.record(), RecordKey.of(u.record()), u.origin())));
        return new Outcome(ChangeBatch.of(changes), Math.max(highest, applied),
                issues.sorted().stream().filter(v -> v.severity() == Severity.WARNING).toList(), Map.copyOf(counts));
    }

    /** The ODS/API resource names whose pages are read. */
    public static List<String> supportedResources() {
        return List.of("students", "staffs", "studentSchoolAssociations", "studentSchoolAttendanceEvents",
                "studentEducationOrganizationAssociations", "staffEducationOrganizationAssignmentAssociations",
                "staffEducationOrganizationEmploymentAssociations", "student…ProgramAssociations");
    }

    private static boolean supported(String element) {
        return SUPPORTED.contains(element) || element.startsWith("Student") && element.endsWith("ProgramAssociation");
    }

    private static String kind(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith("deletes") ? "deletes" : name.startsWith("keyChanges") ? "keyChanges" : "page";
    }

    /**
     * Reads a page; a record's changeVersion counts towards the highest, and a record already applied is skipped. A
     * delete or key change must have one; a resource record may lack it (then it is applied whatever was applied
     * before, and the window's newest change version must be given by availableChangeVersions.json).
     */
    private void readPage(Page p, long applied, java.util.function.Consumer<Node> consumer) {
        JsonRecords.read(p.file(), p.label(), Optional.of(p.element()), x -> true, n -> {
            Optional<Node> cv = n.child("ChangeVersion");
            if (cv.isEmpty() && kind(p.file()).equals("page")) {
                unversioned = unversioned.or(() -> Optional.of(n));
                counts.merge(p.resource(), 1L, Long::sum);
                consumer.accept(n);
                return;
            }
            long version;
            try {
                version = Long.parseLong(cv.flatMap(Node::text).orElseThrow());
            } catch (RuntimeException e) {
                issues.error(cv.orElse(n), "edfi-changes.change-version", cv.flatMap(Node::text),
                        "each delete and key change must have its changeVersion, a whole number (a resource record may omit it)");
                return;
            }
            highest = Math.max(highest, version);
            if (version <= applied) {
                return;
            }
            counts.merge(p.resource() + (kind(p.file()).equals("page") ? "" : "/" + kind(p.file())), 1L, Long::sum);
            consumer.accept(n);
        }, issues, limits);
    }

    /** A changed record; a later one with the same key replaces it (one event per student, school and day: the longer absence). */
    private void upsert(Map<RecordKey, Located> upserts, Object record, ChangeOrigin origin) {
        RecordKey key = RecordKey.of(record);
        Located before = upserts.get(key);
        if (before != null && record instanceof AttendanceRecord a && before.record() instanceof AttendanceRecord b) {
            issues.add(Severity.WARNING, origin.source(), origin.position(), 0, Optional.empty(), Optional.of(a.date().toString()),
                    "attendance.events-merged", "two events of one student at school " + a.schoolId() + " on " + a.date()
                            + " are merged into one record: the one missing the larger share of the day");
            if (a.duration().compareTo(b.duration()) <= 0) {
                return;
            }
        }
        if (before != null && !(record instanceof Student) && !(record instanceof AttendanceRecord)) {
            issues.add(Severity.ERROR, origin.source(), origin.position(), 0, Optional.empty(), Optional.empty(), "change.repeated-key",
                    "two changed records have the key " + key + " (the other at " + before.origin() + ")");
        }
        upserts.remove(key);
        upserts.put(key, new Located(record, origin));
    }

    /** A delete of a record the district holds; one an upsert of the batch replaces, or one the district lacks, is left out. */
    private void delete(Map<RecordKey, Change.Delete> deletes, Map<RecordKey, Located> upserts, ChangeQueryKeys keys, RecordKey key, Node n) {
        if (upserts.containsKey(key) || deletes.containsKey(key)) {
            return;
        }
        if (!keys.exists(key)) {
            issues.warning(n, "edfi-changes.delete-absent", Optional.empty(), "the deleted record " + key
                    + " is not in the district (never imported, or merged with another event of the day); nothing to delete");
            return;
        }
        deletes.put(key, new Change.Delete(key, origin(n)));
    }

    /** {@code students/page-1.json#/3}, at the line of the record's opening brace. */
    static ChangeOrigin origin(Node n) {
        return new ChangeOrigin(n.file() + "#" + n.label(), Math.max(n.line(), 0));
    }

    /** {@code availableChangeVersions.json}: the newest change version of the window the pages were asked for. */
    private void available(Path dir) {
        Path f = dir.resolve("availableChangeVersions.json");
        if (!Files.isRegularFile(f)) {
            unversioned.ifPresent(n -> issues.error(n, "edfi-changes.change-version", Optional.empty(), "a record without its "
                    + "changeVersion needs availableChangeVersions.json beside the folders, whose newestChangeVersion is the version "
                    + "the window is applied at"));
            return;
        }
        try {
            JsonNode v = new ObjectMapper().readTree(f.toFile()).get("newestChangeVersion");
            if (v == null || !v.canConvertToLong()) {
                issues.add(Severity.ERROR, "availableChangeVersions.json", 1, 1, Optional.of("/newestChangeVersion"), Optional.empty(),
                        "edfi-changes.change-version", "availableChangeVersions.json must have newestChangeVersion, a whole number");
                return;
            }
            if (highest > v.asLong()) {
                issues.add(Severity.ERROR, "availableChangeVersions.json", 1, 1, Optional.of("/newestChangeVersion"),
                        Optional.of(Long.toString(v.asLong())), "edfi-changes.beyond-newest", "a record has changeVersion " + highest
                                + ", after the newest change version of the window");
            }
            highest = Math.max(highest, v.asLong());
        } catch (RuntimeException e) {
            issues.add(Severity.ERROR, "availableChangeVersions.json", 0, 0, Optional.empty(), Optional.empty(), "json.malformed",
                    "availableChangeVersions.json must be a JSON object: " + e.getMessage());
        }
    }

    /** The entries of a folder in natural order ({@code page-2.json} before {@code page-10.json}). */
    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted(Comparator.comparing(ChangeQueryReader::naturalKey)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String naturalKey(Path p) {
        Matcher m = NUMBER.matcher(p.getFileName().toString());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "0".repeat(Math.max(0, 19 - m.group(1).length())) + m.group(1));
        }
        m.appendTail(b);
        return b.toString();
    }
}

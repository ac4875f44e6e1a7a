package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change path and the import path map Ed-Fi alike: for random changes to the Grand Bend sample (absences added,
 * recategorized and deleted, names corrected, teachers assigned), the Ed-Fi API's answers to change queries (the
 * records of the changed export that are new, as pages, and the records of the old export that are gone, as
 * deletes; derived by comparing the two exports as an ODS/API would log them) applied to the district give the same
 * records as importing the changed export.
 */
class EdFiChangeQueriesProperties {
    static final DistrictData BASE = EdFiXmlImport.builder().build().read(Path.of("src/test/resources/edfi-grand-bend")).data();
    static final List<AttendanceRecord> ROWS = rows(BASE);
    static final List<Student> STUDENTS = BASE.students();
    static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<List<Integer>> picks() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 6)
    void applyingTheChangeQueriesEqualsImportingTheChangedExport(@ForAll("picks") List<Integer> picks) throws IOException {
        ChangeBatch changes = changes(picks);
        DistrictData after = LiveDistrict.of(BASE).apply(changes).data();
        Path dir = Files.createTempDirectory("edfi-cq");
        try {
            EdFiJsonExport.builder().build().write(BASE, dir.resolve("before"));
            EdFiJsonExport.builder().build().write(after, dir.resolve("after"));
            Path window = dir.resolve("window");
            long version = changeQueries(dir.resolve("before"), dir.resolve("after"), window);

            EdFiChangeQueries.Result r = EdFiChangeQueries.builder().build().read(window, BASE, -1);
            DistrictData applied = LiveDistrict.of(BASE).apply(r.batch()).data();
            DistrictData imported = EdFiJsonImport.builder().build().read(dir.resolve("after")).data();

            assertThat(r.changeVersion()).isEqualTo(version);
            assertThat(r.batch().isEmpty()).isEqualTo(changes.isEmpty());
            assertThat(applied.students()).containsExactlyInAnyOrderElementsOf(imported.students());
            assertThat(applied.enrollments()).containsExactlyInAnyOrderElementsOf(imported.enrollments());
            assertThat(applied.staffAssignments()).containsExactlyInAnyOrderElementsOf(imported.staffAssignments());
            assertThat(applied.studentCharacteristics()).containsExactlyInAnyOrderElementsOf(imported.studentCharacteristics());
            assertThat(rows(applied)).containsExactlyInAnyOrderElementsOf(rows(imported));
            assertThat(rows(applied)).containsExactlyInAnyOrderElementsOf(rows(after));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Changes drawn from the picks: each pick chooses a kind of change and its record. */
    private static ChangeBatch changes(List<Integer> picks) {
        Map<RecordKey, Object> upserts = new LinkedHashMap<>();
        Set<RecordKey> deletes = new HashSet<>();
        for (int p : picks) {
            AttendanceRecord row = ROWS.get(p % ROWS.size());
            Student student = STUDENTS.get(p % STUDENTS.size());
            RecordKey key = RecordKey.of(row);
            switch (p % 4) {
                case 0 -> {
                    if (!upserts.containsKey(key)) {
                        deletes.add(key);
                    }
                }
                case 1 -> {
                    if (!deletes.contains(key)) {
                        upserts.put(key, new AttendanceRecord(row.studentId(), row.schoolId(), row.date(), AttendanceCategory.TARDY,
                                DayShare.ofTenThousandths(1000), Optional.of("late bus")));
                    }
                }
                case 2 -> {
                    Student s = new Student(student.id(), student.firstName(), student.lastName() + "-" + (p % 97), student.birthDate(),
                            student.sex(), student.raceEthnicity(), student.ninthGradeCohort(), student.directoryOptOut());
                    upserts.put(RecordKey.of(s), s);
                }
                default -> newAbsence(student).ifPresent(a -> {
                    if (!deletes.contains(RecordKey.of(a))) {
                        upserts.put(RecordKey.of(a), a);
                    }
                });
            }
        }
        if (picks.get(0) % 3 == 0) {
            StaffAssignment teacher = new StaffAssignment(StaffId.of("207249"), SchoolId.of("255901107"), StaffRole.TEACHER,
                    DateRange.closed(LocalDate.of(2022, 1, 10), Optional.empty()));
            upserts.put(RecordKey.of(teacher), teacher);
        }
        ChangeBatch.Builder b = ChangeBatch.builder();
        deletes.forEach(b::delete);
        upserts.values().forEach(b::upsert);
        return b.build();
    }

    /** An absence of an enrolled student on the first instructional day of the enrollment without a row. */
    private static Optional<AttendanceRecord> newAbsence(Student s) {
        for (Enrollment e : BASE.enrollmentsOf(s.id())) {
            Set<LocalDate> recorded = new HashSet<>();
            BASE.attendance().recordsOf(s.id(), e.schoolId()).forEach(a -> recorded.add(a.date()));
            for (LocalDate d : BASE.calendar(e.schoolId()).days()) {
                if (e.isEnrolledOn(d) && !recorded.contains(d)) {
                    return Optional.of(AttendanceRecord.of(s.id(), e.schoolId(), d, AttendanceCategory.UNEXCUSED_ABSENCE,
                            Optional.empty(), Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The change-query answers an ODS/API would give between two exports: per resource, the records of {@code after}
     * not in {@code before} (a page, each with its changeVersion) and the records of {@code before} not in
     * {@code after} (deletes, the record's values as its key values). Returns the newest change version.
     */
    private static long changeQueries(Path before, Path after, Path window) throws IOException {
        long version = 1000;
        try (Stream<Path> files = Files.list(after)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String resource = name.substring(0, name.length() - ".json".length());
                List<JsonNode> old = records(before.resolve(name));
                List<JsonNode> now = records(f);
                ArrayNode page = JSON.createArrayNode();
                for (JsonNode r : now) {
                    if (!old.contains(r)) {
                        page.add(((ObjectNode) r.deepCopy()).put("changeVersion", ++version));
                    }
                }
                ArrayNode deletes = JSON.createArrayNode();
                for (JsonNode r : old) {
                    if (!now.contains(r)) {
                        ObjectNode d = deletes.addObject();
                        d.put("id", Integer.toHexString(r.hashCode()));
                        d.put("changeVersion", ++version);
                        d.set("keyValues", r);
                    }
                }
                write(window.resolve(resource).resolve("page-1.json"), page);
                write(window.resolve(resource).resolve("deletes-1.json"), deletes);
            }
        }
        Files.createDirectories(window);   // no resource changed: the window holds the versions only
        Files.writeString(window.resolve("availableChangeVersions.json"), "{\"oldestChangeVersion\": 0, \"newestChangeVersion\": " + version + "}");
        return version;
    }

    private static void write(Path file, ArrayNode records) throws IOException {
        if (!records.isEmpty()) {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), records);
        }
    }

    private static List<JsonNode> records(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(file.toFile()).forEach(out::add);
        return out;
    }

    private static List<AttendanceRecord> rows(DistrictData d) {
        List<AttendanceRecord> out = new ArrayList<>();
        d.attendance().forEachRecord(out::add);
        return out;
    }
}

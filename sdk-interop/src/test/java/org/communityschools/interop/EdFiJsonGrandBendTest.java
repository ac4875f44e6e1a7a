package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.OrganizationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Grand Bend, imported from its XML interchange files, exported as Ed-Fi JSON and imported again: the JSON import
 * gives the same district (the acceptance counts: 960 students, 1,917 attendance events merged into 1,916 rows, 21
 * discipline incidents, 25 intervention participants, 3 schools, 1 community organization), and every property the
 * export writes is a field of its resource in the Ed-Fi API field lists (test resources {@code edfi-api-fields/}).
 */
class EdFiJsonGrandBendTest {
    @TempDir
    static Path dir;
    static DistrictData fromXml;
    static EdFiImportResult fromJson;

    @BeforeAll
    static void exportAndImport() {
        fromXml = EdFiXmlImport.builder().build().read(Path.of("src/test/resources/edfi-grand-bend")).data();
        EdFiJsonExport.builder().build().write(fromXml, dir);
        fromJson = EdFiJsonImport.builder().build().read(dir);
    }

    @Test
    void theJsonImportOfTheExportHasTheAcceptanceCountsAndNoErrors() {
        DistrictData d = fromJson.data();
        assertThat(fromJson.errorCount()).isZero();
        assertThat(fromJson.recordsRead("Student")).isEqualTo(960);
        assertThat(d.students()).hasSize(960);
        assertThat(d.attendance().size()).isEqualTo(1916);
        assertThat(d.behaviorIncidents()).hasSize(21);
        assertThat(d.interventionParticipants()).hasSize(25);
        assertThat(d.schools()).hasSize(3);
        assertThat(d.organizations()).filteredOn(o -> o.type() == OrganizationType.COMMUNITY_ORGANIZATION).hasSize(1);
    }

    @Test
    void theJsonImportEqualsTheXmlImportForEveryResourceBothHave() {
        DistrictData d = fromJson.data();
        assertThat(d.organizations()).containsExactlyInAnyOrderElementsOf(fromXml.organizations());
        assertThat(d.schools()).containsExactlyInAnyOrderElementsOf(fromXml.schools());
        assertThat(d.students()).containsExactlyInAnyOrderElementsOf(fromXml.students());
        assertThat(d.enrollments()).containsExactlyInAnyOrderElementsOf(fromXml.enrollments());
        assertThat(d.studentCharacteristics()).containsExactlyInAnyOrderElementsOf(fromXml.studentCharacteristics());
        assertThat(d.behaviorIncidents()).containsExactlyInAnyOrderElementsOf(fromXml.behaviorIncidents());
        assertThat(d.staff()).containsExactlyInAnyOrderElementsOf(fromXml.staff());
        assertThat(d.staffAssignments()).containsExactlyInAnyOrderElementsOf(fromXml.staffAssignments());
        assertThat(d.interventionParticipants()).containsExactlyInAnyOrderElementsOf(fromXml.interventionParticipants());
        fromXml.calendars().forEach((school, cal) -> assertThat(d.calendars().get(school).days()).isEqualTo(cal.days()));
        List<Object> xmlRows = new ArrayList<>();
        fromXml.attendance().forEachRecord(xmlRows::add);
        List<Object> jsonRows = new ArrayList<>();
        d.attendance().forEachRecord(jsonRows::add);
        assertThat(jsonRows).containsExactlyInAnyOrderElementsOf(xmlRows);
    }

    @Test
    void everyExportedPropertyIsAFieldOfItsResourceInTheEdFiApiFieldLists() throws IOException {
        Map<String, Set<String>> fields = fieldLists();
        assertThat(fields.get("edFi_student")).contains("studentUniqueId", "birthDate").doesNotContain("sexDescriptor");
        assertThat(fields.get("edFi_studentSchoolAttendanceEvent")).contains("sessionReference/sessionName");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            String resource = resource(f.getFileName().toString());
            assertThat(fields).as("field list of %s", resource).containsKey(resource);
            Set<String> paths = new HashSet<>();
            for (JsonNode record : json.readTree(f.toFile())) {
                collect(record, "", paths);
            }
            assertThat(fields.get(resource)).as("fields of %s", resource).containsAll(paths);
        }
    }

    /** {@code studentSchoolAssociations.json} → {@code edFi_studentSchoolAssociation}. */
    static String resource(String file) {
        String base = file.substring(0, file.length() - ".json".length());
        String singular = base.endsWith("ies") ? base.substring(0, base.length() - 3) + "y" : base.substring(0, base.length() - 1);
        return "edFi_" + singular;
    }

    /** Property paths without array indices: {@code studentReference/studentUniqueId}, {@code gradeLevels/gradeLevelDescriptor}. */
    static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, prefix, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
                out.add(path);
                collect(e.getValue(), path, out);
            }
        }
    }

    /** Resource → allowed property paths, from the field lists: {@code - x} at depth 0, {@code   - y} under it, {@code (ref keys: …)} under a reference. */
    static Map<String, Set<String>> fieldLists() throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (String file : List.of("fields-ds-5.0.txt", "fields-supplement.txt")) {
            Set<String> current = null;
            String[] stack = new String[4];
            for (String line : Files.readAllLines(Path.of("src/test/resources/edfi-api-fields", file))) {
                if (line.startsWith("## ")) {
                    current = out.computeIfAbsent(line.substring(3).split(" ")[0], k -> new HashSet<>());
                    continue;
                }
                if (current == null || line.isBlank()) {
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                String body = line.strip();
                if (body.startsWith("- ")) {
                    int depth = indent / 2;
                    String name = body.substring(2).split("[*:\\s\\[]")[0];
                    stack[depth] = depth == 0 ? name : stack[depth - 1] + "/" + name;
                    current.add(stack[depth]);
                } else if (body.startsWith("(ref keys:")) {
                    int depth = indent / 2 - 2;
                    for (String key : body.substring("(ref keys:".length(), body.length() - 1).split(",")) {
                        current.add(stack[depth] + "/" + key.strip().toLowerCase(Locale.ROOT).charAt(0) + key.strip().substring(1));
                    }
                }
            }
        }
        return out;
    }
}

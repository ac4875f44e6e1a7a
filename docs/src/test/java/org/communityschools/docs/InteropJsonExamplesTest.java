package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.interop.DescriptorMapping;
import org.communityschools.interop.EdFiImportResult;
import org.communityschools.interop.EdFiJsonExport;
import org.communityschools.interop.EdFiJsonImport;
import org.communityschools.interop.EdFiXmlImport;
import org.communityschools.interop.OneRosterImport;
import org.communityschools.interop.OneRosterImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ed-Fi JSON examples of docs/interop-edfi.md and the OneRoster example of docs/interop-oneroster.md, compiled and run. */
class InteropJsonExamplesTest {
    @Test
    void exportsEdFiJsonAndImportsItBack(@TempDir Path dir) throws IOException {
        // a district and its school, from the one-school interchange of InteropExamplesTest
        DistrictData data = EdFiXmlImport.builder().build().read(InteropExamplesTest.export(dir).resolve("EducationOrganization.xml")).data();
        Path edfiJson = dir.resolve("edfi-json");

        Map<String, Long> files = EdFiJsonExport.builder()
                .descriptorMapping(DescriptorMapping.defaults())
                .build()
                .write(data, edfiJson);
        EdFiImportResult r = EdFiJsonImport.builder()
                .lenient(false)
                .build()
                .read(edfiJson);

        assertThat(files).containsEntry("schools.json", 1L).containsEntry("localEducationAgencies.json", 1L);
        assertThat(r.data().schools()).isEqualTo(data.schools());
        assertThat(r.data().organizations()).isEqualTo(data.organizations());
    }

    @Test
    void importsAOneRosterExport(@TempDir Path dir) {
        Path source = Path.of("..", "sdk-interop", "src", "test", "resources", "oneroster-1.2");
        Path out = dir.resolve("district");

        OneRosterImportResult r = OneRosterImport.builder()
                .lenient(false)
                .build()
                .read(source);
        r.version();
        r.data().studentStaffRelationships();
        OneRosterImport.importToDirectory(source, out);

        assertThat(r.version()).isEqualTo("1.2");
        assertThat(r.data().studentStaffRelationships()).isNotEmpty()
                .allSatisfy(x -> assertThat(x.relationship()).isEqualTo(RelationshipType.TEACHER_OF));
        assertThat(DistrictDataReader.builder().build().read(out).report().errorCount()).isZero();
    }
}

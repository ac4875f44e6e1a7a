package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.EdFiChangeQueries;
import org.communityschools.interop.EdFiXmlImport;
import org.junit.jupiter.api.Test;

/** The change-query example of docs/interop-edfi.md, compiled, run on the Grand Bend change window, and quoted exactly. */
class InteropChangeQueriesExamplesTest {
    @Test
    void appliesAWindowOfChangeQueries() {
        Path resources = Path.of("..", "sdk-interop", "src", "test", "resources");
        DistrictData data = EdFiXmlImport.builder().build().read(resources.resolve("edfi-grand-bend")).data();
        Path edfiChanges = resources.resolve("edfi-changes-grand-bend");
        long applied = -1;
        // tag::changes[]
        LiveDistrict live = LiveDistrict.of(data);                         // or LiveDistrict.builder()...journal(dir)
        EdFiChangeQueries changes = EdFiChangeQueries.builder().build();   // the imports' descriptor mapping
        EdFiChangeQueries.Result r = changes.read(edfiChanges, live.current().data(), applied);
        r.warnings();                                                      // deletes of records never imported, ...
        DistrictVersion v = live.apply(r.batch());                         // whole or not at all
        applied = r.changeVersion();                                       // next: ?minChangeVersion=applied+1
        // end::changes[]
        assertThat(applied).isEqualTo(20496);
        assertThat(v.data().student(StudentId.of("612824"))).isPresent();
        assertThat(changes.read(edfiChanges, v.data(), applied).batch().isEmpty()).isTrue();
        DocPages.assertQuoted("interop-edfi.md", InteropChangeQueriesExamplesTest.class, "changes");
    }
}

package org.communityschools.interop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON reader gives back what a JSON writer wrote: every record in order, every string value as its text, every
 * property under the name the XML binding uses, labelled with its RFC 6901 JSON pointer.
 */
class JsonRecordsProperties {
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> propertyNames() {
        return Arbitraries.strings().withChars("abcXYZ/~_").ofMinLength(1).ofMaxLength(8);
    }

    @Property(tries = 50)
    void everyRecordAndValueIsReadBackAtItsPointer(@ForAll @Size(min = 0, max = 5) List<@net.jqwik.api.From("values") String> ids,
                                                   @ForAll("propertyNames") String extra) throws IOException {
        Path dir = Files.createTempDirectory("json-records");
        try {
            Path file = dir.resolve("students.json");
            try (OutputStream out = Files.newOutputStream(file);
                 JsonGenerator g = JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), out)) {
                g.writeStartArray();
                for (String id : ids) {
                    g.writeStartObject();
                    g.writeStringProperty("studentUniqueId", id);
                    g.writeStringProperty(extra, id);
                    g.writeName("studentReference");
                    g.writeStartObject();
                    g.writeStringProperty("studentUniqueId", id);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            List<Node> read = new ArrayList<>();
            Issues issues = new Issues();
            Optional<String> element = JsonRecords.read(file, name -> true, read::add, issues, org.communityschools.core.data.ReadLimits.defaults());

            assertThat(element).contains("Student");
            assertThat(issues.errorCount()).isZero();
            assertThat(read).hasSameSizeAs(ids);
            String escaped = extra.replace("~", "~0").replace("/", "~1");
            for (int i = 0; i < ids.size(); i++) {
                Node n = read.get(i);
                assertThat(n.label()).isEqualTo("/" + i);
                assertThat(n.child("StudentUniqueId").flatMap(Node::text)).contains(ids.get(i).strip());
                assertThat(n.path("StudentReference", "StudentUniqueId").map(Node::label)).contains("/" + i + "/studentReference/studentUniqueId");
                assertThat(n.child(JsonRecords.elementName(extra)).map(Node::label)).contains("/" + i + "/" + escaped);
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}

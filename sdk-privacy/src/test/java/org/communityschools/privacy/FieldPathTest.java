package org.communityschools.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    @Provide
    Arbitrary<List<String>> segments() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(1)
                .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                        .ofMaxLength(8).map(rest -> first + rest));
        return segment.list().ofMinSize(2).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> nearPaths() {
        return Arbitraries.strings().withChars('a', 'z', 'B', '7', '.', '_', '-', ' ', 'é').ofMaxLength(12);
    }

    @Property
    void wellFormedIsExactlyTheDocumentedGrammar(@ForAll("nearPaths") String text) {
        boolean grammar = text.length() <= FieldPath.MAX_LENGTH && text.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");
        assertThat(FieldPath.isWellFormed(text)).as("'%s'", text).isEqualTo(grammar);
    }

    @Property
    void aPathRoundTripsThroughItsText(@ForAll("segments") List<String> segments) {
        String text = String.join(".", segments);
        FieldPath p = FieldPath.of(text);
        assertThat(FieldPath.of(p.toString())).isEqualTo(p);
        assertThat(p.segments()).isEqualTo(segments);
        assertThat(p.depth()).isEqualTo(segments.size());
        assertThat(p.root()).isEqualTo(segments.get(0));
    }

    @Property
    void aPathIsWithinEachOfItsAncestorsAndItsParentIsOneShorter(@ForAll("segments") List<String> segments) {
        FieldPath p = FieldPath.of(String.join(".", segments));
        for (int k = 2; k <= segments.size(); k++) {
            assertThat(p.isWithin(FieldPath.of(String.join(".", segments.subList(0, k))))).isTrue();
        }
        assertThat(p.parent().map(FieldPath::depth)).isEqualTo(segments.size() > 2
                ? java.util.Optional.of(segments.size() - 1) : java.util.Optional.empty());
    }

    @Test
    void aSiblingWithACommonPrefixIsNotWithin() {
        assertThat(FieldPath.of("attendance.recordsArchive").isWithin(FieldPath.of("attendance.records"))).isFalse();
        assertThat(FieldPath.of("attendance.records").isWithin(FieldPath.of("attendance.records.reason"))).isFalse();
    }

    @Test
    void rejectsTextThatIsNotTwoOrMoreLowerCamelCaseSegments() {
        for (String bad : List.of("attendance", "Attendance.records", "attendance..records", "attendance.records.",
                ".a.b", "a.1b", "a.b c", "a-b.c", "a.b".repeat(1) + ".x".repeat(70))) {
            assertThatThrownBy(() -> FieldPath.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("field path");
        }
    }
}

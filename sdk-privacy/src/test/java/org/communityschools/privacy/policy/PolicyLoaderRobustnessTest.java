package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.privacy.FieldCatalog;

/**
 * The loader fails closed on damaged input: whatever is done to the default policy's text, loading either yields a
 * policy or a {@link PolicyValidationException} whose problems all have a location; never another exception.
 */
class PolicyLoaderRobustnessTest {
    private static final String TEXT = read();

    private static String read() {
        try (InputStream in = Policies.class.getResourceAsStream(Policies.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Edit(int at, int delete, String insert) {
        String apply(String s) {
            int from = Math.min(at, s.length());
            int to = Math.min(s.length(), from + delete);
            return s.substring(0, from) + insert + s.substring(to);
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> inserts = Arbitraries.of("", " ", "\n", "- ", ": ", "[", "]", "{", "}", "X", "IDENTITY",
                "identity.nam", "PERMIT", "FORBID", "ANY", "'", "\"", "#", "&a", "*a", "  ", "\t", "null", "~", "0");
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, TEXT.length()),
                Arbitraries.integers().between(0, 12), inserts).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void damagedPoliciesAreRefusedWithLocatedProblemsOrStillValid(@ForAll("edits") List<Edit> edits) {
        String text = TEXT;
        for (Edit e : edits) {
            text = e.apply(text);
        }
        try {
            Policy p = Policies.parseYaml(text, "damaged.yaml", FieldCatalog.defaultCatalog());
            assertThat(p.rules()).isNotNull();
        } catch (PolicyValidationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(pr -> assertThat(pr.location()).startsWith("damaged.yaml"));
        }
    }
}

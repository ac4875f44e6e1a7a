package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that ties a docs page to the test that compiles its code: a region of a test's source between
 * {@code // tag::name[]} and {@code // end::name[]} must appear in the page exactly, as a fenced Java block.
 * Paths are relative to the docs module (Maven runs its tests there).
 */
final class DocPages {
    private DocPages() {
    }

    /**
     * The lines between {@code tag::name[]} and {@code end::name[]} in the test's source, without the indent of the
     * {@code end} marker (8 spaces in a method, 4 for members of a class).
     */
    static String region(Class<?> test, String name) {
        String source = read(Path.of("src/test/java", test.getName().replace('.', '/') + ".java"));
        String begin = "// tag::" + name + "[]\n";
        int from = source.indexOf(begin);
        int marker = source.indexOf("// end::" + name + "[]");
        int to = source.lastIndexOf('\n', marker) + 1;
        if (from < 0 || marker < from || !source.substring(to, marker).isBlank()) {
            throw new IllegalArgumentException("no region '" + name + "' in " + test.getSimpleName());
        }
        int indent = marker - to;
        String body = source.substring(from + begin.length(), to);
        return body.lines().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).reduce("", (a, l) -> a + l + "\n");
    }

    /** The text of a docs page, e.g. {@code "publication.md"}. */
    static String page(String page) {
        return read(Path.of(page));
    }

    /** Asserts that the page quotes the test's region exactly, as a fenced Java block. */
    static void assertQuoted(String page, Class<?> test, String region) {
        assertThat(page(page)).as("%s quotes region %s of %s", page, region, test.getSimpleName())
                .contains("```java\n" + region(test, region) + "```\n");
    }

    /** Asserts that the page shows the output exactly, as a fenced plain block. */
    static void assertShown(String page, String output) {
        assertThat(page(page)).as("%s shows the output", page).contains("```\n" + output + "```\n");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

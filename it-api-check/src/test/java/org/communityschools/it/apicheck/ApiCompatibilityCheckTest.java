package org.communityschools.it.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API compatibility check of the parent pom, run by Maven on a fixture library against the jar of its "previous
 * release". Version 1 has {@code fixture.Greeting.hello(String)} and {@code bye()}, and an internal helper. Removing
 * {@code bye()} breaks callers compiled against version 1, so {@code mvn verify} fails and names the method; adding a
 * method, or removing the internal helper (internal packages are not API), passes.
 */
class ApiCompatibilityCheckTest {
    private static final String GREETING_V1 = """
            package fixture;
            /** Greetings. */
            public final class Greeting {
                private Greeting() {}
                /** @param name who @return the greeting */
                public static String hello(String name) { return "Hello, " + name; }
                /** @return the farewell */
                public static String bye() { return "Bye"; }
            }
            """;
    private static final String HELPER_V1 = """
            package fixture.internal;
            /** Not API. */
            public final class Helper {
                private Helper() {}
                /** @return a value */
                public static int help() { return 1; }
            }
            """;

    @TempDir
    static Path baselineDir;
    private static Path baseline;

    @BeforeAll
    static void buildTheBaselineJar() throws IOException {
        Path src = baselineDir.resolve("src");
        Path classes = baselineDir.resolve("classes");
        write(src, Map.of("fixture/Greeting.java", GREETING_V1, "fixture/internal/Helper.java", HELPER_V1));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        baseline = baselineDir.resolve("api-check-fixture-1.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(baseline));
             Stream<Path> files = Files.walk(classes)) {
            for (Path c : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
    }

    @Test
    void removingAPublicMethodFailsTheBuild(@TempDir Path project) throws Exception {
        String v2 = GREETING_V1.replace("""
                    /** @return the farewell */
                    public static String bye() { return "Bye"; }
                """, "");
        Result result = verify(project, Map.of("fixture/Greeting.java", v2, "fixture/internal/Helper.java", HELPER_V1));

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("japicmp").contains("fixture.Greeting").contains("bye()");
    }

    @Test
    void addingAMethodOrChangingAnInternalPackagePasses(@TempDir Path project) throws Exception {
        String v2 = GREETING_V1.replace("private Greeting() {}", """
                private Greeting() {}
                    /** @return a welcome */
                    public static String welcome() { return "Welcome"; }
                """);
        String helperV2 = HELPER_V1.replace("public static int help()", "public static long helpMore()");
        Result result = verify(project, Map.of("fixture/Greeting.java", v2, "fixture/internal/Helper.java", helperV2));

        assertThat(result.exit()).as(result.output()).isZero();
    }

    private record Result(int exit, String output) {
    }

    /** {@code mvn verify} of the fixture project with these sources against the baseline jar. */
    private static Result verify(Path project, Map<String, String> sources) throws IOException, InterruptedException {
        Path parentPom = Path.of(System.getProperty("api.check.parent.pom")).toAbsolutePath().normalize();
        String pom;
        try (var in = ApiCompatibilityCheckTest.class.getResourceAsStream("/fixture/pom.xml")) {
            pom = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(project.resolve("pom.xml"), pom.replace("@PARENT_POM@", project.toAbsolutePath().relativize(parentPom).toString()));
        write(project.resolve("src/main/java"), sources);

        Path mvn = Path.of(System.getProperty("api.check.maven.home"), "bin", "mvn");
        // offline: the fixture needs only the plugins of the outer build, already in the local repository
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + System.getProperty("api.check.local.repository"),
                "-Dfixture.baseline=" + baseline, "verify"));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MAVEN_OPTS", "-Xmx512m");
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the fixture build did not finish in 10 minutes: " + command);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = root.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}

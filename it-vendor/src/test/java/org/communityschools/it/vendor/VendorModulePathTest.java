package org.communityschools.it.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor's tool on the module path: its own module, the SDK's modules from sdk-bom and the validation provider the
 * docs name, started with {@code java --module-path ... -m}. The EL modules of Hibernate Validator are resolved with
 * {@code --add-modules}, as docs/embedding.md says; without them the SDK's error names that fix.
 */
class VendorModulePathTest {
    private static final String MODULE = "org.communityschools.it.vendor/org.communityschools.it.vendor.VendorTool";

    @Test
    void theEmbeddingExampleRunsOnTheModulePath(@TempDir Path work) throws Exception {
        Run run = java(work, "--add-modules", "jakarta.el,org.glassfish.expressly", "-m", MODULE, work.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("loaded: ")
                .contains("decided: attendance.records permitted")
                .contains("attendance shown, health absent")
                .contains("chain intact")
                .contains("computed: chronic absence at ")
                .contains("published: ");
        assertThat(Files.readAllLines(work.resolve("disclosures.jsonl"))).isNotEmpty();
    }

    @Test
    void withoutTheElModulesTheErrorNamesTheFix(@TempDir Path work) throws Exception {
        Run run = java(work, "-m", MODULE, work.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("needs Jakarta Expression Language")
                .contains("--add-modules jakarta.el,org.glassfish.expressly")
                .doesNotContain("no provider was found");
    }

    @Test
    void theToolIsANamedModuleOnTheModulePath(@TempDir Path work) throws Exception {
        Run run = java(work, "--add-modules", "jakarta.el,org.glassfish.expressly",
                "--describe-module", "org.communityschools.it.vendor");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("requires org.communityschools.privacy")
                .contains("requires org.communityschools.metrics");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run java(Path work, String... args) throws IOException, InterruptedException {
        String modulePath = System.getProperty("vendor.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("vendor.module.path.file"))).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "--module-path", modulePath));
        command.addAll(List.of(args));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the tool did not finish in 5 minutes: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
